package dev.schemacode.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.schemacode.processor.ProcessorHarness.compile;
import static dev.schemacode.processor.ProcessorHarness.snapshot;
import static dev.schemacode.processor.ProcessorHarness.source;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each mistake is a compile error on the line that makes it, with its tag, and nothing is written. */
class DeclarationErrorsTest {
  @TempDir Path migrations;

  static Stream<Arguments> mistakes() {
    return Stream.of(
        Arguments.of("[schemacode:UnmappableType] field owner has type java.lang.Thread", "Thread owner;"),
        Arguments.of("[schemacode:NullableId] primary-key field code is nullable (annotated @Nullable)",
            "@Id @org.jspecify.annotations.Nullable String code;"),
        Arguments.of("[schemacode:NullableId] primary-key field code is nullable (typed Optional)",
            "@Id java.util.Optional<String> code;"),
        Arguments.of("[schemacode:IdentityType] @Identity needs an integer column", "@Identity String code;"),
        Arguments.of("[schemacode:TransientColumn] field note is both @Transient and @Column",
            "@Transient @Column(name = \"n\") String note;"),
        Arguments.of("[schemacode:TransientId] field key is both @Transient and @Id", "@Transient @Id long key;"),
        Arguments.of("[schemacode:DuplicateColumn] column total of table thing comes from two fields, total and sum",
            "@Column(name = \"total\") long sum;"),
        Arguments.of("[schemacode:LengthNotText] @Column(length = 10) on field count", "@Column(length = 10) int count;"),
        Arguments.of("[schemacode:LengthNotPositive] @Column(length = -1)", "@Column(length = -1) String code;"),
        Arguments.of("[schemacode:PrecisionNotDecimal]", "@Column(precision = 5) long amount;"),
        Arguments.of("[schemacode:BadPrecision] @Column(precision = 2, scale = 5)",
            "@Column(precision = 2, scale = 5) java.math.BigDecimal amount;"),
        Arguments.of("[schemacode:TypeWithSize]", "@Column(type = \"varchar(3)\", length = 3) String code;"),
        Arguments.of("[schemacode:BadName] column name '" + "x".repeat(64) + "'",
            "@Column(name = \"" + "x".repeat(64) + "\") String code;"),
        Arguments.of("[schemacode:BadName] column name ' '", "@Column(name = \" \") String code;"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void isReportedOnTheOffendingField(String expected, String badField) {
    JavaFileObject source = source("com.example.Thing",
        "package com.example;",
        "import dev.schemacode.annotations.*;",
        "@Table",
        "public class Thing {",
        "  @Id long id;",
        "  long total;",
        "  " + badField,
        "}");
    Compilation compilation = compile(migrations, source);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(expected).inFile(source).onLineContaining(badField);
    assertTrue(snapshot(migrations).isEmpty(), "nothing written");
  }

  static Stream<Arguments> typeMistakes() {
    return Stream.of(
        Arguments.of("[schemacode:TableTarget] @Table belongs on a class or record, not on interface Shape",
            "@Table public interface Shape {}", "interface Shape"),
        Arguments.of("[schemacode:NoColumns] table shape has no columns",
            "@Table public class Shape { static int x; }", "class Shape"),
        Arguments.of("[schemacode:BadName] table name '" + "t".repeat(70) + "'",
            "@Table(name = \"" + "t".repeat(70) + "\") public class Shape { long id; }", "class Shape"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("typeMistakes")
  void isReportedOnTheOffendingType(String expected, String declaration, String line) {
    JavaFileObject source = source("com.example.Shape",
        "package com.example;",
        "import dev.schemacode.annotations.*;",
        declaration);
    Compilation compilation = compile(migrations, source);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(expected).inFile(source).onLineContaining(line);
  }

  @org.junit.jupiter.api.Test
  void twoClassesClaimingOneTable() {
    JavaFileObject a = source("com.example.A", "package com.example;", "import dev.schemacode.annotations.*;",
        "@Table(name = \"shared\") public class A { long id; }");
    JavaFileObject b = source("com.example.B", "package com.example;", "import dev.schemacode.annotations.*;",
        "@Table(name = \"shared\") public class B { long id; }");
    Compilation compilation = compile(migrations, a, b);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[schemacode:DuplicateTable] table shared is declared twice, by com.example.A and com.example.B")
        .inFile(b).onLineContaining("class B");
  }
}

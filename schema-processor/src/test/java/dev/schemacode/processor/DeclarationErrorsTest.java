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
        Arguments.of("[schemacode:BadName] column name ' '", "@Column(name = \" \") String code;"),
        Arguments.of("[schemacode:BadName] constraint name '" + "u".repeat(64) + "'",
            "@Unique(name = \"" + "u".repeat(64) + "\") long code;"),
        Arguments.of("[schemacode:TransientConflict] field extra is @Transient but also @Default",
            "@Transient @Default(\"1\") long extra;"),
        Arguments.of("[schemacode:TransientConflict] field extra is @Transient but also @Index",
            "@Transient @Index long extra;"),
        Arguments.of("[schemacode:IdentityWithDefault] field seq is @Identity and has @Default",
            "@Identity @Default(\"1\") long seq;"),
        Arguments.of("[schemacode:ColumnsOnField] @Unique on field code must not list columns",
            "@Unique(columns = \"total\") long code;"),
        Arguments.of("[schemacode:ColumnsOnField] @References on field parent must not list columns",
            "@References(value = Thing.class, columns = \"id\") long parent;"),
        Arguments.of("[schemacode:BlankValue] @Default on code is blank", "@Default(\" \") long code;"),
        Arguments.of("[schemacode:BlankValue] @Check on code is blank", "@Check(\" \") long code;"),
        Arguments.of("[schemacode:BlankValue] @Comment on code is blank", "@Comment(\"\") long code;"),
        Arguments.of("[schemacode:BlankValue] @Index(where) on code is blank", "@Index(where = \"  \") long code;"),
        Arguments.of("[schemacode:IndexMethod] index method 'fulltext' on code", "@Index(using = \"fulltext\") long code;"),
        Arguments.of("[schemacode:IndexUniqueMethod] unique index on code uses hash",
            "@Index(unique = true, using = \"hash\") long code;"),
        Arguments.of("[schemacode:NestedArray] field grid has type java.util.List<int[]>", "java.util.List<int[]> grid;"),
        Arguments.of("[schemacode:UnmappableType] field threads has type java.util.List<java.lang.Thread>",
            "java.util.List<Thread> threads;"),
        Arguments.of("[schemacode:UnmappableType] field raw has type java.util.List", "@SuppressWarnings(\"rawtypes\") java.util.List raw;"),
        Arguments.of("[schemacode:UnmappableType] field letter has type char", "char letter;"),
        Arguments.of("[schemacode:JsonWithType] field doc is @Json and sets @Column(type)",
            "@Json @Column(type = \"json\") String doc;"),
        Arguments.of("[schemacode:EmptyEnum] enum com.example.Thing.Empty has no constants", "enum Empty {} Empty state;"),
        Arguments.of("[schemacode:RenamedFromSelf] @RenamedFrom(\"code\") on code names its current name",
            "@RenamedFrom(\"code\") long code;"),
        Arguments.of("[schemacode:RenamedFromClash] @RenamedFrom(\"total\") on code names column total",
            "@RenamedFrom(\"total\") long code;"),
        Arguments.of("[schemacode:RenamedFromClash] @RenamedFrom(\"total\") on code names column total, which is declared too;"
            + " a rename needs the old name to be free. To swap or shift names, do it in two steps: rename one of them to"
            + " a name no one uses and build (a migration is recorded), then rename the others and build again",
            "@RenamedFrom(\"total\") long code;"),
        Arguments.of("[schemacode:RenamedFromTwice] @RenamedFrom(\"old\") appears on both a and b",
            "@RenamedFrom(\"old\") long a; @RenamedFrom(\"old\") long b;"),
        Arguments.of("[schemacode:ReferenceNotTable] @References(String.class) on owner: java.lang.String is not a @Table entity",
            "@References(String.class) long owner;"),
        Arguments.of("[schemacode:ReferenceTypeMismatch] column parent (integer) references thing.id (bigint)",
            "@References(Thing.class) int parent;"),
        Arguments.of("[schemacode:ReferenceColumnUnknown] @References on parent names column 'nope' of table thing",
            "@References(value = Thing.class, column = \"nope\") long parent;"),
        Arguments.of("[schemacode:ReferenceNotUnique] foreign key thing_parent_fkey references (total) of thing",
            "@References(value = Thing.class, column = \"total\") long parent;"),
        Arguments.of("[schemacode:SetNullOnRequired] foreign key thing_parent_fkey uses SET NULL, but column parent is NOT NULL",
            "@References(value = Thing.class, onDelete = ReferentialAction.SET_NULL) long parent;"),
        Arguments.of("[schemacode:SetDefaultWithoutDefault] foreign key thing_parent_fkey uses SET DEFAULT",
            "@References(value = Thing.class, onUpdate = ReferentialAction.SET_DEFAULT) long parent;"));
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
            "@Table(name = \"" + "t".repeat(70) + "\") public class Shape { long id; }", "class Shape"),
        Arguments.of("[schemacode:BadName] schema name '" + "s".repeat(64) + "'",
            "@Table(schema = \"" + "s".repeat(64) + "\") public class Shape { long id; }", "class Shape"),
        Arguments.of("[schemacode:TableNested] @Table class com.example.Shape.Inner is an inner class",
            "public class Shape { @Table public class Inner { long id; } }", "class Inner"),
        Arguments.of("[schemacode:NoColumnsListed] @Unique on class Shape must list its columns",
            "@Table @Unique public class Shape { long id; }", "class Shape"),
        Arguments.of("[schemacode:NoColumnsListed] @References on class Shape must list its columns",
            "@Table @References(Shape.class) public class Shape { @Id long id; }", "class Shape"),
        Arguments.of("[schemacode:UnknownColumn] @Index names column 'nope', which table shape does not have; use a column name (id, created_at)",
            "@Table @Index(columns = \"nope\") public class Shape { long id; java.time.Instant createdAt; }", "class Shape"),
        Arguments.of("[schemacode:UnknownColumn] @Unique names column 'nope'",
            "@Table @Unique(columns = {\"id\", \"nope\"}) public class Shape { long id; }", "class Shape"),
        Arguments.of("[schemacode:RepeatedColumn] @Unique lists column 'id' twice",
            "@Table @Unique(columns = {\"id\", \"id\"}) public class Shape { long id; }", "class Shape"),
        Arguments.of("[schemacode:ReferenceArity] foreign key shape_a_b_fkey has 2 columns but references 1 columns of shape",
            "@Table @References(value = Shape.class, columns = {\"a\", \"b\"}) public class Shape { @Id long id; long a; long b; }",
            "class Shape"),
        Arguments.of("[schemacode:ReferenceNoKey] @References(Shape.class) on b: table shape has no primary key",
            "@Table public class Shape { long a; @References(Shape.class) long b; }", "long b"),
        Arguments.of("[schemacode:IndexMethodColumns] hash index on Shape spans 2 columns",
            "@Table @Index(columns = {\"a\", \"b\"}, using = \"hash\") public class Shape { long a; long b; }", "class Shape"),
        Arguments.of("[schemacode:DuplicateName] name 'shape' is used twice in schema (default) (table shape and an index or key of shape)",
            "@Table @Index(columns = \"id\", name = \"shape\") public class Shape { long id; }", "class Shape"),
        Arguments.of("[schemacode:DuplicateName] constraint name 'shape_pkey' is used twice",
            "@Table public class Shape { @Id long id; @Unique(name = \"shape_pkey\") long other; }", "class Shape"),
        Arguments.of("[schemacode:PgEnumTarget] @PgEnum belongs on an enum, not on Shape",
            "@PgEnum public class Shape {}", "class Shape"),
        Arguments.of("[schemacode:BlankValue] @Comment on Shape is blank",
            "@Table @Comment(\" \") public class Shape { long id; }", "class Shape"),
        Arguments.of("[schemacode:RenamedFromSelf] @RenamedFrom(\"shape\") on Shape names its current name",
            "@Table @RenamedFrom(\"shape\") public class Shape { long id; }", "class Shape"),
        Arguments.of("[schemacode:RenamedFromSelf] @RenamedFrom(\"web.shape\") on Shape names its current name",
            "@Table(schema = \"web\") @RenamedFrom(\"web.shape\") public class Shape { long id; }", "class Shape"),
        Arguments.of("[schemacode:RenamedFromSelf] @RenamedFrom(\"public.shape\") on Shape names its current name",
            "@Table @RenamedFrom(\"public.shape\") public class Shape { long id; }", "class Shape"),
        Arguments.of("[schemacode:BadName] old schema name '' on Shape",
            "@Table @RenamedFrom(\" .shape\") public class Shape { long id; }", "class Shape"),
        Arguments.of("[schemacode:TableTarget] @Table belongs on a class or record, not on enum Shape",
            "@Table public enum Shape { A }", "enum Shape"));
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
  void twoJavaEnumsWithOnePostgresName() {
    JavaFileObject a = source("com.example.a.Status", "package com.example.a;", "public enum Status { ON }");
    JavaFileObject b = source("com.example.b.Status", "package com.example.b;", "public enum Status { OFF }");
    JavaFileObject table = source("com.example.Thing", "package com.example;", "import dev.schemacode.annotations.*;",
        "@Table public class Thing {",
        "  com.example.a.Status first;",
        "  com.example.b.Status second;",
        "}");
    Compilation compilation = compile(migrations, a, b, table);
    assertThat(compilation).hadErrorContaining("[schemacode:EnumNameClash] enum com.example.b.Status maps to PostgreSQL type status,"
        + " which enum com.example.a.Status already uses").inFile(table).onLineContaining("second;");
  }

  @org.junit.jupiter.api.Test
  void anEnumTypeNamedLikeATable() {
    JavaFileObject status = source("com.example.Thing", "package com.example;", "import dev.schemacode.annotations.*;",
        "@Table public class Thing { Kind kind; }");
    JavaFileObject kind = source("com.example.Kind", "package com.example;", "public enum Kind { A }");
    JavaFileObject table = source("com.example.KindTable", "package com.example;", "import dev.schemacode.annotations.*;",
        "@Table(name = \"kind\") public class KindTable { long id; }");
    Compilation compilation = compile(migrations, status, kind, table);
    assertThat(compilation).hadErrorContaining("[schemacode:EnumTableClash] enum type kind has the name of a table")
        .inFile(table).onLineContaining("class KindTable");
  }

  @org.junit.jupiter.api.Test
  void aFieldLevelReferenceToACompositeKey() {
    JavaFileObject target = source("com.example.Pair", "package com.example;", "import dev.schemacode.annotations.*;",
        "@Table public class Pair { @Id long a; @Id long b; }");
    JavaFileObject source = source("com.example.User", "package com.example;", "import dev.schemacode.annotations.*;",
        "@Table public class User {",
        "  @References(Pair.class) long pair;",
        "}");
    Compilation compilation = compile(migrations, target, source);
    assertThat(compilation).hadErrorContaining("[schemacode:ReferenceNoKey] @References(Pair.class) on pair:"
        + " table pair has a composite primary key (a, b)").inFile(source).onLineContaining("long pair;");
  }

  @org.junit.jupiter.api.Test
  void anUnexpectedFailureIsAnErrorOnTheElementNotAStackTrace() {
    JavaFileObject source = source("com.example.Thing", "package com.example;", "import dev.schemacode.annotations.*;",
        "@Table public class Thing { long id; }");
    Compilation compilation = com.google.testing.compile.Compiler.javac()
        .withProcessors(new SchemaProcessor(element -> {
          throw new IllegalStateException("boom");
        }))
        .withOptions("-Aschemacode.migrations=" + migrations)
        .compile(source);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[schemacode:Internal] the schemacode annotation processor"
        + " (dev.schemacode.processor.SchemaProcessor) failed unexpectedly while processing com.example.Thing:"
        + " java.lang.IllegalStateException: boom. This is a bug in schemacode").inFile(source).onLineContaining("class Thing");
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

package dev.schemacode.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jOOQ metamodel the processor writes when jOOQ is on the class path. */
class JooqMetamodelTest {
  @TempDir Path migrations;

  static final JavaFileObject CUSTOMER = ProcessorHarness.source("com.example.Customer",
      "package com.example;",
      "import dev.schemacode.annotations.*;",
      "@Table public class Customer {",
      "  @Id @Identity long id;",
      "  @Unique String email;",
      "}");
  static final JavaFileObject STATUS = ProcessorHarness.source("com.example.Status",
      "package com.example;",
      "public enum Status { NEW, PAID }");
  static final JavaFileObject ORDER = ProcessorHarness.source("com.example.Order",
      "package com.example;",
      "import dev.schemacode.annotations.*;",
      "import java.math.BigDecimal;",
      "import java.time.Duration;",
      "import java.time.Instant;",
      "import java.util.List;",
      "import org.jspecify.annotations.Nullable;",
      "@Table(name = \"order\", schema = \"sales\")",
      "@Comment(\"Orders as placed\")",
      "@Index(columns = {\"customer_id\", \"placed_at\"})",
      "public class Order {",
      "  @Id @Identity @Nullable Long id;",
      "  @References(value = Customer.class, onDelete = ReferentialAction.CASCADE) long customerId;",
      "  @Column(length = 40) String number;",
      "  @Nullable String note;",
      "  @Column(precision = 10, scale = 2) BigDecimal total;",
      "  @Default(\"'NEW'\") Status status;",
      "  @Json String details;",
      "  List<String> tags;",
      "  Duration handlingTime;",
      "  @Comment(\"when it was placed\") Instant placedAt;",
      "}");

  private Compilation compile(JavaFileObject... sources) {
    return javac().withProcessors(new SchemaProcessor())
        .withOptions("-Aschemacode.migrations=" + migrations)
        .compile(sources);
  }

  @Test
  void writesTableClassesThatCompileAgainstJooq() throws IOException {
    Compilation compilation = compile(CUSTOMER, STATUS, ORDER);
    assertThat(compilation).succeeded();
    String actual = compilation.generatedSourceFile("com.example.jooq.OrderTable").orElseThrow()
        .getCharContent(true).toString();
    Path golden = Path.of("src/test/resources/golden/OrderTable.java.txt");
    String expected = Files.exists(golden) ? Files.readString(golden, StandardCharsets.UTF_8) : "";
    if (!expected.equals(actual)) {
      Path written = Path.of("target/OrderTable.java.actual.txt");
      Files.writeString(written, actual);
      assertEquals(expected, actual, "generated OrderTable differs from " + golden + "; actual output in " + written);
    }
    assertThat(compilation).generatedSourceFile("com.example.jooq.Tables").contentsAsUtf8String()
        .contains("public static final OrderTable ORDER = OrderTable.ORDER;");
    assertThat(compilation).generatedSourceFile("com.example.jooq.PgStatus").contentsAsUtf8String()
        .contains("return \"status\";");
  }

  @Test
  void theWholeRentalSchemaCompilesAsJooqClasses() throws Exception {
    assertThat(compile(RentalSchemaTest.sources())).succeeded();
  }

  @Test
  void canBeSwitchedOff() {
    Compilation compilation = javac().withProcessors(new SchemaProcessor())
        .withOptions("-Aschemacode.migrations=" + migrations, "-Aschemacode.jooq=false")
        .compile(CUSTOMER);
    assertThat(compilation).succeeded();
    org.junit.jupiter.api.Assertions.assertTrue(compilation.generatedSourceFiles().stream()
        .noneMatch(f -> f.getName().contains("/jooq/")));
  }
}

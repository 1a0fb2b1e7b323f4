package dev.schemacode.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    for (String generated : List.of("OrderTable", "OrderRecord", "Keys")) {
      String actual = compilation.generatedSourceFile("com.example.jooq." + generated).orElseThrow()
          .getCharContent(true).toString();
      Path golden = golden(generated);
      String expected = Files.exists(golden) ? Files.readString(golden, StandardCharsets.UTF_8) : "";
      if (!expected.equals(actual)) {
        Path written = Path.of("target/" + generated + ".java.actual.txt");
        Files.writeString(written, actual);
        assertEquals(expected, actual, "generated " + generated + " differs from " + golden + "; actual output in " + written);
      }
    }
    assertThat(compilation).generatedSourceFile("com.example.jooq.Tables").contentsAsUtf8String()
        .contains("public static final OrderTable ORDER = OrderTable.ORDER;");
    assertThat(compilation).generatedSourceFile("com.example.jooq.PgStatus").contentsAsUtf8String()
        .contains("return \"status\";");
    assertThat(compilation).generatedSourceFile("com.example.jooq.Keys").contentsAsUtf8String()
        .contains("public static final ForeignKey<OrderRecord, CustomerRecord> SALES_ORDER__ORDER_CUSTOMER_ID_FKEY");
    assertThat(compilation).generatedSourceFile("com.example.jooq.OrderRecord").contentsAsUtf8String()
        .contains("public class OrderRecord extends UpdatableRecordImpl<OrderRecord>");
  }

  /** The whole rental schema compiles as jOOQ classes, and every file is the same whatever order javac is given the sources in. */
  /**
   * The expected file; jOOQ 3.20+ keeps foreign keys' referential actions, so their {@code Keys} carries them
   * ({@code golden/foreign-key-rules/}), 3.19's cannot.
   */
  private static Path golden(String generated) {
    Path versioned = Path.of("src/test/resources/golden/foreign-key-rules/" + generated + ".java.txt");
    boolean rules;
    try {
      Class.forName("org.jooq.impl.QOM$ForeignKeyRule");
      rules = true;
    } catch (ClassNotFoundException e) {
      rules = false;
    }
    return rules && Files.exists(versioned) ? versioned : Path.of("src/test/resources/golden/" + generated + ".java.txt");
  }

  @Test
  void theWholeRentalSchemaCompilesAsJooqClassesTheSameInAnyOrder(@TempDir Path otherMigrations) throws Exception {
    JavaFileObject[] sources = RentalSchemaTest.sources();
    Compilation forwards = compile(sources);
    assertThat(forwards).succeeded();
    List<JavaFileObject> reversed = new java.util.ArrayList<>(List.of(sources));
    java.util.Collections.reverse(reversed);
    Compilation backwards = javac().withProcessors(new SchemaProcessor())
        .withOptions("-Aschemacode.migrations=" + otherMigrations).compile(reversed);
    assertThat(backwards).succeeded();
    java.util.Map<String, String> first = jooqSources(forwards);
    assertTrue(first.size() > 20, first.keySet().toString());
    assertEquals(first, jooqSources(backwards));
  }

  private static java.util.Map<String, String> jooqSources(Compilation compilation) throws IOException {
    java.util.Map<String, String> sources = new java.util.TreeMap<>();
    for (JavaFileObject file : compilation.generatedSourceFiles()) {
      if (file.getName().contains("/jooq/")) {
        sources.put(file.getName(), file.getCharContent(true).toString());
      }
    }
    return sources;
  }

  /** Two keys to one table and a self-reference: path names after the key where the table's name is ambiguous. */
  static final JavaFileObject EMPLOYEE = ProcessorHarness.source("com.example.Employee",
      "package com.example;",
      "import dev.schemacode.annotations.*;",
      "import org.jspecify.annotations.Nullable;",
      "@Table public class Employee {",
      "  @Id @Identity long id;",
      "  @References(Employee.class) @Nullable Long managerId;",
      "  @References(Customer.class) long homeCustomerId;",
      "  @References(Customer.class) @Nullable Long workCustomerId;",
      "  String table;",
      "  String value;",
      "}");

  @Test
  void pathsAreNamedAfterTheKeyWhereTheTableIsAmbiguousAndRecordAccessorsAvoidJooqsNames() throws Exception {
    Compilation compilation = compile(CUSTOMER, EMPLOYEE);
    assertThat(compilation).succeeded();
    String employee = source(compilation, "com.example.jooq.EmployeeTable");
    assertTrue(employee.contains("public EmployeePath employeeManagerIdFkey()"), employee);
    assertTrue(employee.contains("public EmployeePath employeeManagerIdFkeyInverse()"), employee);
    assertTrue(employee.contains("public CustomerTable.CustomerPath employeeHomeCustomerIdFkey()"), employee);
    assertTrue(employee.contains("public CustomerTable.CustomerPath employeeWorkCustomerIdFkey()"), employee);
    String customer = source(compilation, "com.example.jooq.CustomerTable");
    assertTrue(customer.contains("public EmployeeTable.EmployeePath employeeHomeCustomerIdFkeyInverse()"), customer);
    String record = source(compilation, "com.example.jooq.EmployeeRecord");
    assertTrue(record.contains("public String getTable_()") && record.contains("public void setTable_(String value)"), record);
    assertTrue(record.contains("public String getValue()"), "getValue() with no argument does not clash: " + record);
  }

  @Test
  void withoutASchemaOptionTablesRenderUnqualifiedAndSearchPathDecides() throws Exception {
    Compilation compilation = compile(CUSTOMER, STATUS, ORDER);
    assertThat(compilation).succeeded();
    ClassLoader classes = GeneratedClasses.loader(compilation);
    assertEquals("select \"customer\".\"id\", \"customer\".\"email\" from \"customer\"", render(classes, "CUSTOMER"));
    assertTrue(render(classes, "ORDER").startsWith("select \"sales\".\"order\".\"id\""), "a table declared in a schema keeps it");
    @SuppressWarnings("unchecked")
    org.jooq.Field<Object> status = (org.jooq.Field<Object>) table(classes, "ORDER").field("status");
    Object paid = classes.loadClass("com.example.Status").getField("PAID").get(null);
    assertEquals("\"sales\".\"order\".\"status\" = cast(? as \"status\")",
        org.jooq.impl.DSL.using(org.jooq.SQLDialect.POSTGRES).render(status.eq(paid)), "the enum type follows search_path too");
    assertThat(compilation).generatedSourceFile("com.example.jooq.DefaultSchema").contentsAsUtf8String()
        .contains("super(\"\", null);");
  }

  @Test
  void theSchemaOptionNamesTheDefaultSchemaSoRenderMappingCanMapIt() throws Exception {
    Compilation compilation = javac().withProcessors(new SchemaProcessor())
        .withOptions("-Aschemacode.migrations=" + migrations, "-Aschemacode.jooq.schema=public")
        .compile(CUSTOMER, STATUS, ORDER);
    assertThat(compilation).succeeded();
    ClassLoader classes = GeneratedClasses.loader(compilation);
    assertEquals("select \"public\".\"customer\".\"id\", \"public\".\"customer\".\"email\" from \"public\".\"customer\"",
        render(classes, "CUSTOMER"));
    org.jooq.conf.Settings tenant = new org.jooq.conf.Settings().withRenderMapping(new org.jooq.conf.RenderMapping()
        .withSchemata(new org.jooq.conf.MappedSchema().withInput("public").withOutput("tenant_a")));
    org.jooq.Table<?> customer = table(classes, "CUSTOMER");
    assertEquals("select \"tenant_a\".\"customer\".\"id\", \"tenant_a\".\"customer\".\"email\" from \"tenant_a\".\"customer\"",
        org.jooq.impl.DSL.using(org.jooq.SQLDialect.POSTGRES, tenant).render(org.jooq.impl.DSL.selectFrom(customer)));
    assertThat(compilation).generatedSourceFile("com.example.jooq.DefaultCatalog").contentsAsUtf8String()
        .contains("List.of(Public.PUBLIC, Sales.SALES)");
  }

  private static org.jooq.Table<?> table(ClassLoader classes, String constant) throws ReflectiveOperationException {
    return (org.jooq.Table<?>) classes.loadClass("com.example.jooq.Tables").getField(constant).get(null);
  }

  private static String render(ClassLoader classes, String constant) throws ReflectiveOperationException {
    return org.jooq.impl.DSL.using(org.jooq.SQLDialect.POSTGRES).render(org.jooq.impl.DSL.selectFrom(table(classes, constant)));
  }

  private static String source(Compilation compilation, String className) throws IOException {
    return compilation.generatedSourceFile(className).orElseThrow().getCharContent(true).toString();
  }

  /**
   * Defaults as jOOQ's {@code Meta} reads PostgreSQL's spelling of them (a value for a text literal,
   * {@code current_timestamp} for {@code now()}), others as written; an {@code Instant} column as the
   * database's type, converted.
   */
  @Test
  void defaultsAreWhatJooqReadsFromTheDatabaseAndInstantsAreTimestamptz() throws Exception {
    Compilation compilation = compile(ProcessorHarness.source("com.example.Note",
        "package com.example;",
        "import dev.schemacode.annotations.*;",
        "import java.time.Instant;",
        "@Table public class Note {",
        "  @Id @Identity long id;",
        "  @Default(\"'it''s'\") String text;",
        "  @Column(length = 3) @Default(\" 'EUR' \") String currency;",
        "  @Default(\"NOW()\") Instant createdAt;",
        "  @Default(\"0\") int count;",
        "  @Default(\"'a' || 'b'\") String joined;",
        "}"));
    assertThat(compilation).succeeded();
    String note = source(compilation, "com.example.jooq.NoteTable");
    assertTrue(note.contains("defaultValue(DSL.inline(\"it's\", SQLDataType.CLOB))"), note);
    assertTrue(note.contains("defaultValue(DSL.inline(\"EUR\", SQLDataType.VARCHAR(3)))"), note);
    assertTrue(note.contains("defaultValue(DSL.currentTimestamp().coerce(SQLDataType.TIMESTAMPWITHTIMEZONE(6)))"), note);
    assertTrue(note.contains("defaultValue(DSL.field(DSL.raw(\"0\"), SQLDataType.INTEGER))"), note);
    assertTrue(note.contains("defaultValue(DSL.field(DSL.raw(\"'a' || 'b'\"), SQLDataType.CLOB))"), note);
    org.jooq.Table<?> table = table(GeneratedClasses.loader(compilation), "NOTE");
    assertEquals(java.time.Instant.class, table.field("created_at").getType());
    String ddl = org.jooq.impl.DSL.using(org.jooq.SQLDialect.POSTGRES).ddl(table).toString();
    assertTrue(ddl.contains("\"text\" text not null default 'it''s'") && ddl.contains("timestamp(6) with time zone not null default"), ddl);
  }

  /**
   * Names that would clash in the one {@code Tables} and package: tables of the same name in two schemas
   * (the ones outside the connection's schema get their schema as a prefix), a schema named like a
   * generated class ({@code KeysSchema}).
   */
  @Test
  void tablesOfOneNameInSeveralSchemasAndASchemaNamedKeysGetDistinctNames() throws Exception {
    Compilation compilation = compile(
        ProcessorHarness.source("com.example.Event", "package com.example;", "import dev.schemacode.annotations.*;",
            "@Table public class Event { @Id long id; }"),
        ProcessorHarness.source("com.example.audit.Event", "package com.example.audit;", "import dev.schemacode.annotations.*;",
            "@Table(schema = \"audit\") public class Event { @Id long id; }"),
        ProcessorHarness.source("com.example.billing.Event", "package com.example.billing;", "import dev.schemacode.annotations.*;",
            "@Table(schema = \"billing\") public class Event { @Id long id; }"),
        ProcessorHarness.source("com.example.Vault", "package com.example;", "import dev.schemacode.annotations.*;",
            "@Table(schema = \"keys\") public class Vault { @Id long id; }"));
    assertThat(compilation).succeeded();
    ClassLoader classes = GeneratedClasses.loader(compilation);
    assertEquals("", table(classes, "EVENT").getSchema().getName());
    assertEquals("audit", table(classes, "AUDIT_EVENT").getSchema().getName());
    assertEquals("billing", table(classes, "BILLING_EVENT").getSchema().getName());
    assertEquals("keys", table(classes, "VAULT").getSchema().getName());
    assertEquals("com.example.jooq.KeysSchema", table(classes, "VAULT").getSchema().getClass().getName());
    org.jooq.Catalog catalog = (org.jooq.Catalog) classes.loadClass("com.example.jooq.DefaultCatalog").getField("DEFAULT_CATALOG").get(null);
    assertEquals(List.of("", "audit", "billing", "keys"), catalog.getSchemas().stream().map(org.jooq.Schema::getName).toList());
  }

  /** Two nested enums of one simple name, told apart by their PostgreSQL names: a {@code Pg} class each, named after the type. */
  @Test
  void enumTypesAreNamedAfterThePostgresType() throws Exception {
    Compilation compilation = compile(
        ProcessorHarness.source("com.example.Ticket", "package com.example;", "import dev.schemacode.annotations.*;",
            "@Table public class Ticket {",
            "  @PgEnum(name = \"ticket_status\") public enum Status { OPEN, CLOSED }",
            "  @Id long id;",
            "  Status status;",
            "}"),
        ProcessorHarness.source("com.example.Invoice", "package com.example;", "import dev.schemacode.annotations.*;",
            "@Table(schema = \"billing\") public class Invoice {",
            "  @PgEnum(schema = \"billing\") public enum Status { DUE, PAID }",
            "  @Id long id;",
            "  Status status;",
            "}"));
    assertThat(compilation).succeeded();
    assertThat(compilation).generatedSourceFile("com.example.jooq.PgTicketStatus").contentsAsUtf8String()
        .contains("return \"ticket_status\";");
    assertThat(compilation).generatedSourceFile("com.example.jooq.PgBillingStatus").contentsAsUtf8String()
        .contains("return Billing.BILLING;");
    ClassLoader classes = GeneratedClasses.loader(compilation);
    @SuppressWarnings("unchecked")
    org.jooq.Field<Object> status = (org.jooq.Field<Object>) table(classes, "INVOICE").field("status");
    Object paid = classes.loadClass("com.example.Invoice$Status").getField("PAID").get(null);
    assertEquals("\"billing\".\"invoice\".\"status\" = cast(? as \"billing\".\"status\")",
        org.jooq.impl.DSL.using(org.jooq.SQLDialect.POSTGRES).render(status.eq(paid)));
  }

  /**
   * Time types keep the entity's Java type and carry the column's precision: PostgreSQL's 6 when none is
   * written, the declared one otherwise. A declared type is typed however it is spelled.
   */
  @Test
  void timeTypesKeepTheEntitysTypeAndCarryThePrecisionInAnySpelling() throws Exception {
    Compilation compilation = compile(ProcessorHarness.source("com.example.Event",
        "package com.example;",
        "import dev.schemacode.annotations.*;",
        "import java.time.*;",
        "@Table public class Event {",
        "  @Id @Identity long id;",
        "  Instant happenedAt;",
        "  @Column(type = \"timestamptz(3)\") Instant loggedAt;",
        "  @Column(type = \"timestamp(0) with time zone\") OffsetDateTime seenAt;",
        "  OffsetDateTime sentAt;",
        "  @Column(type = \"timestamp(2)\") LocalDateTime localAt;",
        "  LocalTime startsAt;",
        "  @Column(type = \"character varying(3)\") String currency;",
        "  @Column(type = \"char(2)\") String country;",
        "  @Column(type = \"int8\") long total;",
        "}"));
    assertThat(compilation).succeeded();
    org.jooq.Table<?> event = table(GeneratedClasses.loader(compilation), "EVENT");
    org.jooq.DSLContext postgres = org.jooq.impl.DSL.using(org.jooq.SQLDialect.POSTGRES);
    java.util.Map<String, String> described = new java.util.TreeMap<>();
    for (String column : List.of("happened_at", "logged_at", "seen_at", "sent_at", "local_at", "starts_at", "currency", "country", "total")) {
      org.jooq.Field<?> field = event.field(column);
      described.put(column, field.getType().getSimpleName() + " " + field.getDataType().getCastTypeName(postgres.configuration()));
    }
    assertEquals(java.util.Map.of(
        "happened_at", "Instant timestamp(6) with time zone",
        "logged_at", "Instant timestamp(3) with time zone",
        "seen_at", "OffsetDateTime timestamp(0) with time zone",
        "sent_at", "OffsetDateTime timestamp(6) with time zone",
        "local_at", "LocalDateTime timestamp(2)",
        "starts_at", "LocalTime time(6)",
        "currency", "String varchar(3)",
        "country", "String char(2)",
        "total", "Long bigint"), described);
  }

  /** A class of the name a generated one needs: a tagged error on the entity, not a stack trace or a bare Filer message. */
  @Test
  void aClassInTheWayOfAGeneratedOneIsAnErrorOnTheEntity() {
    JavaFileObject keys = ProcessorHarness.source("com.example.jooq.Keys", "package com.example.jooq;", "public class Keys {}");
    Compilation compilation = compile(CUSTOMER, keys);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[schemacode:JooqWrite] cannot write the jOOQ metamodel's class com.example.jooq.Keys")
        .inFile(CUSTOMER).onLineContaining("class Customer");
    assertThat(compilation).hadErrorContaining("-Aschemacode.jooq=false");
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

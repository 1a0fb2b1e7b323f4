package dev.schemacode.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemacode.example.jooq.Tables;
import dev.schemacode.runtime.Migrator;
import dev.schemacode.testing.TestDatabase;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.Meta;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor's jOOQ metamodel against what jOOQ's own code generator writes from the database the
 * example's migrations build (docs/coming-from-jooq-codegen.md): every table, column, key, index,
 * default, check and comment equal, or one of the documented differences; jOOQ's {@code Meta} diff
 * treating ours as its own; the same query suite green on both.
 */
class JooqCodegenCompatibilityTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();
  @TempDir static Path directory;
  private static DSLContext db;
  private static ClassLoader codegen;

  @BeforeAll
  static void migrateAndGenerate() throws Exception {
    Migrator.builder().dataSource(database.dataSource()).migrations(SchemacodeMigrations.INDEX).build().migrate();
    db = DSL.using(database.dataSource(), SQLDialect.POSTGRES);
    codegen = JooqCodegen.generateAndCompile(database.jdbcUrl(), database.user(), database.password(), directory);
  }

  /**
   * The documented differences (docs/coming-from-jooq-codegen.md, "What differs"), as lines of
   * {@link JooqMetamodelDescription}: defaults and checks are the SQL as declared where codegen has
   * PostgreSQL's deparsed spelling, and {@code timestamptz} keeps its precision (codegen's forced
   * {@code INSTANT} type drops it; its default {@code OffsetDateTime} keeps it too).
   */
  static final List<String> ONLY_OURS = List.of(
      "check funding_coverage.funding_coverage_amount_check (amount > 0)",
      "check funding_coverage.funding_coverage_period_check (period_end >= period_start)",
      "column customer.created_at timestamp(6) with time zone not null java=Instant comment=",
      "column funding_coverage.collected_at timestamp(6) with time zone java=Instant comment=",
      "column funding_coverage.collection_status \"public\".\"collection_status\" not null default 'PENDING' java=CollectionStatus comment=",
      "column funding_coverage.created_at timestamp(6) with time zone not null default now() java=Instant comment=",
      "column funding_coverage.currency varchar(3) not null default 'EUR' java=String comment=",
      "column payment.created_at timestamp(6) with time zone not null java=Instant comment=");
  static final List<String> ONLY_CODEGENS = List.of(
      "check funding_coverage.funding_coverage_amount_check (((amount > (0)::numeric)))",
      "check funding_coverage.funding_coverage_period_check (((period_end >= period_start)))",
      "column customer.created_at timestamp with time zone not null java=Instant comment=",
      "column funding_coverage.collected_at timestamp with time zone java=Instant comment=",
      "column funding_coverage.collection_status \"public\".\"collection_status\" not null default 'PENDING'::collection_status java=CollectionStatus comment=",
      "column funding_coverage.created_at timestamp with time zone not null default now() java=Instant comment=",
      "column funding_coverage.currency varchar(3) not null default 'EUR'::character varying java=String comment=",
      "column payment.created_at timestamp with time zone not null java=Instant comment=");

  @Test
  void theMetamodelsAgreeButForTheDocumentedDifferences() throws Exception {
    TreeSet<String> ours = JooqMetamodelDescription.describe(db, tables(Tables.class));
    TreeSet<String> theirs = JooqMetamodelDescription.describe(db, tables(codegen.loadClass(JooqCodegen.PACKAGE + ".Tables")));
    for (String kind : List.of("table ", "column ", "primary key ", "unique ", "foreign key ", "index ", "check ")) {
      assertTrue(ours.stream().anyMatch(line -> line.startsWith(kind)), "described: " + kind);
    }
    TreeSet<String> onlyOurs = new TreeSet<>(ours);
    onlyOurs.removeAll(theirs);
    TreeSet<String> onlyTheirs = new TreeSet<>(theirs);
    onlyTheirs.removeAll(ours);
    assertEquals(String.join("\n", ONLY_OURS), String.join("\n", onlyOurs), "only in ours");
    assertEquals(String.join("\n", ONLY_CODEGENS), String.join("\n", onlyTheirs), "only in codegen's");
  }

  /**
   * jOOQ's own diff sees ours as codegen's but for the spelling of defaults and checks; against the
   * live database (read through JDBC, schema "public" on both sides, as the metamodel names it) it
   * reports for ours what it reports for the classes its code generator wrote, but for those spellings
   * and the precision codegen's forced type drops.
   */
  @Test
  void jooqsMetaDiffSeesOursAsItSeesItsOwnGeneratedClasses() {
    Meta live = db.meta().filterSchemas(s -> s.getName().equals("public"))
        .filterTables(t -> !t.getName().startsWith("schemacode_"));
    Meta ours = db.meta(tables(Tables.class).toArray(Table[]::new));
    Meta theirs = db.meta(tables(load(JooqCodegen.PACKAGE + ".Tables")).toArray(Table[]::new));
    assertEquals("""
        alter table "public"."funding_coverage" drop constraint "funding_coverage_amount_check";
        alter table "public"."funding_coverage" drop constraint "funding_coverage_period_check";
        alter table "public"."funding_coverage" alter "collection_status" set default 'PENDING'::collection_status;
        alter table "public"."funding_coverage" alter "currency" set default 'EUR'::character varying;
        alter table "public"."funding_coverage" add constraint "funding_coverage_amount_check" check ((((amount > (0)::numeric))));
        alter table "public"."funding_coverage" add constraint "funding_coverage_period_check" check ((((period_end >= period_start))));""",
        ours.migrateTo(theirs).toString());
    // against the live database: the same statements, but for those the documented differences explain
    // (jOOQ 3.19 reports the same for both; 3.21 compares check conditions and timestamp precision)
    List<String> fromOurs = statements(ours.migrateTo(live));
    List<String> fromTheirs = statements(theirs.migrateTo(live));
    List<String> onlyOurs = fromOurs.stream().filter(q -> !fromTheirs.contains(q)).toList();
    List<String> onlyTheirs = fromTheirs.stream().filter(q -> !fromOurs.contains(q)).toList();
    assertTrue(onlyOurs.stream().allMatch(q -> q.matches("alter table .* (drop|add) constraint \"\\w+_check\".*")),
        "only ours: check conditions as declared, nothing else: " + onlyOurs);
    assertTrue(onlyTheirs.stream().allMatch(q -> q.matches("alter table .* alter \"\\w+\" type timestamp\\(6\\) with time zone")),
        "only codegen's: the precision its forced INSTANT type drops, nothing else: " + onlyTheirs);
    assertEquals("", ours.migrateTo(ours).toString());
  }

  @Test
  void theQuerySuiteRunsOnTheCodeGeneratorsClasses() throws Exception {
    codegen.loadClass(JooqQuerySuite.class.getName()).getMethod("run", DSLContext.class).invoke(null, db);
  }

  private static List<String> statements(org.jooq.Queries queries) {
    return java.util.Arrays.stream(queries.queries()).map(Object::toString).toList();
  }

  private static Class<?> load(String name) {
    try {
      return codegen.loadClass(name);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  /** The table constants of a {@code Tables} class (ours or the code generator's). */
  private static List<Table<?>> tables(Class<?> tablesClass) {
    List<Table<?>> tables = new ArrayList<>();
    try {
      for (java.lang.reflect.Field field : tablesClass.getFields()) {
        if (Modifier.isStatic(field.getModifiers()) && Table.class.isAssignableFrom(field.getType())) {
          tables.add((Table<?>) field.get(null));
        }
      }
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
    return tables;
  }
}

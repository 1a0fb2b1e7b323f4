package dev.schemacode.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemacode.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --schemas-query}, {@code --targets-query} with {@code --catalog-url}, and the exit codes of
 * a fleet that has no target, a query that cannot serve, and a backfill that does not exist.
 */
class FleetQueryCommandsTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();

  @TempDir Path migrations;

  @BeforeEach
  void tenants() throws Exception {
    sql("DROP SCHEMA IF EXISTS cq_1, cq_2, cq_3 CASCADE; CREATE SCHEMA cq_1; CREATE SCHEMA cq_2; CREATE SCHEMA cq_3;"
        + " DROP TABLE IF EXISTS public.tenants, public.shards;"
        + " CREATE TABLE public.tenants (name text, plan text); INSERT INTO public.tenants VALUES ('cq_1', 'paid'), ('cq_3', 'paid'), ('cq_2', 'free');"
        + " CREATE TABLE public.shards (url text)");
    Files.writeString(migrations.resolve("V0001__item.sql"), "CREATE TABLE item (id int PRIMARY KEY);\n");
  }

  private SchemacodeCliTest.Run run(String command, String... args) {
    List<String> all = new ArrayList<>(List.of(command, "--url", database.jdbcUrlWithCredentials(),
        "--migrations", migrations.toString()));
    all.addAll(List.of(args));
    return SchemacodeCliTest.cli(all.toArray(String[]::new));
  }

  @Test
  void schemasQuery() throws Exception {
    SchemacodeCliTest.Run deploy = run("deploy", "--schemas-query", "SELECT name FROM public.tenants WHERE plan = 'paid'");
    assertEquals(0, deploy.exitCode(), deploy.out() + deploy.err());
    assertTrue(deploy.out().contains("schemacode: cq_1: applied 1 migration; at V0001"), deploy.out());
    assertTrue(deploy.out().contains("schemacode: 2 targets: 2 applied, 0 up to date, 0 failed"), deploy.out());
    assertFalse(deploy.out().contains("cq_2"), deploy.out());

    SchemacodeCliTest.Run status = run("status", "--schemas-query", "SELECT name FROM public.tenants");
    assertEquals(0, status.exitCode(), status.out() + status.err());
    assertTrue(status.out().contains("schemacode: 3 targets: 2 up to date, 1 pending, 0 failed"), status.out());
  }

  @Test
  void targetsQueryOnACatalogDatabase() throws Exception {
    TestDatabase second = new TestDatabase();
    second.create("FleetQueryCommandsTest_second");
    try {
      sql("INSERT INTO public.shards VALUES ('" + second.jdbcUrlWithCredentials() + "'),"
          + " ('postgresql://fleet:hunter2-secret@127.0.0.1:1/gone?connectTimeout=2')");
      SchemacodeCliTest.Run deploy = SchemacodeCliTest.cli("deploy", "--catalog-url", database.jdbcUrlWithCredentials(),
          "--targets-query", "SELECT url FROM public.shards", "--migrations", migrations.toString(), "--parallel", "2");
      assertEquals(1, deploy.exitCode(), deploy.out() + deploy.err());
      assertTrue(deploy.out().contains("schemacode: 2 targets: 1 applied, 0 up to date, 1 failed"), deploy.out());
      assertTrue(deploy.out().lines().anyMatch(line -> line.startsWith("schemacode: failed: ")
          && line.contains("127.0.0.1:1/gone")), deploy.out());
      assertFalse((deploy.out() + deploy.err()).contains("hunter2"), deploy.out() + deploy.err());

      // without --catalog-url the query runs on the --url database
      SchemacodeCliTest.Run status = run("status", "--targets-query", "SELECT url FROM public.shards WHERE url NOT LIKE '%gone%'");
      assertEquals(0, status.exitCode(), status.out() + status.err());
      assertTrue(status.out().contains("schemacode: 1 target: 1 up to date, 0 pending, 0 failed"), status.out());
    } finally {
      second.drop();
    }
  }

  @Test
  void noTargetIsExitTwoWithOneLineSayingWhy() {
    SchemacodeCliTest.Run pattern = run("deploy", "--schemas", "nobody_%");
    assertEquals(2, pattern.exitCode(), pattern.out() + pattern.err());
    assertTrue(pattern.err().startsWith("schemacode: error: no target: no schema matches nobody_% in "), pattern.err());
    assertEquals(1, pattern.err().lines().count(), pattern.err());

    SchemacodeCliTest.Run empty = run("status", "--schemas-query", "SELECT name FROM public.tenants WHERE false");
    assertEquals(2, empty.exitCode(), empty.out() + empty.err());
    assertTrue(empty.err().contains("no target: the schemas query returned no row"), empty.err());

    SchemacodeCliTest.Run noShards = run("deploy", "--targets-query", "SELECT url FROM public.shards");
    assertEquals(2, noShards.exitCode(), noShards.out() + noShards.err());
    assertTrue(noShards.err().contains("no target: the targets query returned no row"), noShards.err());
  }

  @Test
  void aQueryThatCannotServeIsExitTwoWithoutThePassword() throws Exception {
    SchemacodeCliTest.Run columns = run("deploy", "--schemas-query", "SELECT name, plan FROM public.tenants");
    assertEquals(2, columns.exitCode(), columns.err());
    assertTrue(columns.err().contains("the schemas query must return one column (schema names); it returns 2: name, plan"),
        columns.err());

    SchemacodeCliTest.Run syntax = run("deploy", "--schemas-query", "SELEC name FROM public.tenants");
    assertEquals(2, syntax.exitCode(), syntax.err());
    assertTrue(syntax.err().contains("the schemas query failed: ") && syntax.err().contains("syntax error"), syntax.err());
    assertEquals(1, syntax.err().lines().count(), syntax.err());

    sql("INSERT INTO public.shards VALUES ('jdbc:postgresql://h/db?password=hunter2-secret&x'), ('hunter2-secret')");
    SchemacodeCliTest.Run row = run("validate", "--targets-query", "SELECT url FROM public.shards");
    assertEquals(2, row.exitCode(), row.err());
    assertTrue(row.err().contains("row 2 of the targets query is not a database URL"), row.err());
    assertFalse((row.out() + row.err()).contains("hunter2"), row.err());

    SchemacodeCliTest.Run catalog = SchemacodeCliTest.cli("deploy", "--migrations", migrations.toString(), "--catalog-url",
        "postgresql://fleet:hunter2-secret@127.0.0.1:1/catalog?connectTimeout=2", "--targets-query", "SELECT url FROM shards");
    assertEquals(1, catalog.exitCode(), "an unreachable catalog is a failure, not bad usage: " + catalog.err());
    assertFalse((catalog.out() + catalog.err()).contains("hunter2"), catalog.err());
  }

  @Test
  void badCombinationsAndAnUnknownBackfillAreExitTwo() throws Exception {
    assertEquals(2, run("deploy", "--schemas", "cq_1", "--schemas-query", "SELECT 'cq_1'").exitCode());
    assertEquals(2, run("deploy", "--schemas-query", "SELECT 'cq_1'", "--targets-query", "SELECT 1").exitCode());
    SchemacodeCliTest.Run catalogAlone = run("deploy", "--schemas", "cq_1", "--catalog-url", database.jdbcUrlWithCredentials());
    assertEquals(2, catalogAlone.exitCode(), catalogAlone.err());
    assertTrue(catalogAlone.err().contains("--catalog-url goes with --targets-query"), catalogAlone.err());

    Files.createDirectories(migrations.resolve("backfills"));
    Files.writeString(migrations.resolve("backfills/fill.sql"), "SELECT 1;\n");
    assertEquals(0, run("deploy", "--schemas", "cq_1,cq_2").exitCode());
    SchemacodeCliTest.Run unknown = run("backfill", "fil", "--schemas", "cq_1,cq_2");
    assertEquals(2, unknown.exitCode(), unknown.out() + unknown.err());
    assertTrue(unknown.err().contains("no backfill 'fil' in ") && unknown.err().contains("there are: fill"), unknown.err());
    assertFalse(unknown.out().contains("cq_1:"), "refused before any target: " + unknown.out());
  }

  private static void sql(String sql) throws Exception {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}

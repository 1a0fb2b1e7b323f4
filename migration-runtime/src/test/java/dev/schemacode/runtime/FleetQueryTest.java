package dev.schemacode.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemacode.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fleet targets from SQL: schemas a query returns, databases whose URLs a query on a catalog
 * database returns; what a fleet with no target does; the default parallelism; a backfill that
 * does not exist. On a real PostgreSQL.
 */
class FleetQueryTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();

  @TempDir Path migrations;

  @BeforeEach
  void tenants() throws Exception {
    sql("DROP SCHEMA IF EXISTS fq_1, fq_2, fq_3, fq_new CASCADE; CREATE SCHEMA fq_1; CREATE SCHEMA fq_2; CREATE SCHEMA fq_3;"
        + " DROP TABLE IF EXISTS public.tenants, public.shards;"
        + " CREATE TABLE public.tenants (name text, active boolean, note text);"
        + " INSERT INTO public.tenants VALUES ('fq_2', true, 'b'), ('fq_1', true, 'a'), ('fq_3', false, 'c'), ('fq_1', true, 'again');"
        + " CREATE TABLE public.shards (url text, note text)");
    Files.writeString(migrations.resolve("V0001__item.sql"), "CREATE TABLE item (id int PRIMARY KEY);\n");
  }

  private Fleet.Builder fleet() {
    return Fleet.builder().url(url()).parallel(2).migrator(builder -> builder.migrations(MigrationSource.directory(migrations)));
  }

  private static DatabaseUrl url() {
    return DatabaseUrl.parse(database.jdbcUrlWithCredentials());
  }

  @Test
  void schemasFromAQueryInItsOrderEachOnceAndANewRowIsTheNextDeploysTarget() throws Exception {
    Fleet fleet = fleet().schemasQuery("SELECT name FROM public.tenants WHERE active ORDER BY note DESC").build();
    assertEquals(List.of("fq_2", "fq_1"), fleet.targets().stream().map(FleetTarget::name).toList(),
        "the query's order (b, again, a), not the names', and each schema once (fq_1 comes twice)");

    FleetResult first = fleet.deploy();
    assertTrue(first.ok(), first.failures().toString());
    assertEquals(2, first.count(FleetResult.Outcome.APPLIED));
    assertEquals("1", query("SELECT count(*) FROM pg_tables WHERE schemaname = 'fq_1' AND tablename = 'item'"));
    assertEquals("0", query("SELECT count(*) FROM pg_tables WHERE schemaname = 'fq_3'"), "not returned, not touched");

    sql("CREATE SCHEMA fq_new; INSERT INTO public.tenants VALUES ('fq_new', true, 'z')");
    FleetResult second = fleet.deploy();
    assertEquals(3, second.targets().size(), "the query runs again on each run");
    assertEquals(1, second.count(FleetResult.Outcome.APPLIED));
    assertEquals("fq_new", second.targets().get(0).target().name());
  }

  @Test
  void aSchemasQueryThatCannotServeIsOneClearError() throws Exception {
    assertRefused(fleet().schemasQuery("SELECT name, note FROM public.tenants"), "one column",
        "the schemas query must return one column (schema names); it returns 2: name, note");
    assertRefused(fleet().schemasQuery("SELECT name FROM public.tenants WHERE false"), "no row",
        "no target: the schemas query returned no row");
    assertRefused(fleet().schemasQuery("SELECT nme FROM public.tenants"), "a server error", "the schemas query failed:");
    assertRefused(fleet().schemasQuery("SELECT NULL::text"), "a NULL", "row 1 of the schemas query is NULL");
    assertRefused(fleet().schemasQuery("DELETE FROM public.tenants RETURNING name"), "not read-only",
        "the schemas query failed:");
    assertEquals("4", query("SELECT count(*) FROM public.tenants"), "the query runs in a read-only transaction");
  }

  @Test
  void aPatternMatchingNoSchemaIsAnErrorNotAnEmptySuccess() {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> fleet().schemas(List.of("nobody\\_%", "none_%")).build().deploy());
    assertTrue(e.getMessage().startsWith("no target: no schema matches nobody\\_%, none_% in "), e.getMessage());
    assertTrue(database.password().isEmpty() || !e.getMessage().contains(database.password()), e.getMessage());
  }

  @Test
  void databasesFromACatalogQueryUnreachableOnesFailAloneWithoutTheirPassword() throws Exception {
    TestDatabase second = new TestDatabase();
    second.create("FleetQueryTest_second");
    try {
      sql("INSERT INTO public.shards VALUES ('" + second.jdbcUrlWithCredentials() + "', 'live'),"
          + " ('postgresql://fleet:hunter2-secret@127.0.0.1:1/gone?connectTimeout=2', 'decommissioned')");
      Fleet fleet = Fleet.builder().targetsQuery(url(), "SELECT url FROM public.shards ORDER BY note DESC").parallel(2)
          .migrator(builder -> builder.migrations(MigrationSource.directory(migrations))).build();
      FleetResult result = fleet.deploy();
      assertEquals(2, result.targets().size());
      assertFalse(result.ok());
      assertEquals(FleetResult.Outcome.APPLIED, result.targets().get(0).outcome(), result.targets().toString());
      FleetResult.Target gone = result.failures().get(0);
      assertTrue(gone.target().name().contains("127.0.0.1:1/gone"), gone.target().name());
      assertFalse(result.toString().contains("hunter2"), result.toString());
      try (Connection connection = second.connect(); Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT count(*) FROM public.item")) {
        assertTrue(rows.next(), "the catalog's database got its migrations");
      }
    } finally {
      second.drop();
    }
  }

  @Test
  void aTargetsQueryThatCannotServeIsOneClearErrorNeverShowingAUrl() throws Exception {
    sql("INSERT INTO public.shards VALUES ('" + database.jdbcUrlWithCredentials() + "', 'a'),"
        + " ('not a url, but hunter2-secret', 'b')");
    ConfigurationException bad = assertThrows(ConfigurationException.class, () -> Fleet.builder()
        .targetsQuery(url(), "SELECT url FROM public.shards ORDER BY note").build().deploy());
    assertEquals("row 2 of the targets query is not a database URL", bad.getMessage());
    assertRefused(Fleet.builder().targetsQuery(url(), "SELECT url, note FROM public.shards"), "two columns",
        "the targets query must return one column (database URLs); it returns 2: url, note");
    assertRefused(Fleet.builder().targetsQuery(url(), "SELECT url FROM public.shards WHERE false"), "no row",
        "no target: the targets query returned no row");
    ConfigurationException both = assertThrows(ConfigurationException.class, () -> Fleet.builder().url(url())
        .schemas(List.of("fq_1")).targetsQuery(url(), "SELECT 1").build());
    assertTrue(both.getMessage().startsWith("a fleet needs one source of targets"), both.getMessage());
  }

  @Test
  void aCatalogThatCannotBeReachedIsAFailureNotBadUsage() {
    MigrationException e = assertThrows(MigrationException.class, () -> Fleet.builder()
        .targetsQuery(DatabaseUrl.parse("postgresql://fleet:hunter2-secret@127.0.0.1:1/catalog?connectTimeout=2"),
            "SELECT url FROM shards").build().deploy());
    // a MigrationException, not a ConfigurationException: exit 1, not 2 (the command was right, the server is away)
    assertTrue(e.getMessage().contains("127.0.0.1:1/catalog"), e.getMessage());
    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
  }

  @Test
  void anUnknownBackfillIsRefusedBeforeAnyTarget() throws Exception {
    Files.createDirectories(migrations.resolve("backfills"));
    Files.writeString(migrations.resolve("backfills/fill.sql"), "SELECT 1;\n");
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> fleet().schemas(List.of("fq_1", "fq_2")).build().backfill("fil", false));
    assertTrue(e.getMessage().startsWith("no backfill 'fil' in "), e.getMessage());
    assertTrue(e.getMessage().endsWith("there are: fill"), e.getMessage());
    assertEquals("0", query("SELECT count(*) FROM pg_tables WHERE schemaname = 'fq_1'"), "no target was touched");
  }

  @Test
  void theDefaultParallelismLeavesTheServerMostOfItsFreeConnections() throws Exception {
    assertEquals(8, Fleet.parallelFor(100, 3, 5), "a quarter of 92 free, capped at 8");
    assertEquals(5, Fleet.parallelFor(30, 3, 7), "a quarter of 20 free");
    assertEquals(1, Fleet.parallelFor(20, 3, 16), "one, however crowded (the server refuses what it cannot take)");
    // what the server has free depends on everything else connected to it: the rule is checked above, the probe here
    Fleet fleet = fleet().schemas(List.of("fq_%")).parallel(Fleet.AUTO_PARALLEL).build();
    int chosen = fleet.parallelism();
    assertTrue(chosen >= 1 && chosen <= Fleet.MAX_AUTO_PARALLEL, "chose " + chosen);
    assertTrue(fleet.deploy().ok());
  }

  private static void assertRefused(Fleet.Builder builder, String why, String message) {
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> builder.build().deploy(), why);
    assertTrue(e.getMessage().startsWith(message), why + ": " + e.getMessage());
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
  }

  private static void sql(String sql) throws Exception {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static String query(String sql) throws Exception {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      return result.next() ? result.getString(1) : null;
    }
  }
}

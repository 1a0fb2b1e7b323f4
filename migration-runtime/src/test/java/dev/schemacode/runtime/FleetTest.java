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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Fleets of tenant schemas and of databases, on a real PostgreSQL. */
class FleetTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();
  static final int TENANTS = 210;

  @TempDir Path migrations;

  @BeforeEach
  void tenants() throws Exception {
    sql("DO $$ DECLARE s text; BEGIN FOR s IN SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant\\_%' LOOP"
        + " EXECUTE format('DROP SCHEMA %I CASCADE', s); END LOOP; END $$");
    sql("DO $$ BEGIN FOR i IN 1.." + TENANTS + " LOOP EXECUTE format('CREATE SCHEMA %I', 'tenant_' || lpad(i::text, 3, '0'));"
        + " END LOOP; END $$");
    Files.writeString(migrations.resolve("V0001__item.sql"), "CREATE TABLE item (id int PRIMARY KEY, name text);\n");
    Files.writeString(migrations.resolve("V0002__tag.sql"), "CREATE TABLE tag (id int PRIMARY KEY, item_id int REFERENCES item);\n");
    Files.writeString(migrations.resolve("V0003__tag_index.sql"), "CREATE INDEX tag_item ON tag (item_id);\n");
  }

  private Fleet.Builder fleet(List<FleetResult.Target> seen) {
    return fleet(seen, "tenant_%");
  }

  private Fleet.Builder fleet(List<FleetResult.Target> seen, String pattern) {
    return Fleet.builder().url(DatabaseUrl.parse(database.jdbcUrlWithCredentials())).schemas(List.of(pattern))
        .parallel(4).migrator(builder -> builder.migrations(MigrationSource.directory(migrations)))
        .onFinished(seen::add);
  }

  @Test
  void deploysEveryTenantIsolatesAFailureContinuesAfterTheFixAndPicksUpANewTenant() throws Exception {
    sql("CREATE TABLE tenant_017.tag (conflict text)"); // made by hand: V0002 cannot create its table there
    List<FleetResult.Target> seen = Collections.synchronizedList(new ArrayList<>());

    FleetResult first = fleet(seen).build().deploy();

    assertEquals(TENANTS, first.targets().size());
    assertEquals(TENANTS, seen.size(), "a line per target as it finishes");
    assertFalse(first.ok());
    assertEquals(TENANTS - 1, first.count(FleetResult.Outcome.APPLIED));
    FleetResult.Target failed = first.failures().get(0);
    assertEquals("tenant_017", failed.target().name());
    assertEquals("V0002__tag", failed.failedMigration().orElseThrow());
    // each tenant's tables and history are in its own schema, nowhere else
    assertEquals("3", query("SELECT count(*) FROM tenant_209.schemacode_history WHERE success"));
    assertEquals("1", query("SELECT count(*) FROM tenant_017.schemacode_history"));
    assertEquals("1", query("SELECT count(*) FROM pg_class WHERE relname = 'tag_item' AND relnamespace = 'tenant_001'::regnamespace"));
    assertEquals("0", query("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));

    sql("DROP TABLE tenant_017.tag");
    FleetResult second = fleet(new ArrayList<>()).build().deploy();
    assertTrue(second.ok(), second.failures().toString());
    assertEquals(1, second.count(FleetResult.Outcome.APPLIED));
    assertEquals(TENANTS - 1, second.count(FleetResult.Outcome.UP_TO_DATE));
    assertEquals("3", query("SELECT count(*) FROM tenant_017.schemacode_history WHERE success"));

    sql("CREATE SCHEMA tenant_new");
    FleetResult third = fleet(new ArrayList<>()).build().deploy();
    assertTrue(third.ok());
    assertEquals(TENANTS + 1, third.targets().size());
    FleetResult.Target added = third.targets().stream().filter(t -> t.target().name().equals("tenant_new")).findFirst().orElseThrow();
    assertEquals(FleetResult.Outcome.APPLIED, added.outcome());
    assertEquals(3, added.applied());
    assertEquals(1, third.count(FleetResult.Outcome.APPLIED));
  }

  /**
   * The history row travels with the COMMIT in one round trip: when it cannot be written (here the
   * migration itself wrote a row for its version, on one tenant), nothing of the migration may commit
   * there, and the other tenants must not notice.
   */
  @Test
  void aHistoryRowThatCannotBeWrittenRollsItsMigrationBackOnThatTenantAlone() throws Exception {
    Files.writeString(migrations.resolve("V0002__tag.sql"), """
        CREATE TABLE tag (id int PRIMARY KEY, item_id int REFERENCES item);
        DO $$ BEGIN
          IF to_regclass('refuse_history') IS NOT NULL THEN
            INSERT INTO schemacode_history (version, name, checksum, execution_ms, success) VALUES ('0002', 'tag', 'x', 0, true);
          END IF;
        END $$;
        """);
    sql("CREATE TABLE tenant_004.refuse_history ()");
    Fleet fleet = fleet(new ArrayList<>(), "tenant\\_00%").build();

    FleetResult first = fleet.deploy();

    assertEquals(9, first.targets().size());
    assertEquals(8, first.count(FleetResult.Outcome.APPLIED));
    FleetResult.Target failed = first.failures().get(0);
    assertEquals("tenant_004", failed.target().name());
    assertEquals("V0002__tag", failed.failedMigration().orElseThrow());
    assertTrue(failed.problems().get(0).contains("V0002__tag failed and was rolled back"), failed.problems().toString());
    assertTrue(failed.problems().get(0).contains("schemacode_history_pkey"), failed.problems().toString());
    // the failed tenant is as before V0002: its table, its own history row and what followed are gone
    assertEquals("0001", query("SELECT string_agg(version, ',') FROM tenant_004.schemacode_history"));
    assertEquals("0", query("SELECT count(*) FROM pg_tables WHERE schemaname = 'tenant_004' AND tablename = 'tag'"));
    // the others are complete
    assertEquals("24", query("SELECT sum((xpath('/row/c/text()', query_to_xml(format("
        + "'SELECT count(*) AS c FROM %I.schemacode_history WHERE success', nspname), false, true, '')))[1]::text::int)"
        + " FROM pg_namespace WHERE nspname LIKE 'tenant\\_00%' AND nspname <> 'tenant_004'"));
    assertEquals("8", query("SELECT count(*) FROM pg_class WHERE relname = 'tag_item'"
        + " AND relnamespace::regnamespace::text LIKE 'tenant\\_00%'"));
    // its history (and the summary the triggers keep) says two pending, nothing failed
    FleetResult status = fleet.status();
    assertTrue(status.ok(), status.failures().toString());
    assertEquals(1, status.count(FleetResult.Outcome.PENDING));

    sql("DROP TABLE tenant_004.refuse_history");
    FleetResult second = fleet.deploy();
    assertTrue(second.ok(), second.failures().toString());
    assertEquals(1, second.count(FleetResult.Outcome.APPLIED));
    assertEquals(2, second.targets().get(3).applied());
    assertEquals("0001,0002,0003", query("SELECT string_agg(version, ',' ORDER BY version) FROM tenant_004.schemacode_history"
        + " WHERE success"));
  }

  @Test
  void statusAndValidateAcrossTheFleet() throws Exception {
    Fleet fleet = Fleet.builder().url(DatabaseUrl.parse(database.jdbcUrlWithCredentials()))
        .schemas(List.of("tenant_001", "tenant_002", "tenant_00%")).migrator(b -> b.migrations(MigrationSource.directory(migrations)))
        .build();
    assertEquals(9, fleet.targets().size(), "names and pattern matches, each once");
    FleetResult before = fleet.status();
    assertTrue(before.ok(), "pending is not a problem");
    assertEquals(9, before.count(FleetResult.Outcome.PENDING));
    fleet.deploy();
    assertEquals(9, fleet.status().count(FleetResult.Outcome.UP_TO_DATE));

    Files.writeString(migrations.resolve("V0002__tag.sql"), "CREATE TABLE tag (id bigint PRIMARY KEY);\n");
    FleetResult validation = fleet.validate();
    assertFalse(validation.ok());
    assertEquals(9, validation.count(FleetResult.Outcome.FAILED));
    assertEquals("V0002__tag", validation.targets().get(0).failedMigration().orElseThrow());
    FleetResult deploy = fleet.deploy();
    assertEquals(9, deploy.count(FleetResult.Outcome.FAILED));
    assertEquals("V0002__tag", deploy.targets().get(3).failedMigration().orElseThrow(), "a validation failure names the migration");
  }

  @Test
  void refusesMigrationsThatPinATableToASchema() throws Exception {
    var table = new dev.schemacode.model.Table(new dev.schemacode.model.QualifiedName("shared", "plan"),
        List.of(dev.schemacode.model.Column.required("id", "bigint")), java.util.Optional.empty());
    var schema = new dev.schemacode.model.Schema(List.of(table));
    var files = dev.schemacode.model.MigrationScript.plan(1, "plan",
        dev.schemacode.model.SchemaDiff.between(dev.schemacode.model.Schema.EMPTY, schema).changes(),
        dev.schemacode.model.MigrationScript.DEFAULT_LOCK_TIMEOUT);
    Path pinned = Files.createDirectories(migrations.resolve("pinned"));
    var ledger = dev.schemacode.model.Ledger.EMPTY;
    for (var file : files) {
      Files.writeString(pinned.resolve(file.name().fileName()), file.script());
      ledger = ledger.append(file.name(), dev.schemacode.model.Checksums.ofScript(file.script()),
          dev.schemacode.model.LedgerEntry.Origin.GENERATED, schema);
    }
    Files.writeString(pinned.resolve(dev.schemacode.model.Ledger.FILE_NAME), dev.schemacode.model.LedgerCodec.write(ledger));
    Fleet fleet = Fleet.builder().url(DatabaseUrl.parse(database.jdbcUrlWithCredentials())).schemas(List.of("tenant_%"))
        .migrator(b -> b.migrations(MigrationSource.directory(pinned))).build();
    ConfigurationException refused = org.junit.jupiter.api.Assertions.assertThrows(ConfigurationException.class, fleet::deploy);
    assertTrue(refused.getMessage().contains("schema shared"), refused.getMessage());
    assertEquals("0", query("SELECT count(*) FROM pg_namespace WHERE nspname = 'shared'"));
  }

  @Test
  void seedsAndBackfillsAcrossTheFleet() throws Exception {
    Files.createDirectories(migrations.resolve("seeds"));
    Files.writeString(migrations.resolve("seeds/items.sql"), "INSERT INTO item VALUES (1, current_schema());\n");
    Files.createDirectories(migrations.resolve("backfills"));
    Files.writeString(migrations.resolve("backfills/name_items.sql"), "UPDATE item SET name = upper(coalesce(name, 'unnamed'));\n");
    List<String> tenants = List.of("tenant_001", "tenant_002", "tenant_003");
    java.util.function.Function<Environment, Fleet> fleet = environment -> Fleet.builder()
        .url(DatabaseUrl.parse(database.jdbcUrlWithCredentials())).schemas(tenants)
        .migrator(b -> b.migrations(MigrationSource.directory(migrations)).environment(environment)).build();
    assertTrue(fleet.apply(Environment.unset()).deploy().ok());

    assertThrows(ConfigurationException.class, () -> fleet.apply(Environment.named("production")).seed(),
        "the environment guard, once, before any target");
    assertEquals("0", query("SELECT count(*) FROM tenant_001.item"));
    FleetResult seeded = fleet.apply(Environment.named("development")).seed();
    assertTrue(seeded.ok(), seeded.failures().toString());
    assertEquals(3, seeded.count(FleetResult.Outcome.APPLIED));
    assertEquals("tenant_002", query("SELECT name FROM tenant_002.item"), "the seed ran with the tenant's search_path");

    sql("UPDATE tenant_003.item SET name = NULL; ALTER TABLE tenant_003.item ADD CONSTRAINT named CHECK (name IS NULL)");
    FleetResult first = fleet.apply(Environment.unset()).backfill("name_items", false);
    assertEquals(2, first.count(FleetResult.Outcome.APPLIED));
    assertEquals("tenant_003", first.failures().get(0).target().name());
    assertEquals("TENANT_001", query("SELECT name FROM tenant_001.item"));
    sql("ALTER TABLE tenant_003.item DROP CONSTRAINT named");
    FleetResult rerun = fleet.apply(Environment.unset()).backfill("name_items", false);
    assertTrue(rerun.ok(), rerun.failures().toString());
    assertEquals(1, rerun.count(FleetResult.Outcome.APPLIED));
    assertEquals(2, rerun.count(FleetResult.Outcome.UP_TO_DATE), "where it ran, it does not run again");
    assertEquals("TENANT_001", query("SELECT name FROM tenant_001.item"));
  }

  static volatile String seenAtMost;

  @Test
  void neverMoreConnectionsThanParallel() throws Exception {
    Files.writeString(migrations.resolve("V0004__slow.sql"), "SELECT pg_sleep(0.02);\n");
    // the earlier tests' connections are closed; their server processes may take a moment to exit
    for (int i = 0; i < 500 && !"0".equals(query("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
        + " AND application_name = 'schemacode'")); i++) {
      Thread.sleep(10);
    }
    java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
    Thread watcher = new Thread(() -> {
      try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
        while (!done.get()) {
          try (ResultSet count = statement.executeQuery("SELECT count(*), string_agg(pid || ':' || state || ':' || left(query, 40), ' | ') FROM pg_stat_activity WHERE datname ="
              + " current_database() AND application_name = 'schemacode' AND pid <> pg_backend_pid()")) {
            count.next();
            if (count.getInt(1) > most.get()) { seenAtMost = count.getString(2); }
            most.accumulateAndGet(count.getInt(1), Math::max);
          }
        }
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
    });
    watcher.start();
    FleetResult result;
    try {
      result = fleet(new ArrayList<>(), "tenant\\_0%").parallel(3).build().deploy();
    } finally {
      done.set(true);
      watcher.join();
    }
    assertTrue(result.ok(), result.failures().toString());
    assertTrue(most.get() >= 1 && most.get() <= 3, "connections seen at once: " + most.get() + " " + seenAtMost);
  }

  @Test
  void failFastStartsNoFurtherTarget() throws Exception {
    sql("CREATE TABLE tenant_001.item (conflict text)");
    FleetResult result = Fleet.builder().url(DatabaseUrl.parse(database.jdbcUrlWithCredentials()))
        .schemas(List.of("tenant_%")).parallel(1).failFast(true)
        .migrator(b -> b.migrations(MigrationSource.directory(migrations))).build().deploy();
    assertEquals(FleetResult.Outcome.FAILED, result.targets().get(0).outcome());
    assertEquals(TENANTS - 1, result.count(FleetResult.Outcome.SKIPPED));
    assertEquals("0", query("SELECT count(*) FROM pg_tables WHERE tablename = 'schemacode_history'"));
  }

  @Test
  void twoFleetDeploysAtOnceApplyEachMigrationOnce() throws Exception {
    ExecutorService both = Executors.newFixedThreadPool(2);
    try {
      // tenant_001 … tenant_099: enough to interleave the two everywhere, quicker than all of them
      Callable<FleetResult> deploy = () -> fleet(new ArrayList<>(), "tenant\\_0%").build().deploy();
      Future<FleetResult> one = both.submit(deploy);
      Future<FleetResult> other = both.submit(deploy);
      FleetResult a = one.get();
      FleetResult b = other.get();
      assertTrue(a.ok(), a.failures().toString());
      assertTrue(b.ok(), b.failures().toString());
      long applied = a.targets().stream().mapToInt(FleetResult.Target::applied).sum()
          + b.targets().stream().mapToInt(FleetResult.Target::applied).sum();
      assertEquals(3L * 99, applied, "every migration once per tenant, by one of the two");
    } finally {
      both.shutdownNow();
    }
    assertEquals(String.valueOf(3 * 99), query("SELECT sum((xpath('/row/c/text()', query_to_xml(format("
        + "'SELECT count(*) AS c FROM %I.schemacode_history WHERE success', nspname), false, true, '')))[1]::text::int)"
        + " FROM pg_namespace WHERE nspname LIKE 'tenant\\_0%'"));
  }

  @Test
  void databasesAsTargetsWithOneUnreachable() throws Exception {
    List<TestDatabase> shards = List.of(new TestDatabase(), new TestDatabase());
    try {
      for (TestDatabase shard : shards) {
        shard.create("FleetTest_shard");
      }
      List<DatabaseUrl> urls = new ArrayList<>();
      shards.forEach(shard -> urls.add(DatabaseUrl.parse(shard.jdbcUrlWithCredentials())));
      urls.add(1, DatabaseUrl.parse("postgresql://fleet:s3cr3t-pw@127.0.0.1:1/nowhere?connectTimeout=2"));
      FleetResult result = Fleet.builder().targets(urls).parallel(2)
          .migrator(b -> b.migrations(MigrationSource.directory(migrations))).build().deploy();
      assertEquals(2, result.count(FleetResult.Outcome.APPLIED));
      FleetResult.Target unreachable = result.targets().get(1);
      assertEquals(FleetResult.Outcome.FAILED, unreachable.outcome());
      assertFalse(unreachable.target().name().contains("s3cr3t"), unreachable.target().name());
      assertEquals(1, unreachable.problems().size());
      assertFalse(unreachable.problems().get(0).contains("s3cr3t"), unreachable.problems().get(0));
      assertFalse(unreachable.problems().get(0).contains("\n"), unreachable.problems().get(0));
      try (Connection connection = shards.get(1).connect(); Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT count(*) FROM public.schemacode_history WHERE success")) {
        rows.next();
        assertEquals(3, rows.getInt(1));
      }
    } finally {
      for (TestDatabase shard : shards) {
        shard.drop();
      }
    }
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

package dev.schemacode.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemacode.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every command in-process, against a real database: output, exit codes, guards. */
class CliCommandsTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();

  @TempDir Path migrations;

  @BeforeEach
  void emptySchema() throws Exception {
    sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public AUTHORIZATION CURRENT_USER; GRANT USAGE ON SCHEMA public TO PUBLIC;");
    Files.writeString(migrations.resolve("V0001__init.sql"), "CREATE TABLE item (id int PRIMARY KEY, name text);\n");
  }

  private SchemacodeCliTest.Run run(String command, String... args) {
    List<String> all = new ArrayList<>(List.of(command, "--url", database.jdbcUrlWithCredentials(),
        "--migrations", migrations.toString()));
    all.addAll(List.of(args));
    return SchemacodeCliTest.cli(all.toArray(String[]::new));
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

  @ParameterizedTest(name = "{0} --help")
  @CsvSource({
      "deploy, --dry-run", "status, --json", "validate, --json", "resolve, --rolled-back", "baseline, --version",
      "reset, --force", "seed, --environment", "backfill, --list", "diff, --json"})
  void everyCommandExplainsItself(String command, String option) {
    SchemacodeCliTest.Run help = SchemacodeCliTest.cli(command, "--help");
    assertEquals(0, help.exitCode(), help.err());
    assertTrue(help.out().startsWith("Usage: schemacode " + command), help.out());
    assertTrue(help.out().contains(option), help.out());
    assertTrue(help.out().contains("Exit codes"), help.out());
    if (!List.of("status", "validate", "resolve", "baseline", "diff").contains(command)) {
      assertTrue(help.out().contains("--lock-timeout"), help.out());
    }
  }

  @Test
  void theTopLevelHelpListsEveryCommand() {
    SchemacodeCliTest.Run help = SchemacodeCliTest.cli("--help");
    assertEquals(0, help.exitCode());
    // every command of the contract (DESIGN §6)
    for (String command : List.of("deploy", "status", "validate", "diff", "resolve", "baseline", "reset", "seed",
        "backfill")) {
      assertTrue(help.out().contains("  " + command), command + " in " + help.out());
    }
  }

  @Test
  void dryRunPrintsTheSqlItWouldRunAndChangesNothing() throws Exception {
    Files.writeString(migrations.resolve("V0002__index.sql"),
        "-- schemacode:no-transaction\nCREATE INDEX CONCURRENTLY item_name ON item (name);\n");
    SchemacodeCliTest.Run dryRun = run("deploy", "--dry-run", "--lock-timeout", "3s");
    assertEquals(0, dryRun.exitCode(), dryRun.err());
    String out = dryRun.out();
    assertTrue(out.contains("-- 2 migrations would be applied; database is at (empty)"), out);
    assertTrue(out.contains("-- V0001__init: in its own transaction"), out);
    assertTrue(out.contains("BEGIN;\nSELECT pg_try_advisory_xact_lock(1935894627, hashtext(coalesce(current_schema(), '')"
        + " || '.' || 'schemacode_history'));  -- held until COMMIT\n"
        + "SET LOCAL synchronous_commit = off;  -- the deploy's last commit waits for the flush\n"
        + "SET LOCAL lock_timeout = '3000ms'; SET LOCAL statement_timeout = '0ms'; SELECT set_config("
        + "'client_connection_check_interval', '1s', true) WHERE current_setting('client_connection_check_interval',"
        + " true) IS NOT NULL;\n"
        + "CREATE TABLE item (id int PRIMARY KEY, name text);\nINSERT INTO \"schemacode_history\""), out);
    assertTrue(out.contains("-- V0002__index: outside a transaction, statement by statement"), out);
    assertTrue(out.contains("CREATE INDEX CONCURRENTLY item_name ON item (name);\nUPDATE \"schemacode_history\" SET success = true"), out);
    assertEquals("0", query("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));

    assertEquals(0, run("deploy").exitCode());
    SchemacodeCliTest.Run nothing = run("deploy", "--dry-run");
    assertTrue(nothing.out().contains("-- nothing to apply; database is at V0002"), nothing.out());
  }

  @Test
  void validateFindsProblemsAndSaysSoInJson() throws Exception {
    assertEquals(0, run("validate").exitCode());
    assertEquals(0, run("deploy").exitCode());
    Files.writeString(migrations.resolve("V0001__init.sql"), "CREATE TABLE item (id bigint PRIMARY KEY, name text);\n");
    Files.writeString(migrations.resolve("V0002__more.sql"), "SELECT 1;\n");

    SchemacodeCliTest.Run human = run("validate");
    assertEquals(1, human.exitCode());
    assertTrue(human.out().contains("schemacode: problem: V0001__init was modified after it was applied"), human.out());
    assertTrue(human.out().contains("1 problem; 1 migration pending"), human.out());

    SchemacodeCliTest.Run json = run("validate", "--json");
    assertEquals(1, json.exitCode());
    JsonNode root = new ObjectMapper().readTree(json.out());
    assertFalse(root.get("valid").asBoolean());
    assertEquals("modified", root.get("problems").get(0).get("state").asText());
    assertEquals("0002", root.get("pending").get(0).get("version").asText());
  }

  @Test
  void outOfOrderNeedsTheFlag() throws Exception {
    Files.writeString(migrations.resolve("V0003__c.sql"), "SELECT 3;\n");
    assertEquals(0, run("deploy").exitCode());
    Files.writeString(migrations.resolve("V0002__b.sql"), "SELECT 2;\n");
    SchemacodeCliTest.Run refused = run("deploy");
    assertEquals(1, refused.exitCode());
    assertTrue(refused.err().contains("V0002__b is pending but older than the newest applied migration"), refused.err());
    assertEquals(1, run("status").exitCode());
    assertEquals(0, run("status", "--out-of-order").exitCode());
    SchemacodeCliTest.Run allowed = run("deploy", "--out-of-order");
    assertEquals(0, allowed.exitCode(), allowed.err());
    assertTrue(allowed.out().contains("applied V0002__b"), allowed.out());
  }

  @Test
  void aFailedMigrationExitsOneNamingFileAndStatement() throws Exception {
    Files.writeString(migrations.resolve("V0002__broken.sql"), "-- header\nINSERT INTO item VALUES (1, 'a');\nINSERT INTO item VALUES (1, 'b');\n");
    SchemacodeCliTest.Run failed = run("deploy");
    assertEquals(1, failed.exitCode());
    assertEquals(1, failed.err().strip().lines().count(), failed.err());
    assertTrue(failed.err().contains("migration V0002__broken failed and was rolled back; nothing after it ran;"
        + " statement at line 3 of " + migrations.resolve("V0002__broken.sql") + ": INSERT INTO item VALUES (1, 'b');"
        + " PostgreSQL said: ERROR: duplicate key value violates unique constraint \"item_pkey\""), failed.err());
    assertEquals("0", query("SELECT count(*) FROM item"));
    assertEquals("1", query("SELECT count(*) FROM schemacode_history"));
  }

  @Test
  void baselineAndResolve() throws Exception {
    Files.writeString(migrations.resolve("V0002__more.sql"), "CREATE TABLE more (id int);\n");
    sql("CREATE TABLE item (id int PRIMARY KEY, name text)");
    SchemacodeCliTest.Run baseline = run("baseline", "--version", "V0001");
    assertEquals(0, baseline.exitCode(), baseline.err());
    assertTrue(baseline.out().contains("baselined postgresql://"), baseline.out());
    assertTrue(baseline.out().contains("at V0001; recorded as applied without running: V0001__init"), baseline.out());
    assertEquals(1, run("baseline", "--version", "1").exitCode());
    assertEquals(2, run("baseline").exitCode());

    sql("CREATE TABLE more (id int)");
    SchemacodeCliTest.Run resolved = run("resolve", "--applied", "2");
    assertEquals(0, resolved.exitCode(), resolved.err());
    assertTrue(resolved.out().contains("V0002__more is recorded as applied (resolved); it was not run"), resolved.out());
    SchemacodeCliTest.Run status = run("status");
    assertTrue(status.out().contains("(baseline)") && status.out().contains("(resolved)"), status.out());

    assertEquals(1, run("resolve", "--rolled-back", "2").exitCode());
    assertEquals(2, run("resolve", "--applied", "7").exitCode());
    assertEquals(2, run("resolve").exitCode());
    assertEquals(2, run("resolve", "--applied", "1", "--rolled-back", "1").exitCode());
  }

  @Test
  void resetIsGuardedByForceAndTheEnvironment() throws Exception {
    assertEquals(0, run("deploy").exitCode());
    sql("INSERT INTO item VALUES (1, 'keep me')");

    SchemacodeCliTest.Run noForce = run("reset", "--environment", "development");
    assertEquals(2, noForce.exitCode());
    assertTrue(noForce.err().contains("refusing to reset without --force"), noForce.err());
    SchemacodeCliTest.Run undeclared = run("reset", "--force", "--environment=");
    assertEquals(2, undeclared.exitCode());
    assertTrue(undeclared.err().contains("refusing to reset: no environment is declared"), undeclared.err());
    SchemacodeCliTest.Run production = run("reset", "--force", "--environment", "production");
    assertEquals(2, production.exitCode());
    assertTrue(production.err().contains("the environment is 'production'"), production.err());
    assertEquals("1", query("SELECT count(*) FROM item"));

    Files.createDirectories(migrations.resolve("seeds"));
    Files.writeString(migrations.resolve("seeds/01_items.sql"), "INSERT INTO item VALUES (7, 'seeded');\n");
    SchemacodeCliTest.Run reset = run("reset", "--force", "--seed", "--environment", "test");
    assertEquals(0, reset.exitCode(), reset.err());
    assertTrue(reset.out().contains("schema dropped and created again; 1 migration applied; database is at V0001"), reset.out());
    assertTrue(reset.out().contains("schemacode: seeded 01_items"), reset.out());
    assertEquals("seeded", query("SELECT string_agg(name, ',') FROM item"));
  }

  @Test
  void seedIsGuardedByTheEnvironment() throws Exception {
    assertEquals(0, run("deploy").exitCode());
    Files.createDirectories(migrations.resolve("seeds"));
    Files.writeString(migrations.resolve("seeds/01_items.sql"), "INSERT INTO item VALUES (1, 'a') ON CONFLICT DO NOTHING;\n");

    assertEquals(2, run("seed", "--environment=").exitCode());
    SchemacodeCliTest.Run production = run("seed", "--environment", "prod-eu");
    assertEquals(2, production.exitCode());
    assertTrue(production.err().contains("refusing to seed: the environment is 'prod-eu'"), production.err());
    assertEquals("0", query("SELECT count(*) FROM item"));

    SchemacodeCliTest.Run seeded = run("seed", "--environment", "development");
    assertEquals(0, seeded.exitCode(), seeded.err());
    assertTrue(seeded.out().contains("schemacode: seeded 01_items"), seeded.out());
    assertEquals("1", query("SELECT count(*) FROM item"));

    SchemacodeCliTest.Run none = run("seed", "--environment", "development", "--seeds", migrations.resolve("nothing").toString());
    assertEquals(0, none.exitCode());
    assertTrue(none.out().contains("no seed scripts in"), none.out());
  }

  @Test
  void aBackfillRunsOnceByName() throws Exception {
    assertEquals(0, run("deploy").exitCode());
    Files.createDirectories(migrations.resolve("backfills"));
    Files.writeString(migrations.resolve("backfills/name_items.sql"), "INSERT INTO item VALUES (1, 'filled');\n");

    assertEquals(2, run("backfill").exitCode());
    SchemacodeCliTest.Run unknown = run("backfill", "name_item");
    assertEquals(2, unknown.exitCode());
    assertTrue(unknown.err().contains("no backfill 'name_item'") && unknown.err().contains("there are: name_items"), unknown.err());

    SchemacodeCliTest.Run first = run("backfill", "name_items");
    assertEquals(0, first.exitCode(), first.err());
    assertTrue(first.out().contains("backfill name_items done in"), first.out());
    SchemacodeCliTest.Run second = run("backfill", "name_items");
    assertEquals(1, second.exitCode());
    assertTrue(second.err().contains("backfill name_items already ran on this database"), second.err());
    assertEquals("1", query("SELECT count(*) FROM item"));

    SchemacodeCliTest.Run list = run("backfill", "--list");
    assertEquals(0, list.exitCode());
    assertTrue(list.out().matches("(?s)name_items\\s+done\\s+\\d{4}-.*"), list.out());
  }

  @Test
  void badUrlsAndUnknownHostsAreOneLineWithoutThePassword() {
    SchemacodeCliTest.Run sslmode = SchemacodeCliTest.cli("status", "--url",
        "postgresql://app:Sentinel-4711@localhost/db?sslmode=bogus", "--migrations", migrations.toString());
    assertEquals(2, sslmode.exitCode());
    assertTrue(sslmode.err().contains("sslmode 'bogus' is not one of disable, allow, prefer, require, verify-ca, verify-full"),
        sslmode.err());

    SchemacodeCliTest.Run host = SchemacodeCliTest.cli("deploy", "--url",
        "postgresql://app:Sentinel-4711@no-such-host.invalid:5432/db?sslmode=require&connect_timeout=3",
        "--migrations", migrations.toString());
    assertEquals(1, host.exitCode());
    assertEquals(1, host.err().strip().lines().count(), host.err());
    assertTrue(host.err().contains("cannot connect to postgresql://app@no-such-host.invalid:5432/db?sslmode=require"),
        host.err());
    assertTrue(host.err().contains("unknown host"), host.err());

    SchemacodeCliTest.Run mysql = SchemacodeCliTest.cli("validate", "--url", "mysql://app:Sentinel-4711@h/db",
        "--migrations", migrations.toString());
    assertEquals(2, mysql.exitCode());
    for (SchemacodeCliTest.Run run : List.of(sslmode, host, mysql)) {
      assertFalse((run.out() + run.err()).contains("Sentinel-4711"), run.out() + run.err());
    }
  }

  @Test
  void queryParametersReachTheDriver() throws Exception {
    String url = database.jdbcUrlWithCredentials() + "&sslmode=disable&ApplicationName=cli-param-check";
    SchemacodeCliTest.Run status = SchemacodeCliTest.cli("status", "--url", url, "--migrations", migrations.toString());
    assertEquals(0, status.exitCode(), status.err());
    assertTrue(status.out().contains("?sslmode=disable&ApplicationName=cli-param-check")
        || status.out().contains("ApplicationName=cli-param-check"), status.out());
  }
}

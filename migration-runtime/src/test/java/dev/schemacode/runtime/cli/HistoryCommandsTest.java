package dev.schemacode.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemacode.model.Ledger;
import dev.schemacode.model.LedgerCodec;
import dev.schemacode.runtime.GeneratedHistory;
import dev.schemacode.runtime.RevertTest;
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

/** {@code revert} and {@code checkpoint} through the CLI: output, exit codes, guards. */
class HistoryCommandsTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();

  @TempDir Path migrations;
  private GeneratedHistory history;

  @BeforeEach
  void emptySchema() throws Exception {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public AUTHORIZATION CURRENT_USER;");
    }
    history = new GeneratedHistory(migrations);
  }

  private SchemacodeCliTest.Run run(String command, String... args) {
    List<String> all = new ArrayList<>(List.of(command, "--url", database.jdbcUrlWithCredentials(),
        "--migrations", migrations.toString()));
    all.addAll(List.of(args));
    return SchemacodeCliTest.cli(all.toArray(String[]::new));
  }

  @Test
  void revertIsGuardedAndSaysWhatItUndid() {
    history.version(RevertTest.v1());
    history.version(RevertTest.v2());
    history.version(RevertTest.v3(), RevertTest.v3Renames());
    history.version(RevertTest.v4());
    assertEquals(0, run("deploy").exitCode());

    SchemacodeCliTest.Run production = run("revert", "--environment", "production");
    assertEquals(2, production.exitCode());
    assertTrue(production.err().contains("refusing to revert: the environment is 'production'"), production.err());
    SchemacodeCliTest.Run lossy = run("revert", "--environment", "development");
    assertEquals(2, lossy.exitCode());
    assertTrue(lossy.err().contains("the reverse cannot bring back data the migration dropped"), lossy.err());
    assertTrue(!lossy.err().contains("password"), lossy.err());

    SchemacodeCliTest.Run accepted = run("revert", "--environment", "development", "--accept-data-loss");
    assertEquals(0, accepted.exitCode(), accepted.err());
    assertTrue(accepted.out().contains("schemacode: ran U"), accepted.out());
    assertTrue(accepted.out().contains("schemacode: reverted V"), accepted.out());

    SchemacodeCliTest.Run status = run("status");
    assertEquals(0, status.exitCode(), status.err());
    assertTrue(status.out().contains("pending") && status.out().contains("(reverted)"), status.out());
    assertTrue(!status.out().contains("Built from checkpoint"), "a database that applied its history: " + status.out());

    SchemacodeCliTest.Run all = run("revert", "--environment", "development", "--to", "0");
    assertEquals(0, all.exitCode(), all.err());
    assertTrue(all.out().endsWith("database is at (empty)\n"), all.out());
    SchemacodeCliTest.Run nothing = run("revert", "--environment", "development");
    assertEquals(0, nothing.exitCode(), nothing.err());
    assertTrue(nothing.out().contains("nothing to revert"), nothing.out());
  }

  @Test
  void checkpointWritesTheFileAndTheLedgerAndStatusShowsIt() throws Exception {
    history.version(RevertTest.v1());
    history.version(RevertTest.v2());
    SchemacodeCliTest.Run made = SchemacodeCliTest.cli("checkpoint", "--migrations", migrations.toString());
    assertEquals(0, made.exitCode(), made.err());
    Ledger ledger = LedgerCodec.read(Files.readString(migrations.resolve(Ledger.FILE_NAME)), "ledger");
    String name = ledger.newestCheckpoint().orElseThrow().fileName();
    assertTrue(Files.exists(migrations.resolve(name)));
    assertTrue(made.out().contains("wrote " + migrations.resolve(name)), made.out());

    SchemacodeCliTest.Run again = SchemacodeCliTest.cli("checkpoint", "--migrations", migrations.toString());
    assertEquals(1, again.exitCode());
    assertTrue(again.err().contains("is already at"), again.err());

    assertEquals(0, run("deploy").exitCode());
    SchemacodeCliTest.Run status = run("status");
    assertTrue(status.out().contains("(checkpoint)"), status.out());
    String version = ledger.newestCheckpoint().orElseThrow().version();
    int covered = ledger.migrations().size();
    assertEquals("Built from checkpoint " + name + ": the " + covered + " migrations up to V" + version
        + " were recorded as applied without running", status.out().lines().toList().get(1), status.out());
    SchemacodeCliTest.Run json = run("status", "--json");
    var checkpoint = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out()).get("checkpoint");
    assertEquals(name, checkpoint.get("file").asText(), json.out());
    assertEquals(version, checkpoint.get("version").asText(), json.out());
    assertEquals(covered, checkpoint.get("covers").asInt(), json.out());

    history.handWritten("fix", "SELECT 1;\n");
    SchemacodeCliTest.Run refused = SchemacodeCliTest.cli("checkpoint", "--migrations", migrations.toString());
    assertEquals(1, refused.exitCode());
    assertTrue(refused.err().contains("--skip-hand-written"), refused.err());
  }

  private String checkpointAtTheNewestMigration() throws Exception {
    dev.schemacode.model.CheckpointScript.Made made = dev.schemacode.model.CheckpointScript.make(history.ledger(), true);
    history.write(made.fileName(), made.script());
    history.replaceLedger(made.ledger());
    return made.fileName();
  }

  private static String query(String sql) throws Exception {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        java.sql.ResultSet result = statement.executeQuery(sql)) {
      return result.next() ? result.getString(1) : null;
    }
  }

  /**
   * On a new database the dry run shows what the deploy does: the newest checkpoint and what follows it,
   * not the history it stands for (whose files may be archived), and the deploy then does exactly that.
   */
  @Test
  void deployDryRunOnANewDatabaseStartsFromTheCheckpointAsTheDeployDoes() throws Exception {
    history.version(RevertTest.v1());
    history.version(RevertTest.v2());
    int covered = history.ledger().migrations().size();
    String checkpoint = checkpointAtTheNewestMigration();
    String version = history.ledger().newestCheckpoint().orElseThrow().version();
    List<String> after = history.version(RevertTest.v3(), RevertTest.v3Renames());
    try (var files = Files.list(migrations)) { // archive what the checkpoint covers
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.matches("[VU]\\d+__.*") && Long.parseLong(name.substring(1, name.indexOf("__"))) <= Long.parseLong(version)) {
          Files.delete(file);
        }
      }
    }
    int following = (int) after.stream().filter(name -> name.startsWith("V")).count();

    SchemacodeCliTest.Run dryRun = run("deploy", "--dry-run");
    assertEquals(0, dryRun.exitCode(), dryRun.err());
    List<String> lines = dryRun.out().lines().toList();
    assertEquals("-- a new database: it would start from " + checkpoint + " (the schema as of V" + version + "; the "
        + covered + " migrations it stands for are recorded as applied without running), then " + following
        + (following == 1 ? " migration" : " migrations") + " would be applied; database is at (empty)", lines.get(1),
        dryRun.out());
    assertTrue(lines.contains("-- C" + version + "__checkpoint: a new database starts from the newest checkpoint, in its"
        + " own transaction (" + migrations + "/" + checkpoint + "); the " + covered + " migrations it stands for are"
        + " recorded as applied without running"), dryRun.out());
    assertEquals(covered, lines.stream().filter(line -> line.startsWith("INSERT INTO") && line.endsWith("'checkpoint');"))
        .count(), dryRun.out());
    for (String name : after) {
      if (name.startsWith("V")) {
        assertTrue(dryRun.out().contains("-- " + name.substring(0, name.length() - 4) + ": "), name + ": " + dryRun.out());
      }
    }
    assertTrue(!dryRun.out().contains("-- V0001__"), "the migrations the checkpoint stands for do not run: " + dryRun.out());
    assertEquals("0", query("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"), "a dry run changes nothing");

    SchemacodeCliTest.Run deploy = run("deploy");
    assertEquals(0, deploy.exitCode(), deploy.err());
    assertTrue(deploy.out().contains("schemacode: a new database: built from " + checkpoint + "; the " + covered
        + " migrations it stands for are recorded as applied without running\n"), deploy.out());
    assertTrue(!deploy.out().contains("applied V0001"), "recorded, not applied: " + deploy.out());
    assertTrue(deploy.out().contains(" migrations applied (" + covered + " by the checkpoint); database is at V"),
        deploy.out());
    assertEquals(String.valueOf(covered), query("SELECT count(*) FROM schemacode_history WHERE kind = 'checkpoint'"));
    assertEquals(String.valueOf(following), query("SELECT count(*) FROM schemacode_history WHERE kind = 'migration'"));

    // status reads no script, so the archived files do not matter to it, as text or JSON
    SchemacodeCliTest.Run status = run("status");
    assertEquals(0, status.exitCode(), status.err());
    assertTrue(status.out().contains("Built from checkpoint " + checkpoint + ": the " + covered + " migrations"), status.out());
    SchemacodeCliTest.Run json = run("status", "--json");
    assertEquals(0, json.exitCode(), json.err());
    var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out());
    assertEquals(checkpoint, root.get("checkpoint").get("file").asText(), json.out());
    assertTrue(root.get("migrations").get(0).get("transactional").isNull(), "archived: " + json.out());
  }

  /** A deploy --to below the newest checkpoint applies the files up to there, dry run and deploy alike. */
  @Test
  void deployToAVersionBelowTheCheckpointAppliesTheFilesUpToIt() throws Exception {
    history.version(RevertTest.v1());
    String first = history.ledger().migrations().get(0).file().version();
    history.version(RevertTest.v2());
    checkpointAtTheNewestMigration();

    SchemacodeCliTest.Run dryRun = run("deploy", "--dry-run", "--to", first);
    assertEquals(0, dryRun.exitCode(), dryRun.err());
    assertTrue(dryRun.out().lines().toList().get(1).startsWith("-- 1 migration would be applied"), dryRun.out());
    assertTrue(!dryRun.out().contains("checkpoint"), dryRun.out());

    assertEquals(0, run("deploy", "--to", first).exitCode());
    assertEquals(first, query("SELECT max(version) FROM schemacode_history WHERE kind = 'migration'"));
    assertEquals("0", query("SELECT count(*) FROM schemacode_history WHERE kind = 'checkpoint'"));
  }
}

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

    history.handWritten("fix", "SELECT 1;\n");
    SchemacodeCliTest.Run refused = SchemacodeCliTest.cli("checkpoint", "--migrations", migrations.toString());
    assertEquals(1, refused.exitCode());
    assertTrue(refused.err().contains("--skip-hand-written"), refused.err());
  }
}

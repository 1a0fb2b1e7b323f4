package dev.schemacode.runtime;

import static dev.schemacode.runtime.Queries.count;
import static dev.schemacode.runtime.Queries.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemacode.model.CheckpointScript;
import dev.schemacode.model.Ledger;
import dev.schemacode.testing.CatalogSnapshot;
import dev.schemacode.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints on a real PostgreSQL: a new database starts from the newest checkpoint and applies only
 * what follows, with the same catalog as the history gives; a database that applied the history
 * skips it, keeps working after the covered files are archived, and is checked against the ledger.
 */
class CheckpointTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();

  @TempDir Path migrations;
  private GeneratedHistory history;

  @BeforeEach
  void emptySchema() throws SQLException {
    execute(database, "DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    history = new GeneratedHistory(migrations);
  }

  private Migrator migrator() {
    return Migrator.builder().dataSource(database.dataSource()).migrations(MigrationSource.directory(migrations))
        .environment(Environment.named("test")).build();
  }

  private List<String> catalog() throws SQLException {
    try (Connection connection = database.dataSource().getConnection()) {
      return CatalogSnapshot.read(connection, Migrator.runtimeTables(Migrator.DEFAULT_HISTORY_TABLE));
    }
  }

  private void checkpoint() throws Exception {
    CheckpointScript.Made made = CheckpointScript.make(history.ledger(), true);
    history.write(made.fileName(), made.script());
    history.replaceLedger(made.ledger());
  }

  /** Archiving: the files the newest checkpoint covers leave the directory; the ledger keeps their checksums. */
  private void archive() throws Exception {
    long version = history.ledger().newestCheckpoint().orElseThrow().number();
    try (Stream<Path> files = Files.list(migrations)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if ((name.startsWith("V") || name.startsWith("U")) && Long.parseLong(name.substring(1, name.indexOf("__"))) <= version) {
          Files.delete(file);
        }
      }
    }
  }

  private void history() {
    history.version(RevertTest.v1());
    history.version(RevertTest.v2());
    history.handWritten("fix_emails", "UPDATE customer SET email = lower(email);\n");
    history.version(RevertTest.v3(), RevertTest.v3Renames());
  }

  @Test
  void aNewDatabaseStartsFromTheCheckpointAndOneThatAppliedTheHistoryKeepsWorking() throws Exception {
    history();
    migrator().migrate();
    execute(database, "INSERT INTO customer (email, phone, status) VALUES ('a@example.com', '1', 'OPEN')");
    checkpoint();
    archive();

    // the database that applied the history: nothing pending, no problem, checked against the ledger
    assertTrue(migrator().migrate().applied().isEmpty());
    MigrationStatus status = migrator().status();
    assertTrue(status.problems().isEmpty(), status.toString());
    assertTrue(status.migrations().stream().allMatch(m -> m.state() == MigrationState.APPLIED), status.toString());
    assertTrue(migrator().validate().problems().isEmpty());
    history.version(RevertTest.v4());
    assertEquals(1, migrator().migrate().applied().size());
    List<String> fromHistory = catalog();
    assertEquals(1, count(database, "SELECT count(*) FROM customer"));

    // a new database: the checkpoint, then only what follows it
    execute(database, "DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    MigrateResult result = migrator().migrate();
    assertEquals(fromHistory, catalog(), "the checkpoint and what follows build the catalog the history built");
    String newest = history.ledger().migrations().get(history.ledger().migrations().size() - 1).file().version();
    assertEquals(newest, result.currentVersion().orElseThrow());
    assertEquals(history.ledger().migrations().size() - 1,
        count(database, "SELECT count(*) FROM schemacode_history WHERE kind = 'checkpoint'"));
    assertEquals(1, count(database, "SELECT count(*) FROM schemacode_history WHERE kind = 'migration'"));
    assertTrue(migrator().status().problems().isEmpty());
    assertTrue(migrator().migrate().applied().isEmpty(), "and the next start is up to date");

    // revert goes back to the checkpoint, never below it
    migrator().revert(true);
    MigrationException below = assertThrows(MigrationException.class, () -> migrator().revert(true));
    assertTrue(below.getMessage().contains("built from a checkpoint"), below.getMessage());
  }

  @Test
  void aDatabaseBehindAnArchivedCheckpointIsToldToRestoreTheFiles() throws Exception {
    history();
    migrator().migrateTo("1");
    checkpoint();
    archive();
    ConfigurationException behind = assertThrows(ConfigurationException.class, () -> migrator().migrate());
    String checkpoint = history.ledger().newestCheckpoint().orElseThrow().fileName();
    assertTrue(behind.getMessage().contains("is archived: the checkpoint " + checkpoint + " covers it"), behind.getMessage());
    assertEquals("0001", migrator().status().currentVersion().orElseThrow());
  }

  @Test
  void anEditedCheckpointIsRefusedBeforeAnythingRuns() throws Exception {
    history();
    checkpoint();
    Ledger ledger = history.ledger();
    String name = ledger.newestCheckpoint().orElseThrow().fileName();
    history.write(name, Files.readString(migrations.resolve(name)) + "\nDROP TABLE customer;\n");
    ConfigurationException edited = assertThrows(ConfigurationException.class, () -> migrator().migrate());
    assertTrue(edited.getMessage().contains(name + " in " + migrations + " does not match the ledger"), edited.getMessage());
    assertEquals(List.of(), catalog());
  }
}

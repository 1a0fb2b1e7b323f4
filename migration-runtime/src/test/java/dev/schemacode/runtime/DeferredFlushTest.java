package dev.schemacode.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemacode.testing.TestDatabase;
import dev.schemacode.testing.WireCounter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deploy's migrations commit without waiting for the write-ahead log's flush, all but the last one
 * pending; the deploy never returns or fails with such a commit unflushed. Each migration records
 * the {@code synchronous_commit} its own transaction ran with, so the database itself says how it
 * committed; the flush a deploy owes when it ends otherwise is seen on the wire.
 */
class DeferredFlushTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();

  @TempDir Path migrations;

  @BeforeEach
  void emptySchema() throws Exception {
    Queries.emptySchema(database);
    // the embedded test server runs with synchronous_commit = off; a production server waits
    Queries.execute(database, "ALTER DATABASE \"" + database.name() + "\" SET synchronous_commit = on");
  }

  private void migration(int version, String sql) throws Exception {
    Files.writeString(migrations.resolve(String.format("V%04d__step.sql", version)), sql);
  }

  private static String recordsItsCommit(int version) {
    return "CREATE TABLE commit_" + version + " AS SELECT current_setting('synchronous_commit') AS setting;\n";
  }

  @Test
  void everyMigrationButTheLastCommitsWithoutWaitingForTheFlush() throws Exception {
    for (int version = 1; version <= 3; version++) {
      migration(version, recordsItsCommit(version));
    }
    assertEquals("on", Queries.text(database, "SHOW synchronous_commit"), "the database's own setting");

    MigrateResult result = Migrator.builder().dataSource(database.dataSource())
        .migrations(MigrationSource.directory(migrations)).build().migrate();

    assertEquals(3, result.applied().size());
    assertEquals("off", Queries.text(database, "SELECT setting FROM commit_1"));
    assertEquals("off", Queries.text(database, "SELECT setting FROM commit_2"));
    assertEquals("on", Queries.text(database, "SELECT setting FROM commit_3"), "the last commit waits, as the database says");
  }

  @Test
  void aScriptThatSetsSynchronousCommitItselfHasTheLastWord() throws Exception {
    migration(1, "SET LOCAL synchronous_commit = remote_write;\n" + recordsItsCommit(1));
    migration(2, recordsItsCommit(2));

    Migrator.builder().dataSource(database.dataSource()).migrations(MigrationSource.directory(migrations)).build().migrate();

    assertEquals("remote_write", Queries.text(database, "SELECT setting FROM commit_1"));
  }

  @Test
  void aDeployThatFailsAfterDeferredCommitsFlushesThemBeforeItFails() throws Exception {
    migration(1, recordsItsCommit(1));
    migration(2, recordsItsCommit(2));
    migration(3, "SELECT 1 / 0;\n");
    try (WireCounter wire = WireCounter.inFrontOf(database)) {
      Migrator migrator = throughCounter(wire);

      assertThrows(MigrationException.class, migrator::migrate);

      List<String> sent = wire.statements();
      int failing = indexOf(sent, "1 / 0");
      int flush = indexOf(sent, "txid_current()");
      assertTrue(failing >= 0 && flush > failing, "the flush comes after the failed migration: " + sent);
      assertEquals("off", Queries.text(database, "SELECT setting FROM commit_2"));
      assertEquals("2", Queries.text(database, "SELECT count(*) FROM schemacode_history WHERE success"));
    }
  }

  @Test
  void aDeployWhoseLastCommitWaitedSendsNoFlushOfItsOwn() throws Exception {
    migration(1, recordsItsCommit(1));
    migration(2, recordsItsCommit(2));
    try (WireCounter wire = WireCounter.inFrontOf(database)) {
      throughCounter(wire).migrate();

      assertEquals(-1, indexOf(wire.statements(), "txid_current()"), wire.statements().toString());
    }
  }

  private static int indexOf(List<String> statements, String part) {
    for (int i = 0; i < statements.size(); i++) {
      if (statements.get(i).contains(part)) {
        return i;
      }
    }
    return -1;
  }

  private Migrator throughCounter(WireCounter wire) {
    return Migrator.builder().url(DatabaseUrl.parse(wire.jdbcUrl(database))).migrations(MigrationSource.directory(migrations))
        .build();
  }
}

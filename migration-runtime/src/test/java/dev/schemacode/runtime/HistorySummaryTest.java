package dev.schemacode.runtime;

import dev.schemacode.model.Checksums;
import dev.schemacode.model.Ledger;
import dev.schemacode.model.LedgerCodec;
import dev.schemacode.model.LedgerEntry;
import dev.schemacode.model.MigrationFileName;
import dev.schemacode.model.Schema;
import dev.schemacode.runtime.internal.HistoryDigest;
import dev.schemacode.runtime.internal.HistoryTable;
import dev.schemacode.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The start-up check compares one summary row, kept by triggers on the history, and falls back to
 * every row when it differs: whoever changed the history (this runtime, a person, another tool), the
 * full comparison still finds a modified, missing, failed or foreign row.
 */
class HistorySummaryTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();

  @TempDir Path migrations;

  private final HistoryTable history = new HistoryTable(Migrator.DEFAULT_HISTORY_TABLE);

  @BeforeEach
  void threeAppliedMigrations() throws Exception {
    Queries.emptySchema(database);
    for (int i = 1; i <= 3; i++) {
      Files.writeString(migrations.resolve(String.format("V%04d__t%d.sql", i, i)), "CREATE TABLE t" + i + " (id int);\n");
    }
    assertEquals(3, migrator().migrate().applied().size());
  }

  private Migrator migrator() {
    return Migrator.builder().dataSource(database.dataSource()).migrations(MigrationSource.directory(migrations)).build();
  }

  private HistoryTable.StartupRead startupRead() throws Exception {
    try (Connection connection = database.dataSource().getConnection()) {
      return history.readUnlessSummarised(connection, HistoryDigest.allApplied(MigrationSource.directory(migrations).listing()));
    }
  }

  /** The fleet's form of the check (a plain query, the rows in a second one): the same answers. */
  private HistoryTable.StartupRead startupReadOnce() throws Exception {
    try (Connection connection = database.dataSource().getConnection()) {
      return history.readUnlessSummarisedOnce(connection, HistoryDigest.allApplied(MigrationSource.directory(migrations).listing()));
    }
  }

  @Test
  void theFleetsFormOfTheCheckGivesTheSameAnswers() throws Exception {
    assertTrue(startupReadOnce().matched());
    assertEquals(List.of(), startupReadOnce().rows());
    Queries.execute(database, "UPDATE schemacode_history SET checksum = 'edited' WHERE version = '0002'");
    HistoryTable.StartupRead edited = startupReadOnce();
    assertFalse(edited.matched());
    assertEquals(3, edited.rows().size(), "on a miss, every row");
    Queries.execute(database, "UPDATE schemacode_history SET checksum = '"
        + MigrationSource.directory(migrations).listing().get(1).checksum() + "' WHERE version = '0002'");
    assertTrue(startupReadOnce().matched(), "back as it was");
    Queries.execute(database, "ALTER TABLE schemacode_history DISABLE TRIGGER USER");
    assertFalse(startupReadOnce().matched(), "a disabled trigger: the summary counts for nothing");
  }

  private String validationFailure() {
    return assertThrows(MigrationException.class, () -> migrator().migrate()).getMessage();
  }

  @Test
  void nothingPendingReadsOneRowWhatever() throws Exception {
    HistoryTable.StartupRead read = startupRead();
    assertTrue(read.matched());
    assertEquals(List.of(), read.rows());
    assertEquals("0003", migrator().migrate().currentVersion().orElseThrow());
  }

  @Test
  void aPendingMigrationMisses() throws Exception {
    Files.writeString(migrations.resolve("V0004__t4.sql"), "CREATE TABLE t4 (id int);\n");
    HistoryTable.StartupRead read = startupRead();
    assertFalse(read.matched());
    assertEquals(3, read.rows().size());
    assertEquals(1, migrator().migrate().applied().size());
    assertTrue(startupRead().matched());
  }

  @Test
  void aRowModifiedByHandIsFound() throws Exception {
    Queries.execute(database, "UPDATE schemacode_history SET checksum = 'edited' WHERE version = '0002'");
    assertFalse(startupRead().matched());
    assertTrue(validationFailure().contains("V0002"));
  }

  @Test
  void aFailedRowIsFound() throws Exception {
    Queries.execute(database, "UPDATE schemacode_history SET success = false WHERE version = '0001'");
    assertFalse(startupRead().matched());
    assertTrue(validationFailure().contains("V0001"));
  }

  @Test
  void aForeignRowIsFound() throws Exception {
    Queries.execute(database, "INSERT INTO schemacode_history (version, name, checksum, execution_ms, success)"
        + " VALUES ('0009', 'elsewhere', 'x', 0, true)");
    assertFalse(startupRead().matched());
    assertTrue(validationFailure().contains("V0009"));
  }

  @Test
  void aMissingRowIsFound() throws Exception {
    Queries.execute(database, "DELETE FROM schemacode_history WHERE version = '0002'");
    assertFalse(startupRead().matched());
    assertTrue(validationFailure().contains("V0002"));
  }

  @Test
  void aTruncatedHistoryIsFound() throws Exception {
    Queries.execute(database, "TRUNCATE schemacode_history");
    assertFalse(startupRead().matched());
    assertThrows(MigrationException.class, () -> migrator().migrate()); // re-running V0001 meets its table
  }

  @Test
  void aDisabledTriggerMakesTheSummaryCountForNothing() throws Exception {
    Queries.execute(database, "ALTER TABLE schemacode_history DISABLE TRIGGER USER");
    assertFalse(startupRead().matched());
    Queries.execute(database, "UPDATE schemacode_history SET checksum = 'edited' WHERE version = '0003'");
    assertTrue(validationFailure().contains("V0003"));
  }

  @Test
  void aHistoryFromAnEarlierBuildGetsItsSummaryAtTheFirstStart() throws Exception {
    Queries.execute(database, "DROP TABLE schemacode_history_summary CASCADE;"
        + " DROP TRIGGER schemacode_summary ON schemacode_history;"
        + " DROP TRIGGER schemacode_summary_truncate ON schemacode_history");
    assertEquals(null, startupRead());
    assertEquals(List.of(), migrator().migrate().applied());
    assertTrue(startupRead().matched()); // the digest of the three rows already there
  }

  @Test
  void aHistoryWhoseSummaryHasNoCheckFunctionYetGetsItAtTheFirstStart() throws Exception {
    Queries.execute(database, "DROP FUNCTION schemacode_history_matches(bit)"); // as the first summaries had none
    assertEquals(null, startupRead());
    assertEquals(List.of(), migrator().migrate().applied());
    assertTrue(startupRead().matched());
  }

  /**
   * The check function first returned the history's rows on a miss (a set-returning function named
   * after the summary); a history that has only that one is checked row by row and gets the
   * scalar check function at the first start, the old one dropped.
   */
  @Test
  void aHistoryWithTheFirstCheckFunctionGetsTheScalarOneAtTheFirstStart() throws Exception {
    Queries.execute(database, "DROP FUNCTION schemacode_history_matches(bit);"
        + " CREATE FUNCTION schemacode_history_summary(expected bit) RETURNS TABLE (schemacode_matched boolean,"
        + " version text) LANGUAGE sql AS $$ SELECT true, NULL::text $$");
    assertEquals(null, startupRead());
    Queries.execute(database, "UPDATE schemacode_history SET checksum = 'edited' WHERE version = '0002'");
    assertTrue(validationFailure().contains("V0002"), "the old function said matched; it is not asked");
    Queries.execute(database, "UPDATE schemacode_history SET checksum = '"
        + MigrationSource.directory(migrations).listing().get(1).checksum() + "' WHERE version = '0002'");
    assertEquals(List.of(), migrator().migrate().applied());
    assertTrue(startupRead().matched());
    assertEquals(0, Queries.count(database, "SELECT count(*) FROM pg_proc WHERE proname = 'schemacode_history_summary'"
        + " AND pronargs = 1"), "the first check function is dropped");
  }

  @Test
  void aDisabledRowTriggerAloneMakesTheSummaryCountForNothing() throws Exception {
    Queries.execute(database, "ALTER TABLE schemacode_history DISABLE TRIGGER schemacode_summary");
    Queries.execute(database, "UPDATE schemacode_history SET success = false WHERE version = '0003'");
    assertFalse(startupRead().matched());
    assertTrue(validationFailure().contains("V0003"));
  }

  @Test
  void aDroppedTruncateTriggerAloneMakesTheSummaryCountForNothing() throws Exception {
    Queries.execute(database, "DROP TRIGGER schemacode_summary_truncate ON schemacode_history");
    Queries.execute(database, "TRUNCATE schemacode_history"); // the summary still holds the digest of three rows
    assertFalse(startupRead().matched());
    assertThrows(MigrationException.class, () -> migrator().migrate()); // re-running V0001 meets its table
  }

  /** Every call of the check, not only the first on a server connection, sees the history as it is now. */
  @Test
  void aChangeAfterAMatchOnTheSameConnectionIsFound() throws Exception {
    String digest = HistoryDigest.allApplied(MigrationSource.directory(migrations).listing());
    try (Connection connection = database.dataSource().getConnection()) {
      assertTrue(history.readUnlessSummarised(connection, digest).matched());
      Queries.execute(database, "UPDATE schemacode_history SET checksum = 'edited' WHERE version = '0001'");
      HistoryTable.StartupRead edited = history.readUnlessSummarised(connection, digest);
      assertFalse(edited.matched());
      assertEquals(3, edited.rows().size(), "on a miss, every row");
      Queries.execute(database, "UPDATE schemacode_history SET checksum = '"
          + MigrationSource.directory(migrations).listing().get(0).checksum() + "' WHERE version = '0001'");
      assertTrue(history.readUnlessSummarised(connection, digest).matched(), "back as it was");
      Queries.execute(database, "ALTER TABLE schemacode_history DISABLE TRIGGER USER");
      Queries.execute(database, "UPDATE schemacode_history SET success = false WHERE version = '0001'");
      assertFalse(history.readUnlessSummarised(connection, digest).matched(), "disabled after the plan was kept");
    }
  }

  /**
   * The check as an application's pool makes it, start after start on the same connection, whose
   * driver would name a statement from its first execution: its text is parsed once per pooled
   * connection (a prepared statement, still sent unnamed), and every call still asks the server, so a
   * row edited, or a trigger disabled, after a run of matches on that connection is found.
   */
  @Test
  void aChangeAfterManyMatchesOnOnePooledConnectionIsFound() throws Exception {
    org.postgresql.ds.PGSimpleDataSource driver = (org.postgresql.ds.PGSimpleDataSource) database.dataSource();
    driver.setPrepareThreshold(1);
    com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
    config.setDataSource(driver);
    config.setMaximumPoolSize(1);
    try (com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource(config)) {
      Migrator.Builder pooled = Migrator.builder().dataSource(pool).migrations(MigrationSource.directory(migrations));
      for (int i = 0; i < 10; i++) {
        assertEquals(List.of(), pooled.build().migrate().applied());
      }
      Queries.execute(database, "UPDATE schemacode_history SET checksum = 'edited' WHERE version = '0002'");
      MigrationException edited = assertThrows(MigrationException.class, () -> pooled.build().migrate());
      assertTrue(edited.getMessage().contains("V0002"), edited.getMessage());
      Queries.execute(database, "UPDATE schemacode_history SET checksum = '"
          + MigrationSource.directory(migrations).listing().get(1).checksum() + "' WHERE version = '0002'");
      for (int i = 0; i < 10; i++) {
        assertEquals(List.of(), pooled.build().migrate().applied());
      }
      Queries.execute(database, "ALTER TABLE schemacode_history DISABLE TRIGGER USER;"
          + " UPDATE schemacode_history SET success = false WHERE version = '0003'");
      MigrationException failed = assertThrows(MigrationException.class, () -> pooled.build().migrate());
      assertTrue(failed.getMessage().contains("V0003"), failed.getMessage());
      try (Connection connection = pool.getConnection(); java.sql.Statement statement = connection.createStatement();
          java.sql.ResultSet named = statement.executeQuery("SELECT count(*), left(string_agg(statement, ' | '), 200) FROM pg_prepared_statements"
              + " WHERE statement LIKE '%schemacode%' AND statement NOT LIKE '%pg_prepared_statements%'")) {
        named.next();
        assertEquals(0, named.getInt(1), "none of the migrator's statements named on the pooled connection: " + named.getString(2));
      }
    }
  }

  /** A migrator of one schema (as a fleet's target, but checked with the function): its history, qualified. */
  @Test
  void aSchemasHistoryIsCheckedInThatSchema() throws Exception {
    Queries.execute(database, "DROP SCHEMA IF EXISTS tenant_a CASCADE; CREATE SCHEMA tenant_a");
    Migrator tenant = Migrator.builder().dataSource(database.dataSource()).migrations(MigrationSource.directory(migrations))
        .schema("tenant_a").build();
    assertEquals(3, tenant.migrate().applied().size());
    assertEquals(List.of(), tenant.migrate().applied());
    Queries.execute(database, "DELETE FROM tenant_a.schemacode_history WHERE version = '0002'");
    MigrationException missing = assertThrows(MigrationException.class, tenant::migrate);
    assertTrue(missing.getMessage().contains("V0002"), missing.getMessage());
    assertEquals(List.of(), migrator().migrate().applied(), "the connection's own history is another one");
    Queries.execute(database, "DROP SCHEMA tenant_a CASCADE");
  }

  @Test
  void aSummaryDroppedByHandIsRebuiltBeforeTheNextDeployWrites() throws Exception {
    Queries.execute(database, "DROP TABLE schemacode_history_summary");
    Files.writeString(migrations.resolve("V0004__t4.sql"), "CREATE TABLE t4 (id int);\n");
    assertEquals(1, migrator().migrate().applied().size());
    assertTrue(startupRead().matched());

    Queries.execute(database, "DELETE FROM schemacode_history_summary");
    assertFalse(startupRead().matched());
    Files.writeString(migrations.resolve("V0005__t5.sql"), "CREATE TABLE t5 (id int);\n");
    assertEquals(1, migrator().migrate().applied().size());
    assertTrue(startupRead().matched());
  }

  /**
   * Versions of the summary's row that could not be pruned in place when its page filled spill it
   * onto new pages, which every check reads and vacuum does not give back (the live row sits on the
   * last one). Here one transaction writes a history row 500 times, so that none of them can be
   * pruned before it commits: a deploy that writes history then rewrites the summary to one page,
   * and the triggers keep it right after.
   */
  @Test
  void aDeployThatWritesHistoryCompactsASummaryGrownPastOnePage() throws Exception {
    growSummary(database, "schemacode_history");
    assertTrue(summaryPages(database, "schemacode_history_summary") > 1, "the summary spilled onto more pages");
    Queries.execute(database, "VACUUM schemacode_history_summary");
    assertTrue(summaryPages(database, "schemacode_history_summary") > 1, "what autovacuum does gives none back");
    assertTrue(startupRead().matched());
    assertEquals(List.of(), migrator().migrate().applied());
    assertTrue(summaryPages(database, "schemacode_history_summary") > 1, "a start that writes nothing leaves it");

    Files.writeString(migrations.resolve("V0004__t4.sql"), "CREATE TABLE t4 (id int);\n");
    assertEquals(1, migrator().migrate().applied().size());
    assertEquals(1, summaryPages(database, "schemacode_history_summary"), "rewritten to one page");
    assertTrue(startupRead().matched());
    Queries.execute(database, "UPDATE schemacode_history SET checksum = 'edited' WHERE version = '0002'");
    assertFalse(startupRead().matched(), "the triggers keep the rewritten summary");
    assertTrue(validationFailure().contains("V0002"));
  }

  /** One transaction that writes a row of {@code history} 500 times (its digest stays as it was). */
  static void growSummary(TestDatabase database, String history) throws Exception {
    Queries.execute(database, "DO $$ BEGIN FOR i IN 1..500 LOOP UPDATE " + history
        + " SET execution_ms = execution_ms + 1 WHERE version = '0001'; END LOOP; END $$");
  }

  static long summaryPages(TestDatabase database, String summary) throws Exception {
    return Queries.count(database, "SELECT pg_relation_size('" + summary + "') / current_setting('block_size')::int");
  }

  @Test
  void theDigestMatchesWhatTheTriggerKeeps() throws Exception {
    String digest = HistoryDigest.allApplied(MigrationSource.directory(migrations).resolve());
    assertEquals(1, Queries.count(database, "SELECT count(*) FROM schemacode_history_summary WHERE digest = X'" + digest + "'"));
  }

  /**
   * With a ledger beside the files, the start-up check takes the recorded checksums and reads no
   * file; an applied file edited on disk is then reported by {@code status} (which hashes every file),
   * and refused by any deploy that applies something, before it applies anything.
   */
  @Test
  void withALedgerTheDirectoryIsNotReadUntilSomethingIsPending() throws Exception {
    Ledger ledger = Ledger.EMPTY;
    for (int i = 1; i <= 3; i++) {
      MigrationFileName file = MigrationFileName.parse(String.format("V%04d__t%d.sql", i, i)).orElseThrow();
      ledger = ledger.append(file, Checksums.ofScript(Files.readString(migrations.resolve(file.fileName()))),
          LedgerEntry.Origin.GENERATED, Schema.EMPTY);
    }
    Files.writeString(migrations.resolve(Ledger.FILE_NAME), LedgerCodec.write(ledger));
    Files.writeString(migrations.resolve("V0002__t2.sql"), "CREATE TABLE t2 (id int, edited int);\n");

    assertEquals(List.of(), migrator().migrate().applied()); // trusted the ledger: nothing read
    assertEquals(MigrationState.MODIFIED, migrator().status().find(2).orElseThrow().state());

    Files.writeString(migrations.resolve("V0004__t4.sql"), "CREATE TABLE t4 (id int);\n");
    ConfigurationException refused = assertThrows(ConfigurationException.class, () -> migrator().migrate());
    assertTrue(refused.getMessage().contains("V0002__t2.sql does not match the ledger"), refused.getMessage());
    assertEquals(0, Queries.count(database, "SELECT count(*) FROM pg_tables WHERE tablename = 't4'"));
  }
}

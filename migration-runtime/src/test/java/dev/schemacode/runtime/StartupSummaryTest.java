package dev.schemacode.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemacode.model.Checksums;
import dev.schemacode.model.Ledger;
import dev.schemacode.model.LedgerCodec;
import dev.schemacode.model.LedgerEntry;
import dev.schemacode.model.MigrationFileName;
import dev.schemacode.model.MigrationIndex;
import dev.schemacode.model.Schema;
import dev.schemacode.runtime.internal.DirectoryStamp;
import dev.schemacode.runtime.internal.HistoryDigest;
import dev.schemacode.runtime.internal.KeptSummaries;
import dev.schemacode.runtime.internal.StartupSummary;
import dev.schemacode.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up check keeps the summary of a source that cannot have changed (a generated index, a
 * directory whose stamp is the same) and lists nothing the next time; every change that could matter
 * to the check still shows.
 */
class StartupSummaryTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();

  @TempDir Path migrations;

  @BeforeEach
  void threeRecordedMigrationsWrittenAMinuteAgo() throws Exception {
    Queries.emptySchema(database);
    for (int i = 1; i <= 3; i++) {
      write(i, "CREATE TABLE t" + i + " (id int);\n");
    }
    writeLedger(1, 2, 3);
    settle();
  }

  private void write(int version, String sql) throws Exception {
    Files.writeString(migrations.resolve(String.format("V%04d__t%d.sql", version, version)), sql);
  }

  private void writeLedger(int... versions) throws Exception {
    Ledger ledger = Ledger.EMPTY;
    for (int version : versions) {
      MigrationFileName file = MigrationFileName.parse(String.format("V%04d__t%d.sql", version, version)).orElseThrow();
      ledger = ledger.append(file, Checksums.ofScript(Files.readString(migrations.resolve(file.fileName()))),
          LedgerEntry.Origin.GENERATED, Schema.EMPTY);
    }
    Files.writeString(migrations.resolve(Ledger.FILE_NAME), LedgerCodec.write(ledger));
  }

  /** As a deploy finds a directory a build wrote a while ago: its times well before now. */
  private void settle() throws Exception {
    FileTime aMinuteAgo = FileTime.from(Instant.now().minusSeconds(60));
    Files.setLastModifiedTime(migrations.resolve(Ledger.FILE_NAME), aMinuteAgo);
    Files.setLastModifiedTime(migrations, aMinuteAgo);
  }

  private MigrationSource source() {
    return MigrationSource.directory(migrations);
  }

  private Migrator migrator(MigrationSource source) {
    return Migrator.builder().dataSource(database.dataSource()).migrations(source).build();
  }

  private StartupSummary kept() throws Exception {
    DirectoryStamp stamp = DirectoryStamp.of(migrations);
    return KeptSummaries.find(DirectorySource.keptKey(migrations, stamp), stamp, source());
  }

  @Test
  void anUnchangedDirectoryIsListedOnceAndThenOnlyStamped() throws Exception {
    assertEquals(3, migrator(source()).migrate().applied().size());
    StartupSummary kept = kept();
    assertNotNull(kept);
    assertEquals(HistoryDigest.allApplied(source().resolve()), kept.digest());
    assertEquals("0003", kept.currentVersion().orElseThrow());
    assertEquals(List.of(), migrator(source()).migrate().applied());
    assertEquals("0003", migrator(source()).migrate().currentVersion().orElseThrow());
  }

  /**
   * The kept summary is what the files say; the history is read each time. A row changed by hand after
   * the summary was kept (modified, failed, missing, foreign) is still found.
   */
  @Test
  void aKeptSummaryStillMeetsAHistoryChangedByHand() throws Exception {
    migrator(source()).migrate();
    assertEquals(List.of(), migrator(source()).migrate().applied());
    assertNotNull(kept());
    for (String change : List.of("UPDATE schemacode_history SET checksum = 'edited' WHERE version = '0002'",
        "UPDATE schemacode_history SET success = false WHERE version = '0002'",
        "DELETE FROM schemacode_history WHERE version = '0002'",
        "INSERT INTO schemacode_history (version, name, checksum, execution_ms, success) VALUES ('0009', 'x', 'x', 0, true)")) {
      Queries.execute(database, change);
      MigrationException found = assertThrows(MigrationException.class, () -> migrator(source()).migrate(), change);
      assertTrue(found.getMessage().contains(change.contains("0009") ? "V0009" : "V0002"), found.getMessage());
      restoreHistory();
      assertEquals(List.of(), migrator(source()).migrate().applied(), "restored after " + change);
    }
  }

  @Test
  void aKeptIndexSummaryStillMeetsAHistoryChangedByHand() throws Exception {
    MigrationIndex index = MigrationIndex.of("fixtures/ledgered",
        MigrationIndex.entry("V0001__init.sql", Checksums.ofScript("CREATE TABLE note (id bigint PRIMARY KEY);\n")));
    migrator(MigrationSource.index(index)).migrate();
    assertEquals(List.of(), migrator(MigrationSource.index(index)).migrate().applied());
    Queries.execute(database, "UPDATE schemacode_history SET success = false WHERE version = '0001'");
    MigrationException failed = assertThrows(MigrationException.class, () -> migrator(MigrationSource.index(index)).migrate());
    assertTrue(failed.getMessage().contains("V0001"), failed.getMessage());
  }

  /** Puts back the three rows as applied, through the triggers (so the summary follows). */
  private void restoreHistory() throws Exception {
    Queries.execute(database, "DELETE FROM schemacode_history");
    for (ResolvedMigration migration : source().resolve()) {
      Queries.execute(database, "INSERT INTO schemacode_history (version, name, checksum, execution_ms, success) VALUES ('"
          + migration.version() + "', 't', '" + migration.checksum() + "', 0, true)");
    }
  }

  /**
   * The listing takes only the entries and the newest checkpoint from the ledger ({@link
   * dev.schemacode.model.LedgerRecords}): a schema section that a full read refuses (edited by hand,
   * the build's to report) does not make the check read and hash every file.
   */
  @Test
  void theListingDoesNotReadTheLedgersSchema() throws Exception {
    assertEquals(3, migrator(source()).migrate().applied().size());
    Path ledger = migrations.resolve(Ledger.FILE_NAME);
    String edited = Files.readString(ledger).replaceFirst("\"schemaChecksum\": \"[0-9a-f]+\"",
        "\"schemaChecksum\": \"" + "0".repeat(64) + "\"");
    Files.writeString(ledger, edited);
    settle();
    assertThrows(ConfigurationException.class, () -> source().ledger()); // what validate and the build report
    assertEquals(List.of(), migrator(source()).migrate().applied());
    assertNotNull(kept()); // every file's checksum came from the ledger: nothing was read to hash it
  }

  @Test
  void aNewFileAndItsLedgerEntryAreSeen() throws Exception {
    migrator(source()).migrate();
    write(4, "CREATE TABLE t4 (id int);\n");
    writeLedger(1, 2, 3, 4);
    assertEquals(List.of("0004"), migrator(source()).migrate().applied().stream().map(ResolvedMigration::version).toList());
  }

  @Test
  void aRemovedFileIsSeen() throws Exception {
    migrator(source()).migrate();
    Files.delete(migrations.resolve("V0002__t2.sql"));
    MigrationException missing = assertThrows(MigrationException.class, () -> migrator(source()).migrate());
    assertTrue(missing.getMessage().contains("V0002"), missing.getMessage());
  }

  @Test
  void aNewLedgerIsSeen() throws Exception {
    migrator(source()).migrate();
    // the ledger now records another checksum for V0002 (as if its file had been edited and the build re-run)
    write(2, "CREATE TABLE t2 (id int, edited int);\n");
    writeLedger(1, 2, 3);
    Files.setLastModifiedTime(migrations, FileTime.from(Instant.now().minusSeconds(60)));
    MigrationException modified = assertThrows(MigrationException.class, () -> migrator(source()).migrate());
    assertTrue(modified.getMessage().contains("V0002"), modified.getMessage());
  }

  @Test
  void aDirectoryJustWrittenIsNotKept() throws Exception {
    write(4, "CREATE TABLE t4 (id int);\n");
    writeLedger(1, 2, 3, 4); // now: a change in the same tick of the file clock would leave the stamp as it is
    assertEquals(4, migrator(source()).migrate().applied().size());
    assertNull(kept());
  }

  @Test
  void aFileTheLedgerDoesNotRecordIsReadEveryTime() throws Exception {
    write(4, "CREATE TABLE t4 (id int);\n"); // hand-written, not yet seen by a build
    settle();
    assertEquals(4, migrator(source()).migrate().applied().size());
    assertNull(kept());
    Files.writeString(migrations.resolve("V0004__t4.sql"), "CREATE TABLE t4 (id bigint);\n"); // edited in place
    MigrationException modified = assertThrows(MigrationException.class, () -> migrator(source()).migrate());
    assertTrue(modified.getMessage().contains("V0004"), modified.getMessage());
  }

  @Test
  void anIndexIsListedOncePerIndex() {
    MigrationIndex index = MigrationIndex.of("fixtures/ledgered",
        MigrationIndex.entry("V0001__init.sql", Checksums.ofScript("CREATE TABLE note (id bigint PRIMARY KEY);\n")));
    assertEquals(1, migrator(MigrationSource.index(index)).migrate().applied().size());
    StartupSummary kept = KeptSummaries.find(KeptSummaries.identityOf(index), Boolean.TRUE, MigrationSource.index(index));
    assertNotNull(kept);
    assertEquals("0001", kept.currentVersion().orElseThrow());
    assertEquals(List.of(), migrator(MigrationSource.index(index)).migrate().applied());
  }

  @Test
  void anIndexThatCannotBeListedKeepsNothingAndFailsEveryTime() {
    MigrationIndex index = MigrationIndex.of("fixtures/ledgered",
        MigrationIndex.entry("V0001__a.sql", "abc"), MigrationIndex.entry("V0001__b.sql", "def"));
    for (int call = 0; call < 2; call++) {
      ConfigurationException clash = assertThrows(ConfigurationException.class,
          () -> migrator(MigrationSource.index(index)).migrate());
      assertTrue(clash.getMessage().contains("two migrations have version 0001"), clash.getMessage());
    }
    assertNull(KeptSummaries.find(KeptSummaries.identityOf(index), Boolean.TRUE, MigrationSource.index(index)));
  }

  /**
   * A generated index carries its summary (the processor computed it with the model's {@link
   * MigrationIndex#summarise}): the first check of a new JVM takes it as it is and lists nothing. An
   * entry that no listing could parse shows that nothing was listed.
   */
  @Test
  void aSummarisedIndexIsNotListedForTheCheck() {
    MigrationIndex index = MigrationIndex.of("fixtures/ledgered", MigrationIndex.entry("not a migration", "abc"))
        .withSummary("0123456789abcdef0123456789abcdef", "0007");
    StartupSummary summary = StartupSummary.of(MigrationSource.index(index));
    assertEquals("0123456789abcdef0123456789abcdef", summary.digest());
    assertEquals("0007", summary.currentVersion().orElseThrow());
    assertThrows(ConfigurationException.class, summary::listing); // the listing, built only on a miss, would fail
  }

  /**
   * What the processor writes is what the runtime would compute from the entries, and what the
   * history's triggers keep in the database once they are applied: the next check matches in its one
   * query. V9 against V10 shows the newest version is the highest number, not the last text.
   */
  @Test
  void aSummarisedIndexMatchesTheHistoryItsMigrationsLeave() throws Exception {
    List<MigrationIndex.Entry> entries = List.of(
        MigrationIndex.entry("V9__first.sql", Checksums.ofScript("CREATE TABLE first (id int);\n")),
        MigrationIndex.entry("V10__second.sql", Checksums.ofScript("CREATE TABLE second (id int);\n")));
    MigrationIndex.Summary built = MigrationIndex.summarise(entries);
    MigrationIndex bare = new MigrationIndex("fixtures/nine-ten", entries);
    assertEquals(HistoryDigest.allApplied(MigrationSource.index(bare).listing()), built.digest());
    assertEquals("10", built.currentVersion());

    MigrationIndex index = bare.withSummary(built.digest(), built.currentVersion());
    assertEquals(2, migrator(MigrationSource.index(index)).migrate().applied().size());
    assertEquals("true", Queries.text(database, "SELECT schemacode_history_matches(X'" + built.digest() + "')::text"));
    assertEquals("10", migrator(MigrationSource.index(index)).migrate().currentVersion().orElseThrow());
  }
}

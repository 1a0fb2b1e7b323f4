package dev.schemacode.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemacode.model.QualifiedName;
import dev.schemacode.model.Schema;
import dev.schemacode.model.Table;
import dev.schemacode.testing.TestDatabase;
import dev.schemacode.testing.WireCounter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deploy takes the lock once per migration and judges the history under it each time, so that it
 * sees what another migrator, or a hand, wrote between two of its migrations. It reads the history's
 * rows only when the history is not what it left it as: a deploy of N migrations reads about N rows,
 * not N(N-1)/2 (counted on the wire by {@link WireCounter}), and still stops at a row that changed.
 */
class DeployTurnsTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();

  @TempDir Path migrations;

  @BeforeEach
  void emptySchema() throws Exception {
    Queries.emptySchema(database);
  }

  private Migrator through(WireCounter wire) {
    return Migrator.builder().url(DatabaseUrl.parse(wire.jdbcUrl(database))).migrations(MigrationSource.directory(migrations))
        .environment(Environment.named("test")).build();
  }

  @Test
  void anApplyFromEmptyReadsAboutOneRowPerMigrationNotTheWholeHistoryEachTime() throws Exception {
    int count = 60;
    for (int i = 1; i <= count; i++) {
      Files.writeString(migrations.resolve(String.format("V%04d__t%d.sql", i, i)), "CREATE TABLE t" + i + " (id int);\n");
    }
    try (WireCounter wire = WireCounter.inFrontOf(database)) {
      assertEquals(count, through(wire).migrate().applied().size());
      // three one-value answers a turn (the lock, whether the history is as expected, the session's
      // settings sent with the first statement); reading it all at every turn was count * (count - 1) / 2
      // rows more (1,770)
      assertTrue(wire.dataRows() <= 4 * count, wire.dataRows() + " rows read to apply " + count + " migrations");
    }
  }

  /**
   * Migrations that {@code revert} took back are deployed again over the rows that record the revert:
   * the deploy expects the history with those rows replaced, as the triggers keep its digest, and so
   * reads none of them at the later turns.
   */
  @Test
  void deployingRevertedMigrationsAgainReadsNoHistoryRowAtTheLaterTurns() throws Exception {
    GeneratedHistory history = new GeneratedHistory(migrations);
    List<Table> tables = new ArrayList<>();
    int versions = 12;
    for (int i = 1; i <= versions; i++) {
      tables.add(RevertTest.table(QualifiedName.of("t" + i), List.of(RevertTest.column("id", "bigint", false, null)), "id",
          List.of(), List.of(), List.of(), List.of(), null));
      history.version(new Schema(List.of(), List.copyOf(tables)));
    }
    try (WireCounter wire = WireCounter.inFrontOf(database)) {
      Migrator migrator = through(wire);
      assertEquals(versions, migrator.migrate().applied().size());
      assertEquals(versions - 1, migrator.revertTo("V0001", false).reverted().size());

      wire.reset();
      assertEquals(versions - 1, migrator.migrate().applied().size());
      // The start-up check's miss and the first turn read the whole history (12 rows each); a later turn
      // that found it changed would read it all again (at least 11 * 12 rows more).
      int wholeHistoryTwice = 2 * versions;
      assertTrue(wire.dataRows() <= wholeHistoryTwice + 4 * versions,
          wire.dataRows() + " rows read to deploy " + (versions - 1) + " reverted migrations again");
      assertEquals(MigrationState.APPLIED, migrator.status().migrations().get(versions - 1).state());
    }
  }

  /**
   * What a migration itself does to the history (as a hand, or another tool, could between two turns)
   * is seen at the next turn, which stops before the next migration: the deploy never goes on from
   * what it expected without asking.
   */
  @Test
  void aHistoryRowChangedBetweenTwoTurnsStopsTheDeployAtTheNext() throws Exception {
    Files.writeString(migrations.resolve("V0001__a.sql"), "CREATE TABLE a (id int);\n");
    Files.writeString(migrations.resolve("V0002__tamper.sql"),
        "UPDATE " + Migrator.DEFAULT_HISTORY_TABLE + " SET checksum = 'changed' WHERE version = '0001';\n");
    Files.writeString(migrations.resolve("V0003__c.sql"), "CREATE TABLE c (id int);\n");
    try (WireCounter wire = WireCounter.inFrontOf(database)) {
      MigrationException stopped = assertThrows(MigrationException.class, () -> through(wire).migrate());
      assertTrue(stopped.getMessage().startsWith("validation failed, nothing more was applied: "), stopped.getMessage());
      assertTrue(stopped.getMessage().contains("V0001"), stopped.getMessage());
    }
    assertEquals(0, Queries.count(database, "SELECT count(*) FROM pg_tables WHERE tablename = 'c'"));
    assertEquals(2, Queries.count(database, "SELECT count(*) FROM " + Migrator.DEFAULT_HISTORY_TABLE));
  }
}

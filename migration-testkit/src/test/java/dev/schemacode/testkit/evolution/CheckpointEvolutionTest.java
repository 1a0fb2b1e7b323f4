package dev.schemacode.testkit.evolution;

import static org.quicktheories.QuickTheory.qt;

import dev.schemacode.model.CheckpointScript;
import dev.schemacode.model.Ledger;
import dev.schemacode.model.LedgerCodec;
import dev.schemacode.runtime.MigrationSource;
import dev.schemacode.runtime.MigrationStatus;
import dev.schemacode.runtime.Migrator;
import dev.schemacode.testing.CatalogSnapshot;
import dev.schemacode.testing.TestDatabase;
import dev.schemacode.testkit.SchemaAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Checkpoints of long generated histories (docs/history.md): after an evolution, a checkpoint at its
 * last version is recorded and the files it covers archived. The database that applied the history
 * keeps working (nothing pending, no problem, checked against the ledger's checksums); then a new
 * database built from the checkpoint must have the catalog the history built, read with plain catalog
 * queries (hand-written expression indexes aside: a checkpoint holds what the model holds).
 */
class CheckpointEvolutionTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();

  @Test
  void aCheckpointBuildsTheCatalogOfTheHistoryAndTheHistoryDatabaseKeepsWorking() {
    long seed = Long.getLong(RandomEvolutionTest.SEED, System.nanoTime());
    System.err.println("[schemacode-evolution] checkpoints: seed " + seed + " (replay: -D" + RandomEvolutionTest.SEED
        + "=" + seed + ")");
    int[] checked = {0};
    EvolutionRunner runner = new EvolutionRunner(database, files -> {}, false, (directory, connection, schema) -> {
      if (checkpointAndCompare(directory, connection, schema)) {
        checked[0]++;
      }
    });
    qt().withFixedSeed(seed).withExamples(4).withShrinkCycles(0).withGenerateAttempts(1)
        .forAll(EvolutionGenerators.evolutions(30))
        .checkAssert(evolution -> {
          try {
            runner.run(evolution);
          } catch (Exception e) {
            throw new AssertionError(e.getMessage() + " (seed " + seed + ")", e);
          }
        });
    if (checked[0] == 0) {
      throw new AssertionError("no evolution had a migration to checkpoint (seed " + seed + ")");
    }
  }

  private static boolean checkpointAndCompare(Path directory, Connection connection, dev.schemacode.model.Schema schema)
      throws Exception {
    Path ledgerFile = directory.resolve(Ledger.FILE_NAME);
    if (!Files.exists(ledgerFile)) {
      return false;
    }
    Ledger ledger = LedgerCodec.read(Files.readString(ledgerFile), ledgerFile.toString());
    if (ledger.migrations().isEmpty()) {
      return false;
    }
    CheckpointScript.Made made = CheckpointScript.make(ledger, true); // the backfills are data only
    Files.writeString(directory.resolve(made.fileName()), made.script());
    Files.writeString(ledgerFile, LedgerCodec.write(made.ledger()));
    List<String> handWritten = HandWrittenIndexes.takeOut(connection);
    List<String> history = CatalogSnapshot.read(connection, SchemaAssertions.RUNTIME_TABLES);
    HandWrittenIndexes.putBack(connection, handWritten);

    long version = made.ledger().newestCheckpoint().orElseThrow().number();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if ((name.startsWith("V") || name.startsWith("U")) && Long.parseLong(name.substring(1, name.indexOf("__"))) <= version) {
          Files.delete(file); // archived
        }
      }
    }
    Migrator migrator = Migrator.builder().dataSource(new SharedConnection(connection))
        .migrations(MigrationSource.directory(directory)).build();
    if (!migrator.migrate().applied().isEmpty()) {
      throw new AssertionError("the database that applied the history found migrations pending after archiving");
    }
    MigrationStatus status = migrator.status();
    if (!status.problems().isEmpty()) {
      throw new AssertionError("after archiving, the database that applied the history has problems: " + status.problems());
    }

    try (Statement statement = connection.createStatement()) {
      for (String other : EvolutionRunner.OTHER_SCHEMAS) {
        statement.execute("DROP SCHEMA IF EXISTS \"" + other + "\" CASCADE");
      }
      statement.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
    }
    migrator.migrate();
    List<String> fromCheckpoint = CatalogSnapshot.read(connection, SchemaAssertions.RUNTIME_TABLES);
    if (!fromCheckpoint.equals(history)) {
      List<String> missing = history.stream().filter(l -> !fromCheckpoint.contains(l)).toList();
      List<String> extra = fromCheckpoint.stream().filter(l -> !history.contains(l)).toList();
      throw new AssertionError("the database built from " + made.fileName() + " differs from the one the history built:"
          + "\n  only from the history: " + missing + "\n  only from the checkpoint: " + extra);
    }
    List<String> differences = SchemaAssertions.differences(connection, schema, EvolutionRunner.OTHER_SCHEMAS,
        SchemaAssertions.RUNTIME_TABLES);
    if (!differences.isEmpty()) {
      throw new AssertionError("the database built from " + made.fileName() + " differs from the declared schema: "
          + differences);
    }
    return true;
  }
}

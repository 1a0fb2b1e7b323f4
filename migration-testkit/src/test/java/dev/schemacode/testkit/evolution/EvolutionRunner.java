package dev.schemacode.testkit.evolution;

import dev.schemacode.model.Checksums;
import dev.schemacode.model.Ledger;
import dev.schemacode.model.LedgerCodec;
import dev.schemacode.model.LedgerEntry;
import dev.schemacode.model.MigrationFileName;
import dev.schemacode.model.ReverseScript;
import dev.schemacode.model.MigrationScript;
import dev.schemacode.model.Schema;
import dev.schemacode.model.SchemaChange;
import dev.schemacode.model.SchemaDiff;
import dev.schemacode.model.Table;
import dev.schemacode.model.TypeChange;
import dev.schemacode.runtime.Environment;
import dev.schemacode.runtime.MigrationSource;
import dev.schemacode.runtime.Migrator;
import dev.schemacode.testkit.SchemaAssertions;
import dev.schemacode.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Runs an {@link Evolution} on a real PostgreSQL the way a project lives through it. For each
 * version: the edits make the next declared schema; the diff against the previous one (with the
 * renames {@code @RenamedFrom} would state) must report exactly the problems the edits made; the
 * files {@link MigrationScript#plan} writes — after a hand-written backfill where existing rows need
 * one — are applied by the runtime; then the catalog must hold exactly the declared schema, and every
 * row from before must still be there, renamed and widened but otherwise equal. Then new rows go in.
 */
final class EvolutionRunner {
  /** Schemas the generator may use besides the connection's. */
  static final Set<String> OTHER_SCHEMAS = Set.of("s2");
  /** The runtime logs every applied migration; thousands of them would drown the report. */
  private static final Logger RUNTIME_LOG = Logger.getLogger("dev.schemacode.runtime");

  static {
    RUNTIME_LOG.setLevel(Level.WARNING);
  }

  /**
   * What one run did, for statistics.
   *
   * @param reverted versions whose change was reverted and deployed again (see {@link #roundTrips})
   */
  record Outcome(int versions, int rejected, List<String> changeKinds, List<String> editsMade, List<String> editsTried,
      int reverted) {}

  /** After the last version: the migrations directory (with ledger and reverses), the connection, the schema. */
  interface Finish {
    void run(Path directory, Connection connection, Schema schema) throws Exception;
  }

  /** The files generated for one version, and whether any table existed before it (so the files may alter live tables). */
  record Generated(String label, boolean existingTables, List<MigrationScript.File> files) {}

  private final TestDatabase database;
  private final java.util.function.Consumer<Generated> generatedFiles;
  /**
   * Every version's change is also reverted with its reverse (apply → revert → the catalog before it →
   * deploy again → the catalog after it), as {@code schemacode revert} does on a development database.
   */
  private final boolean roundTrips;
  private final Finish finish;

  EvolutionRunner(TestDatabase database) {
    this(database, files -> {});
  }

  /** A runner that also hands every version's generated files to {@code generatedFiles} (the linter's test). */
  EvolutionRunner(TestDatabase database, java.util.function.Consumer<Generated> generatedFiles) {
    this(database, generatedFiles, false, (directory, connection, schema) -> {});
  }

  EvolutionRunner(TestDatabase database, java.util.function.Consumer<Generated> generatedFiles, boolean roundTrips,
      Finish finish) {
    this.database = database;
    this.generatedFiles = generatedFiles;
    this.roundTrips = roundTrips;
    this.finish = finish;
  }

  Outcome run(Evolution evolution) throws Exception {
    reset();
    Path directory = Files.createTempDirectory("schemacode-evolution");
    try (Connection connection = database.connect()) {
      return new Run(directory, connection).all(evolution);
    } finally {
      try (Stream<Path> files = Files.walk(directory)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  private void reset() throws SQLException {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      // Thousands of DDL commits would each wait for the WAL to reach the disk; a throwaway test
      // database needs no durability. Sessions opened from now on (the runtime's) inherit it.
      statement.execute("ALTER DATABASE \"" + database.name() + "\" SET synchronous_commit = off");
      for (String schema : OTHER_SCHEMAS) {
        statement.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
      }
      statement.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
    }
  }

  /** One evolution's state: the schema so far, the files so far, the rows' counter, what happened. */
  private final class Run {
    private final Path directory;
    /** The checks' connection, lent to the runtime for each migration too. */
    private final Connection connection;
    private final Rows rows = new Rows();
    private final List<String> history = new ArrayList<>();
    private final List<String> changeKinds = new ArrayList<>();
    private final List<String> editsMade = new ArrayList<>();
    private final List<String> editsTried = new ArrayList<>();
    private Schema current = Schema.EMPTY;
    private long sequence = 1;
    private int applied;
    private int rejected;
    private int reverted;
    /** The ledger the processor would keep: the files so far, each generated change's reverse. */
    private Ledger ledger = Ledger.EMPTY;

    Run(Path directory, Connection connection) {
      this.directory = directory;
      this.connection = connection;
    }

    Outcome all(Evolution evolution) throws Exception {
      for (int v = 0; v < evolution.versions().size(); v++) {
        version(v + 1, evolution.versions().get(v));
      }
      finish.run(directory, connection, current);
      return new Outcome(applied, rejected, changeKinds, editsMade, editsTried, reverted);
    }

    private void version(int number, List<Edit> edits) throws Exception {
      Draft draft = new Draft(current);
      List<String> made = new ArrayList<>();
      for (Edit edit : edits) {
        editsTried.add(edit.getClass().getSimpleName());
        try {
          if (edit.applyTo(draft)) {
            made.add(edit.toString());
            editsMade.add(edit.getClass().getSimpleName());
          }
        } catch (IllegalArgumentException doesNotFit) {
          // the model refuses it (a name clash): a person's compiler would have said so
        }
      }
      Schema next = draft.schema();
      boolean handWrittenOnly = next.equals(current);
      if (handWrittenOnly && draft.preparations().isEmpty()) {
        return;
      }
      String label = "v" + number + " (" + String.join("; ", made) + ")";
      SchemaDiff diff = SchemaDiff.between(current, next, draft.renames());
      Set<String> expected = expectedProblems(draft);
      Set<String> reported = new TreeSet<>();
      diff.problems().forEach(p -> reported.add(p.code() + " " + p.message().split(" ")[2]));
      check(expected.equals(reported), label, "the diff reported problems " + reported + ", expected " + expected, diff, List.of());
      if (!expected.isEmpty()) {
        rejected++;
        history.add(label + " -> rejected: " + expected);
        return; // the build fails; the schema stays as it was
      }
      check(handWrittenOnly || !diff.changes().isEmpty(), label, "the declared schema changed, but the diff found no change",
          diff, List.of());
      for (SchemaChange change : diff.changes()) {
        check(!(change instanceof SchemaChange.AlterColumnType t && t.kind() == TypeChange.NARROWING), label,
            "a widening was classified as narrowing: " + change.describe(), diff, List.of());
        changeKinds.add(change.getClass().getSimpleName());
      }

      List<MigrationScript.File> files = new ArrayList<>();
      List<String> backfill = Backfills.statements(draft.preparations(), current, connection, rows);
      if (!backfill.isEmpty()) {
        MigrationFileName name = MigrationFileName.of(sequence++, "backfill");
        files.add(new MigrationScript.File(name, "-- hand-written\n" + String.join("\n", backfill) + "\n"));
        record(files.get(0), LedgerEntry.Origin.HAND_WRITTEN, current);
        migrate(files, label, diff);
      }
      Rows.Snapshot before = rows.read(connection, current);
      List<MigrationScript.File> generated = diff.changes().isEmpty() ? List.of()
          : MigrationScript.plan(sequence, MigrationScript.slug(false, diff.changes()), diff.changes(),
              MigrationScript.DEFAULT_LOCK_TIMEOUT);
      sequence += generated.size();
      generatedFiles.accept(new Generated(label, !current.tables().isEmpty(), generated));
      files.addAll(generated);
      generated.forEach(file -> record(file, LedgerEntry.Origin.GENERATED, next));
      ReverseScript.Plan reverse = generated.isEmpty() ? null : reverse(generated, current, next, draft, diff);
      migrate(files, label, diff);

      List<String> handWritten = HandWrittenIndexes.takeOut(connection); // the model holds no expression indexes
      List<String> differences = SchemaAssertions.differences(connection, next, OTHER_SCHEMAS, SchemaAssertions.RUNTIME_TABLES);
      try {
        HandWrittenIndexes.putBack(connection, handWritten);
      } catch (SQLException e) {
        check(false, label, "a hand-written index cannot be made again: " + e.getMessage(), diff, files);
      }
      check(differences.isEmpty(), label, "the database differs from the declared schema:\n    "
          + String.join("\n    ", differences), diff, files);
      List<String> lost = Rows.compare(before, draft, connection);
      check(lost.isEmpty(), label, "rows changed:\n    " + String.join("\n    ", lost), diff, files);
      if (roundTrips && reverse != null && reverse.inexact().stream().noneMatch(r -> r.contains("NOT NULL without a default"))) {
        roundTrip(label, diff, files, reverse, next);
      }
      try {
        rows.insert(connection, next);
      } catch (SQLException e) {
        check(false, label, "new rows do not fit the declared schema: " + e.getMessage(), diff, files);
      }
      current = next;
      applied++;
      history.add(label);
    }

    /** Records a file in the ledger, as the processor does, and writes the ledger beside the files. */
    private void record(MigrationScript.File file, LedgerEntry.Origin origin, Schema after) {
      ledger = ledger.append(file.name(), Checksums.ofScript(file.script()), origin, after);
    }

    /** Plans and writes the reverse of the generated files, recorded on the last of them. */
    private ReverseScript.Plan reverse(List<MigrationScript.File> generated, Schema before, Schema after, Draft draft,
        SchemaDiff diff) throws IOException {
      List<MigrationFileName> names = generated.stream().map(MigrationScript.File::name).toList();
      String slug = MigrationScript.slug(false, diff.changes());
      ReverseScript.Plan plan = ReverseScript.plan(names, slug, before, after, draft.renames(), diff.changes(),
          MigrationScript.DEFAULT_LOCK_TIMEOUT);
      if (plan.files().isEmpty()) {
        return null; // the processor warns, and the migration stands without a reverse
      }
      for (ReverseScript.File file : plan.files()) {
        Files.writeString(directory.resolve(file.name().fileName()), file.script());
      }
      ledger = ledger.withReverse(names.get(names.size() - 1), new LedgerEntry.Reverse(names.get(0), plan.files().stream()
          .map(f -> new LedgerEntry.ReverseFile(f.name(), Checksums.ofScript(f.script()))).toList()));
      return plan;
    }

    /** apply → revert → the catalog before → deploy again → the catalog after, through the runtime. */
    private void roundTrip(String label, SchemaDiff diff, List<MigrationScript.File> files, ReverseScript.Plan reverse,
        Schema next) throws SQLException {
      Migrator migrator = Migrator.builder().dataSource(new SharedConnection(connection))
          .migrations(MigrationSource.directory(directory)).environment(Environment.named("test")).build();
      try {
        migrator.revert(true);
      } catch (RuntimeException e) {
        // a reverse whose header says it may fail on the rows it meets must then have changed nothing
        boolean mayFail = reverse.inexact().stream().anyMatch(reason -> reason.contains("changing nothing"));
        check(mayFail, label, "reverting it failed: " + e.getMessage() + reverseText(reverse), diff, files);
        List<String> handWritten = HandWrittenIndexes.takeOut(connection);
        List<String> differences = SchemaAssertions.differences(connection, next, OTHER_SCHEMAS, SchemaAssertions.RUNTIME_TABLES);
        HandWrittenIndexes.putBack(connection, handWritten);
        check(differences.isEmpty() && migrator.status().pending().isEmpty(), label, "its reverse failed as its header"
            + " allows (" + e.getMessage() + "), but not changing nothing:\n    " + String.join("\n    ", differences)
            + "\n    pending: " + migrator.status().pending() + reverseText(reverse), diff, files);
        return;
      }
      List<String> handWritten = HandWrittenIndexes.takeOut(connection);
      List<String> differences = new ArrayList<>(
          SchemaAssertions.differences(connection, current, OTHER_SCHEMAS, SchemaAssertions.RUNTIME_TABLES));
      HandWrittenIndexes.putBack(connection, handWritten);
      // the foreign keys the reverse says it leaves NOT VALID (their rows reference data that did not come
      // back) are the one difference it may leave, and each must be there: a key it names but validated
      // anyway would have failed the revert on rows, or be a reason that does not hold
      for (ReverseScript.Unvalidated key : reverse.unvalidated()) {
        String expected = "constraint " + key.constraint() + " on " + key.table().name() + " is NOT VALID (never validated)";
        check(differences.remove(expected), label, "its reverse says " + key.constraint() + " stays NOT VALID, but"
            + " it is not: " + differences + reverseText(reverse), diff, files);
      }
      check(differences.isEmpty(), label, "after its revert the database differs from the schema before it:\n    "
          + String.join("\n    ", differences) + reverseText(reverse), diff, files);
      try {
        migrator.migrate();
      } catch (RuntimeException e) {
        check(false, label, "deploying it again after its revert failed: " + e.getMessage(), diff, files);
      }
      handWritten = HandWrittenIndexes.takeOut(connection);
      differences = SchemaAssertions.differences(connection, next, OTHER_SCHEMAS, SchemaAssertions.RUNTIME_TABLES);
      HandWrittenIndexes.putBack(connection, handWritten);
      check(differences.isEmpty(), label, "deployed again after its revert, the database differs from the declared"
          + " schema:\n    " + String.join("\n    ", differences), diff, files);
      reverted++;
    }

    private static String reverseText(ReverseScript.Plan reverse) {
      StringBuilder text = new StringBuilder();
      for (ReverseScript.File file : reverse.files()) {
        text.append("\n  ").append(file.name().fileName()).append(":\n").append(file.script().lines()
            .filter(l -> !l.startsWith("--") && !l.isBlank()).map(l -> "      " + l).reduce((a, b) -> a + "\n" + b).orElse(""));
      }
      return text.toString();
    }

    private void migrate(List<MigrationScript.File> files, String label, SchemaDiff diff) throws IOException {
      for (MigrationScript.File file : files) {
        Path path = directory.resolve(file.name().fileName());
        if (!Files.exists(path)) {
          Files.writeString(path, file.script());
        }
      }
      Files.writeString(directory.resolve(Ledger.FILE_NAME), LedgerCodec.write(ledger));
      try {
        Migrator.builder().dataSource(new SharedConnection(connection)).migrations(MigrationSource.directory(directory)).build().migrate();
      } catch (RuntimeException e) {
        check(false, label, "applying the migration failed: " + e.getMessage(), diff, files);
      }
    }

    private void check(boolean condition, String label, String problem, SchemaDiff diff, List<MigrationScript.File> files) {
      if (condition) {
        return;
      }
      StringBuilder message = new StringBuilder("version ").append(label).append(": ").append(problem);
      message.append("\n  before it:");
      history.forEach(h -> message.append("\n    ").append(h));
      message.append("\n  its changes:");
      diff.changes().forEach(c -> message.append("\n    ").append(c.describe()));
      for (MigrationScript.File file : files) {
        message.append("\n  ").append(file.name().fileName()).append(":\n")
            .append(file.script().lines().filter(l -> !l.startsWith("--") && !l.isBlank())
                .map(l -> "      " + l).reduce((a, b) -> a + "\n" + b).orElse(""));
      }
      throw new AssertionError(message.toString());
    }
  }

  /** Each new NOT NULL column without default or identity on a table that existed: {@code code table.column}. */
  static Set<String> expectedProblems(Draft draft) {
    Set<String> problems = new TreeSet<>();
    for (Table table : draft.schema().tables()) {
      if (draft.origin(table.name()).isEmpty()) {
        continue;
      }
      table.columns().stream()
          .filter(c -> !draft.holdsData(table.name(), c.name()) && !c.nullable() && !c.identity() && c.defaultExpression().isEmpty())
          .forEach(c -> problems.add("RequiredColumnNeedsDefault " + table.name() + "." + c.name()));
    }
    return problems;
  }
}

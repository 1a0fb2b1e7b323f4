package dev.schemacode.histories;

import dev.schemacode.model.ScriptDirectives;
import dev.schemacode.testing.Squawk;
import dev.schemacode.testkit.MigrationTester;
import dev.schemacode.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Replays one public schema history (docs/real-histories.md). For each entity version, in order:
 *
 * <ol>
 *   <li>one row goes into every table of the database deployed so far, and all rows are read;
 *   <li>the version is compiled with the processor, which writes its migration files and the ledger;
 *       those for tables that exist already are linted with Squawk ({@link Squawk}'s policy);
 *   <li>{@code schemacode-cli.jar deploy} applies them, as a separate process;
 *   <li>{@code schemacode-cli.jar diff} finds no drift (exit 0);
 *   <li>the test kit's {@code assertMigrationsProduceDeclaredSchema()} holds on a database of its own;
 *   <li>every row read before is found again (through the version's renames, minus what it dropped,
 *       each value as PostgreSQL's own cast to its new type makes it);
 *   <li>where the project reached the same point, the catalog equals, fact by fact, the catalog of a
 *       database built with the project's own SQL.
 * </ol>
 *
 * Compilation and deploy failures stop the replay (what follows would mean nothing); the other checks are
 * collected, so that one run reports every step that is wrong.
 */
final class HistoryReplay {
  private static final Pattern VERSION = Pattern.compile("V(\\d+)__.*\\.sql");

  private final String history;
  private final Path resources;
  private final Path work;
  private final MigrationTester kit;
  private final List<String> problems = new ArrayList<>();
  private final List<String> log = new ArrayList<>();

  HistoryReplay(String history, MigrationTester kit) {
    this.history = history;
    this.kit = kit;
    try {
      this.resources = Path.of(HistoryReplay.class.getResource("/histories/" + history).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    this.work = workDirectory(history);
  }

  /** Where a history's migrations are written: {@code target/replays/<history>/migrations}, kept for reading after a run. */
  static Path migrations(String history) {
    return workDirectory(history).resolve("migrations");
  }

  private static Path workDirectory(String history) {
    return Path.of("target", "replays", history).toAbsolutePath();
  }

  /** Prepares an empty migrations directory; call before the kit reads it. */
  static Path cleanMigrations(String history) {
    Path work = workDirectory(history);
    try {
      if (Files.exists(work)) {
        try (Stream<Path> paths = Files.walk(work)) {
          for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
            Files.delete(path);
          }
        }
      }
      return Files.createDirectories(work.resolve("migrations"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void replay(List<Step> steps) throws Exception {
    TestDatabase ours = new TestDatabase();
    TestDatabase reference = new TestDatabase();
    ours.create("replay_" + history);
    reference.create("reference_" + history);
    try {
      replay(steps, ours, reference);
    } finally {
      ours.drop();
      reference.drop();
      Files.writeString(work.resolve("replay.log"), String.join("\n", log) + "\n");
    }
    if (!problems.isEmpty()) {
      throw new AssertionError(history + ": " + problems.size() + " problem(s) in the replay (log and migrations in "
          + work + "):\n\n" + String.join("\n\n", problems));
    }
  }

  private void replay(List<Step> steps, TestDatabase ours, TestDatabase reference) throws Exception {
    Path migrations = work.resolve("migrations");
    Map<String, Path> sources = new TreeMap<>();
    Rows rows = new Rows();
    for (Step step : steps) {
      String at = history + " " + step.version();
      overlay(step.version(), sources);

      Rows.Snapshot before;
      try (Connection connection = ours.connect()) {
        rows.insertOneEach(connection);
        before = rows.snapshot(connection);
      }

      List<String> existing = migrationFiles(migrations);
      List<String> messages;
      try {
        messages = EntityCompiler.compile(List.copyOf(sources.values()), migrations,
            work.resolve("classes").resolve(step.version()));
      } catch (AssertionError e) {
        throw new AssertionError(at + ": " + e.getMessage() + "\n\nproblems so far:\n" + String.join("\n\n", problems), e);
      }
      List<String> written = new ArrayList<>(migrationFiles(migrations));
      written.removeAll(existing);
      log.add(at + ": wrote " + written);
      messages.stream().filter(m -> !m.startsWith("NOTE")).forEach(m -> log.add(at + ":   " + m));
      if (written.isEmpty()) {
        problems.add(at + ": the processor wrote no migration; its messages:\n  " + String.join("\n  ", messages));
      }

      if (step != steps.get(0)) {
        lint(at, migrations, written);
      }

      String url = ours.jdbcUrlWithCredentials();
      Cli.Result deploy = Cli.run("deploy", "--migrations", migrations.toString(), "--url", url);
      log.add(at + ": deploy exit " + deploy.exitCode() + "\n" + deploy.out().strip());
      if (deploy.exitCode() != 0) {
        throw new AssertionError(at + ": deploy failed\n" + deploy.describe() + "\n\nproblems so far:\n" + String.join("\n\n", problems));
      }

      Cli.Result diff = Cli.run("diff", "--migrations", migrations.toString(), "--url", url);
      if (diff.exitCode() != 0) {
        problems.add(at + ": diff is not clean\n" + diff.describe());
      }

      try {
        kit.assertMigrationsProduceDeclaredSchema();
      } catch (AssertionError e) {
        problems.add(at + ": assertMigrationsProduceDeclaredSchema: " + e.getMessage());
      }

      try (Connection connection = ours.connect()) {
        Rows.Snapshot after = rows.snapshot(connection);
        List<String> lost = Rows.differences(connection, before, after, step.renames(), step.filled());
        if (!lost.isEmpty()) {
          problems.add(at + ": rows differ after the step:\n  " + String.join("\n  ", lost));
        }
      }

      if (!step.reference().isEmpty()) {
        try (Connection connection = reference.connect(); Statement statement = connection.createStatement()) {
          for (String file : step.reference()) {
            statement.execute(Files.readString(resources.resolve("reference").resolve(file), StandardCharsets.UTF_8));
          }
        }
        compareCatalogs(at + " (project: " + String.join(", ", step.reference()) + ")", ours, reference);
      }

      if (step.backfill() != null) {
        addBackfill(migrations, step.backfill());
      }
    }
  }

  private void compareCatalogs(String at, TestDatabase ours, TestDatabase reference) throws SQLException {
    List<String> built;
    List<String> expected;
    try (Connection connection = ours.connect()) {
      built = Catalog.read(connection);
    }
    try (Connection connection = reference.connect()) {
      expected = Catalog.read(connection);
    }
    log.add(at + ": catalog compared, " + expected.size() + " facts in the project's, " + built.size() + " in schemacode's");
    if (expected.isEmpty()) {
      problems.add(at + ": the project's catalog is empty; the comparison would prove nothing");
    }
    if (!built.equals(expected)) {
      List<String> missing = new ArrayList<>(expected);
      missing.removeAll(built);
      List<String> extra = new ArrayList<>(built);
      extra.removeAll(expected);
      problems.add(at + ": the catalog differs from the project's\n  only in the project's: "
          + String.join("\n    ", missing) + "\n  only in schemacode's:  " + String.join("\n    ", extra));
    }
  }

  /**
   * The version's generated files for tables that exist, linted with Squawk under the policy the
   * randomized evolutions' MigrationLintTest holds them to ({@link Squawk}); where Squawk is missing, a
   * skip noted in the log, except in CI, which installs it.
   */
  private void lint(String at, Path migrations, List<String> written) throws IOException, InterruptedException {
    Optional<String> squawk = Squawk.executable();
    if (squawk.isEmpty()) {
      String ci = System.getenv("CI");
      if (ci != null && !ci.isBlank() && !ci.equals("false")) {
        problems.add(at + ": Squawk is not installed; CI must install it (.ci/run does)");
      } else {
        log.add(at + ": not linted, Squawk is not installed (npm install -g squawk-cli, or SCHEMACODE_SQUAWK)");
      }
      return;
    }
    Path lint = work.resolve("lint").resolve(at.replace(' ', '_'));
    Path transactional = Files.createDirectories(lint.resolve("transactional"));
    Path outside = Files.createDirectories(lint.resolve("outside"));
    for (String file : written) {
      String script = Files.readString(migrations.resolve(file), StandardCharsets.UTF_8);
      Files.writeString((ScriptDirectives.noTransaction(script) ? outside : transactional).resolve(file), script);
    }
    List<String> findings = new ArrayList<>();
    Squawk.lint(squawk.get(), transactional, true, findings);
    Squawk.lint(squawk.get(), outside, false, findings);
    log.add(at + ": linted " + written.size() + " file(s) with Squawk, " + findings.size() + " finding(s) not kept");
    if (!findings.isEmpty()) {
      problems.add(at + ": Squawk findings that docs/safety.md does not keep:\n" + String.join("\n", findings));
    }
  }

  /** The version's classes over the previous ones; names in its {@code DELETED} file go. */
  private void overlay(String version, Map<String, Path> sources) throws IOException {
    Path directory = resources.resolve("entities").resolve(version);
    if (!Files.isDirectory(directory)) {
      throw new IllegalStateException("no entity version " + directory);
    }
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : (Iterable<Path>) files.sorted()::iterator) {
        if (file.getFileName().toString().endsWith(".java")) {
          sources.put(file.getFileName().toString(), file);
        }
      }
    }
    Path deleted = directory.resolve("DELETED");
    if (Files.exists(deleted)) {
      for (String line : Files.readAllLines(deleted)) {
        if (!line.isBlank() && sources.remove(line.strip()) == null) {
          throw new IllegalStateException(version + "/DELETED names " + line + ", which no earlier version has");
        }
      }
    }
  }

  /** A hand-written migration, numbered after the last one, as a user adds it beside the generated ones. */
  private void addBackfill(Path migrations, String file) throws IOException {
    long next = 1;
    for (String name : migrationFiles(migrations)) {
      Matcher matcher = VERSION.matcher(name);
      if (matcher.matches()) {
        next = Math.max(next, Long.parseLong(matcher.group(1)) + 1);
      }
    }
    String name = String.format("V%04d__%s", next, file);
    Files.copy(resources.resolve("backfills").resolve(file), migrations.resolve(name));
    log.add(history + ": added hand-written " + name);
  }

  private static List<String> migrationFiles(Path migrations) throws IOException {
    try (Stream<Path> files = Files.list(migrations)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> VERSION.matcher(n).matches()).sorted().toList();
    }
  }
}

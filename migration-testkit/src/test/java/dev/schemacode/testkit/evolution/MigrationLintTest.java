package dev.schemacode.testkit.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemacode.model.MigrationScript;
import dev.schemacode.model.ScriptDirectives;
import dev.schemacode.testing.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every migration the randomized evolution generates for tables that already exist, linted with
 * Squawk (https://squawkhq.com, {@code npm install -g squawk-cli}) as PostgreSQL 13 rules see it: no
 * finding about locks, rewrites or validation may remain except those docs/safety.md lists as kept,
 * each for its reason (the declared type change, an acknowledged drop, a rename that is what the
 * declaration says). Runs wherever Squawk is installed ({@code squawk} on the PATH or
 * {@code SCHEMACODE_SQUAWK}); CI installs it, and in CI its absence is a failure, elsewhere a skip.
 */
class MigrationLintTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();
  private static final long SEED = 20261201L;

  /** Findings kept everywhere, each for the reason docs/safety.md gives. */
  private static final Map<String, String> KEPT = Map.ofEntries(
      Map.entry("changing-column-type", "the declared type change; the header names it a rewrite or narrowing"),
      Map.entry("prefer-text-field", "a declared varchar(n), and its type change"),
      Map.entry("ban-drop-column", "acknowledged with @AcknowledgeDataLoss"),
      Map.entry("ban-drop-table", "acknowledged with @AcknowledgeDataLoss"),
      Map.entry("renaming-column", "the declared @RenamedFrom"),
      Map.entry("renaming-table", "the declared @RenamedFrom"),
      Map.entry("ban-drop-not-null", "the declared @Nullable: breaks old code, not the database"),
      Map.entry("require-statement-timeout", "the runtime sets statement_timeout from its configuration"),
      Map.entry("require-timeout-settings", "lock_timeout is set by the file, statement_timeout by the runtime"),
      Map.entry("prefer-robust-stmts", "the concurrent file drops a failed build's leftover before each build"),
      Map.entry("prefer-bigint-over-int", "a declared type"),
      Map.entry("prefer-bigint-over-smallint", "a declared type"),
      Map.entry("prefer-identity", "a declared type"),
      Map.entry("prefer-timestamptz", "a declared type"),
      Map.entry("prefer-timestamp-tz", "a declared type"),
      Map.entry("adding-field-with-default", "the declared volatile default; the header names the rewrite"),
      Map.entry("ban-char-field", "a declared type"));

  @Test
  void noGeneratedMigrationForExistingTablesHasALockRewriteOrValidationFinding(@TempDir Path directory)
      throws Exception {
    Optional<String> squawk = squawk();
    if (squawk.isEmpty()) {
      String message = "Squawk is not installed (npm install -g squawk-cli, or set SCHEMACODE_SQUAWK to its path)";
      assertTrue(System.getenv("CI") == null || System.getenv("CI").isBlank() || System.getenv("CI").equals("false"),
          message + ": CI must install it (.ci/run does)");
      Assumptions.abort(message + "; skipping the migration lint");
    }
    List<EvolutionRunner.Generated> generated = new ArrayList<>();
    EvolutionRunner runner = new EvolutionRunner(database, generated::add);
    qt().withFixedSeed(SEED).withExamples(30).withShrinkCycles(0).withGenerateAttempts(1)
        .forAll(EvolutionGenerators.evolutions(10))
        .checkAssert(evolution -> {
          try {
            runner.run(evolution);
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        });
    Path transactional = Files.createDirectories(directory.resolve("transactional"));
    Path outside = Files.createDirectories(directory.resolve("outside"));
    Map<String, String> labels = new TreeMap<>();
    int number = 0;
    for (EvolutionRunner.Generated version : generated) {
      if (!version.existingTables()) {
        continue;
      }
      for (MigrationScript.File file : version.files()) {
        String name = String.format("%05d_%s", number++, file.name().fileName());
        boolean inTransaction = !ScriptDirectives.noTransaction(file.script());
        Files.writeString((inTransaction ? transactional : outside).resolve(name), file.script());
        labels.put(name, version.label());
      }
    }
    assertTrue(labels.size() > 50, "the evolutions generated " + labels.size() + " files for existing tables");
    List<String> problems = new ArrayList<>();
    lint(squawk.get(), transactional, true, problems);
    lint(squawk.get(), outside, false, problems);
    assertEquals(List.of(), problems, "findings that docs/safety.md does not keep, in " + labels.size() + " files");
  }

  private static void lint(String squawk, Path directory, boolean inTransaction, List<String> problems)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(squawk, "--reporter", "json", "--pg-version", "13.0"));
    if (inTransaction) {
      command.add("--assume-in-transaction");
    }
    try (Stream<Path> files = Files.list(directory)) {
      files.sorted().forEach(f -> command.add(f.toString()));
    }
    if (command.get(command.size() - 1).equals("--assume-in-transaction") || command.get(command.size() - 1).equals("13.0")) {
      return; // no files of this kind
    }
    Path output = Files.createTempFile("squawk", ".json");
    Process process = new ProcessBuilder(command).redirectOutput(output.toFile())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), "squawk finished");
    String json = Files.readString(output, StandardCharsets.UTF_8);
    Files.delete(output);
    JsonNode findings = new ObjectMapper().readTree(json.isBlank() ? "[]" : json);
    for (JsonNode finding : findings) {
      String rule = finding.path("rule_name").asText();
      Path file = Path.of(finding.path("file").asText());
      String script = Files.readString(file);
      String line = script.lines().skip(Math.max(0, finding.path("line").asInt() - 1)).findFirst().orElse("");
      if (kept(rule, script, line)) {
        continue;
      }
      problems.add(file.getFileName() + ":" + finding.path("line").asInt() + " " + rule + ": "
          + finding.path("message").asText() + "\n    " + line + "\n  in:\n" + script);
    }
  }

  /**
   * Kept everywhere, or kept where the file's own transaction holds the table's ACCESS EXCLUSIVE lock
   * anyway: an index dropped or remade around a type change or an enum rebuild, or with a column.
   */
  private static boolean kept(String rule, String script, String line) {
    if (KEPT.containsKey(rule)) {
      return true;
    }
    Predicate<String> has = script::contains;
    boolean tableLockedAnyway = has.test(" TYPE ") && has.test("ALTER COLUMN") || has.test("DROP COLUMN")
        || has.test("__old\";");
    boolean keyAForeignKeyNeeds = line.contains("PRIMARY KEY (") && has.test(" REFERENCES ");
    return (rule.equals("require-concurrent-index-deletion") || rule.equals("require-concurrent-index-creation"))
        && tableLockedAnyway
        || (rule.equals("adding-serial-primary-key-field") || rule.equals("constraint-missing-not-valid"))
        && keyAForeignKeyNeeds;
  }

  private static Optional<String> squawk() {
    String configured = System.getenv("SCHEMACODE_SQUAWK");
    if (configured != null && !configured.isBlank()) {
      return Optional.of(configured);
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "squawk");
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate.toString());
      }
    }
    return Optional.empty();
  }
}

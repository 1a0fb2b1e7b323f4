package dev.schemacode.testkit.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import dev.schemacode.model.MigrationScript;
import dev.schemacode.model.ScriptDirectives;
import dev.schemacode.testing.Squawk;
import dev.schemacode.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every migration the randomized evolution generates for tables that already exist, linted with
 * Squawk (https://squawkhq.com, {@code npm install -g squawk-cli}) as PostgreSQL 13 rules see it: no
 * finding about locks, rewrites or validation may remain except those docs/safety.md lists as kept,
 * each for its reason (the declared type change, an acknowledged drop, a rename that is what the
 * declaration says): {@link Squawk}'s policy, which the real histories' replays share. Runs wherever
 * Squawk is installed ({@code squawk} on the PATH or {@code SCHEMACODE_SQUAWK}); CI installs it, and in
 * CI its absence is a failure, elsewhere a skip.
 */
class MigrationLintTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();
  private static final long SEED = 20261201L;

  @Test
  void noGeneratedMigrationForExistingTablesHasALockRewriteOrValidationFinding(@TempDir Path directory)
      throws Exception {
    Optional<String> squawk = Squawk.executable();
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
    Squawk.lint(squawk.get(), transactional, true, problems);
    Squawk.lint(squawk.get(), outside, false, problems);
    assertEquals(List.of(), problems, "findings that docs/safety.md does not keep, in " + labels.size() + " files");
  }
}

package dev.schemacode.testkit.evolution;

import static org.quicktheories.QuickTheory.qt;

import dev.schemacode.testing.TestDatabase;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Random schema evolutions on a real PostgreSQL: whatever sequence of edits people make, the
 * generated migrations must take the database to exactly the declared schema and keep its rows
 * ({@link EvolutionRunner}). A failure is shrunk to a shortest sequence of versions and edits that
 * still fails, printed one version a line; once fixed, keep it in {@link EvolutionRegressionTest}.
 *
 * <p>The normal run is bounded; {@code -Dschemacode.soak=true} adds {@link #soak}, ten thousand
 * versions and more (docs/randomized-evolution.md). Every run prints its seed first and last, passed
 * or failed; {@code -Dschemacode.evolution.seed=<seed>} replays it (QuickTheories' own
 * {@code -DQT_SEED} too).
 */
class RandomEvolutionTest {
  static final String SOAK = "schemacode.soak";
  static final String SEED = "schemacode.evolution.seed";
  static final String REVERTS = "schemacode.evolution.reverts";
  private static final String LOG = "[schemacode-evolution] ";
  @RegisterExtension static final TestDatabase database = new TestDatabase();

  @Test
  void migrationsReachTheDeclaredSchemaAndKeepTheRows() {
    check("bounded run", 40, 12);
  }

  @Test
  @EnabledIfSystemProperty(named = SOAK, matches = "true")
  void soak() {
    check("soak", Integer.getInteger(SOAK + ".examples", 1500), 30);
  }

  private void check(String run, int examples, int maxVersions) {
    long seed = seed();
    String replay = "seed " + seed + " (replay: -D" + SEED + "=" + seed + ")";
    System.err.println(LOG + run + ": " + examples + " evolutions of up to " + maxVersions + " versions, " + replay);
    // each version's change is also reverted and deployed again (docs/history.md); -Dschemacode.evolution.reverts=false
    // leaves that out (to measure what it costs, or for a soak of the forward path only)
    boolean reverts = Boolean.parseBoolean(System.getProperty(REVERTS, "true"));
    EvolutionRunner runner = new EvolutionRunner(database, files -> {}, reverts, (directory, connection, schema) -> {});
    Tally tally = new Tally();
    Evolution[] smallest = new Evolution[1];
    boolean passed = false;
    try {
      qt().withFixedSeed(seed).withExamples(examples).withShrinkCycles(300).withGenerateAttempts(1)
          .forAll(EvolutionGenerators.evolutions(maxVersions))
          .checkAssert(evolution -> failure(runner, evolution, tally).ifPresent(f -> {
            if (smallest[0] == null || evolution.edits() < smallest[0].edits()) {
              smallest[0] = evolution;
            }
            throw f instanceof AssertionError a ? a : new AssertionError(f.getMessage(), f);
          }));
      passed = true;
    } catch (AssertionError shrunk) {
      if (smallest[0] == null) {
        throw shrunk;
      }
      Evolution minimal = Minimizer.minimize(smallest[0], e -> failure(runner, e, new Tally()));
      Throwable cause = failure(runner, minimal, new Tally()).orElse(shrunk);
      throw new AssertionError("a minimal failing evolution (no version or edit of it can go):"
          + minimal + "\n\nfails with:\n" + cause.getMessage() + "\n\n(" + replay + ")", cause);
    } finally {
      System.err.println(LOG + run + (passed ? " passed" : " FAILED") + ", " + replay + ":\n  " + tally);
    }
  }

  /** The seed asked for, or a new one; printed either way, so that any run can be replayed. */
  private static long seed() {
    String asked = System.getProperty(SEED, System.getProperty("QT_SEED"));
    return asked == null || asked.isBlank() ? System.nanoTime() : Long.parseLong(asked.strip());
  }

  private static Optional<Throwable> failure(EvolutionRunner runner, Evolution evolution, Tally tally) {
    try {
      tally.add(runner.run(evolution));
      return Optional.empty();
    } catch (Exception | AssertionError e) {
      tally.failed = true; // what shrinking runs next is no sample of the generator
      return Optional.of(e);
    }
  }

  /** What the evolutions covered, printed after each run. */
  private static final class Tally {
    private int evolutions;
    private int versions;
    private int rejected;
    private int reverted;
    private final Map<String, Integer> changes = new TreeMap<>();
    private final Map<String, int[]> edits = new TreeMap<>();
    private boolean failed;

    void add(EvolutionRunner.Outcome outcome) {
      if (failed) {
        return;
      }
      evolutions++;
      versions += outcome.versions();
      if (evolutions % 25 == 0) {
        System.err.println(LOG + evolutions + " evolutions, " + versions + " versions so far");
      }
      rejected += outcome.rejected();
      reverted += outcome.reverted();
      outcome.changeKinds().forEach(kind -> changes.merge(kind, 1, Integer::sum));
      outcome.editsTried().forEach(kind -> edits.computeIfAbsent(kind, k -> new int[2])[1]++);
      outcome.editsMade().forEach(kind -> edits.computeIfAbsent(kind, k -> new int[2])[0]++);
    }

    @Override
    public String toString() {
      return evolutions + " evolutions passed: " + versions + " versions applied, " + rejected
          + " rejected as the processor would; " + reverted + " reverted and deployed again;\n  changes " + changes + ";\n  edits that fit/tried "
          + edits.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()[0] + "/" + e.getValue()[1]).toList();
    }
  }
}

package dev.schemacode.runtime;

import java.util.List;
import java.util.Optional;

/** What a {@link Fleet} operation found on every target, in target order. */
public record FleetResult(List<Target> targets) {
  public FleetResult {
    targets = List.copyOf(targets);
  }

  /** How one target ended. */
  public enum Outcome {
    /** deploy applied at least one migration. */
    APPLIED("applied"),
    /** Nothing to apply (deploy), or no pending migration and no problem (status, validate). */
    UP_TO_DATE("up to date"),
    /** status and validate: migrations pending, no problem. */
    PENDING("pending"),
    /** A migration failed, validation found problems, or the target could not be reached. */
    FAILED("failed"),
    /** Not started because an earlier target failed with fail-fast. */
    SKIPPED("skipped");

    private final String label;

    Outcome(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * One target's result: all a fleet keeps per target (a few strings and numbers, never the
   * migrations' text), so memory stays flat in the number of targets.
   *
   * @param applied migrations deploy applied
   * @param pending migrations still to apply (status, validate)
   * @param problems problem explanations (status, validate), or the failure's message
   * @param failedMigration the migration that failed or has a problem, when one is to blame
   */
  public record Target(FleetTarget target, Outcome outcome, int applied, int pending,
      Optional<String> currentVersion, Optional<String> failedMigration, List<String> problems) {
    public Target {
      problems = List.copyOf(problems);
    }

    public boolean failed() {
      return outcome == Outcome.FAILED || outcome == Outcome.SKIPPED;
    }
  }

  /** True when every target is fine: what exit code 0 means. */
  public boolean ok() {
    return targets.stream().noneMatch(Target::failed);
  }

  public long count(Outcome outcome) {
    return targets.stream().filter(target -> target.outcome() == outcome).count();
  }

  public List<Target> failures() {
    return targets.stream().filter(Target::failed).toList();
  }
}

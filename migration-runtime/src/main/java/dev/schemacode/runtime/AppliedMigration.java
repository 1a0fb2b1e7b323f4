package dev.schemacode.runtime;

import java.time.Instant;

/**
 * A row of the history table.
 *
 * @param kind how the row came to be: {@link #APPLIED} by deploy, {@link #BASELINE} by {@code
 *     baseline}, {@link #RESOLVED} by {@code resolve --applied}, {@link #PUSHED} on a pushed database
 */
public record AppliedMigration(String version, String name, String checksum, Instant appliedAt,
    long executionMillis, boolean success, String kind) {
  public static final String APPLIED = "migration";
  public static final String BASELINE = "baseline";
  public static final String RESOLVED = "resolved";
  /**
   * Undone by {@code revert}: the row stays as the record of it (applied_at is when it was reverted),
   * and the migration counts as not applied; deploying it again replaces the row.
   */
  public static final String REVERTED = "reverted";
  /** Built from a checkpoint on a new database: recorded as applied without running the migration itself. */
  public static final String CHECKPOINT = "checkpoint";

  /** Whether the row says the migration's changes are in the database (every kind but {@link #REVERTED}). */
  public boolean inEffect() {
    return !REVERTED.equals(kind);
  }
  /**
   * Recorded by {@code deploy} or {@code push} without running it: a push had already made the
   * database the schema it leads to (docs/workflow.md, the development loop).
   */
  public static final String PUSHED = "push";

  public AppliedMigration(String version, String name, String checksum, Instant appliedAt, long executionMillis,
      boolean success) {
    this(version, name, checksum, appliedAt, executionMillis, success, APPLIED);
  }
}

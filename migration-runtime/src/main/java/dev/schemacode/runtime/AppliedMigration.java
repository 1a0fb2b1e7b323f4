package dev.schemacode.runtime;

import java.time.Instant;

/**
 * A row of the history table.
 *
 * @param kind how the row came to be: {@link #APPLIED} by deploy, {@link #BASELINE} by {@code
 *     baseline}, {@link #RESOLVED} by {@code resolve --applied}
 */
public record AppliedMigration(String version, String name, String checksum, Instant appliedAt,
    long executionMillis, boolean success, String kind) {
  public static final String APPLIED = "migration";
  public static final String BASELINE = "baseline";
  public static final String RESOLVED = "resolved";

  public AppliedMigration(String version, String name, String checksum, Instant appliedAt, long executionMillis,
      boolean success) {
    this(version, name, checksum, appliedAt, executionMillis, success, APPLIED);
  }
}

package dev.schemacode.runtime;

/** Where a migration stands: the resolved files merged with the history table. */
public enum MigrationState {
  /** Applied, and the file still has the checksum it was applied with. */
  APPLIED,
  /** In the files, not applied yet. */
  PENDING,
  /** Not applied, but older than the newest applied migration: another branch merged late. */
  OUT_OF_ORDER,
  /** The history records a failed attempt (a non-transactional migration that broke half-way). */
  FAILED,
  /** Applied, but the file has changed since: someone edited a recorded migration. */
  MODIFIED,
  /** Applied, but no longer in the files: deleted, or this build is older than the database. */
  MISSING;

  /** States that stop a deploy until a person resolves them. */
  public boolean isProblem() {
    return this == FAILED || this == MODIFIED || this == MISSING || this == OUT_OF_ORDER;
  }

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}

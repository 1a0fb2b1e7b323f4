package dev.schemacode.runtime;

import java.util.List;
import java.util.Optional;

/**
 * What {@link Migrator#migrate()} would do now, for {@code deploy --dry-run}: the migrations it would
 * apply, and the SQL it would run for them, as a script a person can read (and psql could run).
 * Another migrator may change the picture before a real deploy; the real one re-reads under the lock.
 *
 * @param migrations the migrations the deploy would run, in order (after the checkpoint, when it starts from one)
 * @param currentVersion where the database is now
 * @param sql the script
 * @param checkpoint the checkpoint a new database would start from, if it would
 * @param recordedAfterPush on a database {@code schemacode push} took past its history that already is the schema
 *     the pending migrations lead to: those migrations, which the deploy records as applied without running them
 */
public record DeployPlan(List<ResolvedMigration> migrations, Optional<String> currentVersion, String sql,
    Optional<FromCheckpoint> checkpoint, List<ResolvedMigration> recordedAfterPush) {
  public DeployPlan {
    migrations = List.copyOf(migrations);
    recordedAfterPush = List.copyOf(recordedAfterPush);
  }

  public DeployPlan(List<ResolvedMigration> migrations, Optional<String> currentVersion, String sql) {
    this(migrations, currentVersion, sql, Optional.empty(), List.of());
  }

  /**
   * A new database starts from the newest checkpoint instead of the migrations it covers.
   *
   * @param file the checkpoint, {@code C<version>__checkpoint.sql}
   * @param version the version it builds the schema as of
   * @param covers how many migrations it stands for: recorded as applied (kind {@code checkpoint}) without running
   */
  public record FromCheckpoint(String file, String version, int covers) {}

  public boolean isEmpty() {
    return migrations.isEmpty() && checkpoint.isEmpty() && recordedAfterPush.isEmpty();
  }
}

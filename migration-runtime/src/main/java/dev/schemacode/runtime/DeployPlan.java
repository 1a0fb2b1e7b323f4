package dev.schemacode.runtime;

import java.util.List;
import java.util.Optional;

/**
 * What {@link Migrator#migrate()} would do now, for {@code deploy --dry-run}: the migrations it would
 * apply, and the SQL it would run for them, as a script a person can read (and psql could run).
 * Another migrator may change the picture before a real deploy; the real one re-reads under the lock.
 */
public record DeployPlan(List<ResolvedMigration> migrations, Optional<String> currentVersion, String sql) {
  public DeployPlan {
    migrations = List.copyOf(migrations);
  }

  public boolean isEmpty() {
    return migrations.isEmpty();
  }
}

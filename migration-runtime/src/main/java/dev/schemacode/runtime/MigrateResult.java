package dev.schemacode.runtime;

import java.util.List;
import java.util.Optional;

/** What {@link Migrator#migrate()} did: the migrations it applied, in order, and where the database now is. */
public record MigrateResult(List<ResolvedMigration> applied, Optional<String> currentVersion) {
  public MigrateResult {
    applied = List.copyOf(applied);
  }
}

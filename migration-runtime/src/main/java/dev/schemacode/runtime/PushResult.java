package dev.schemacode.runtime;

import dev.schemacode.model.SchemaChange;
import java.util.List;
import java.util.Optional;

/**
 * What {@link Migrator#push(boolean)} did, in order.
 *
 * @param deployed pending migrations applied first, on a database nobody had pushed
 * @param changes what the push changed to make the database the declared schema (empty: it was already)
 * @param recorded migrations recorded as applied without running them, because the database already
 *     was the schema they lead to (the migration generated for what was pushed)
 * @param inMigrations whether the declarations are what the migrations record; false while a build
 *     in push mode postponed the migration, which the next build in generate mode writes
 * @param notRecorded why pending migrations could not be recorded as applied, when they could not
 */
public record PushResult(List<ResolvedMigration> deployed, List<SchemaChange> changes, List<ResolvedMigration> recorded,
    boolean inMigrations, Optional<String> notRecorded) {
  public PushResult {
    deployed = List.copyOf(deployed);
    changes = List.copyOf(changes);
    recorded = List.copyOf(recorded);
  }

  /** The changes that lost data (accepted with {@code --accept-data-loss}), as their acknowledgements read. */
  public List<String> dataLoss() {
    return changes.stream().map(SchemaChange::dataLoss).flatMap(Optional::stream).toList();
  }
}

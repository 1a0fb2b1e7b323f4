package dev.schemacode.runtime;

import dev.schemacode.model.SchemaChange;
import java.util.List;
import java.util.Optional;

/**
 * What {@link Migrator#push(boolean)} would do now, for {@code push --dry-run}: changes nothing.
 * Another process may change the database before a real push; the real one reads it again.
 *
 * @param deployFirst the pending migrations a database nobody pushed gets first (empty otherwise); the
 *     changes are then computed against the schema they lead to (the ledger's), as the database is not
 *     there yet
 * @param changes what the push would change, in the order it runs them
 * @param inMigrations whether the declarations are what the migrations record: then pending migrations
 *     the database matches afterwards are recorded as applied; otherwise the database is marked as pushed
 * @param sql the whole script, as a person can read it (and psql could run it)
 */
public record PushPlan(DeployPlan deployFirst, List<SchemaChange> changes, boolean inMigrations, String sql) {
  public PushPlan {
    changes = List.copyOf(changes);
  }

  /** The changes that lose data, which a push refuses unless accepted; listed first wherever they are shown. */
  public List<SchemaChange> losing() {
    return changes.stream().filter(change -> change.dataLoss().isPresent()).toList();
  }

  /** The changes that lose data, as their acknowledgements read. */
  public List<String> dataLoss() {
    return changes.stream().map(SchemaChange::dataLoss).flatMap(Optional::stream).toList();
  }

  public boolean isEmpty() {
    return deployFirst.isEmpty() && changes.isEmpty();
  }
}

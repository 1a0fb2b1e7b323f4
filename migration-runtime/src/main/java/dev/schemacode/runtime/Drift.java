package dev.schemacode.runtime;

import dev.schemacode.model.Phase;
import dev.schemacode.model.PostgresRenderer;
import dev.schemacode.model.SchemaChange;
import dev.schemacode.model.SchemaDiff;
import java.util.List;

/**
 * How a live database differs from the schema its migrations record (a manual hot-fix in
 * production, a migration applied by hand): the changes that would reconcile it, in order.
 *
 * @param pending migrations not applied yet: the recorded schema is the one after all of them, so
 *     while any is pending its changes show among {@code changes} too, and are no hot-fix
 */
public record Drift(List<SchemaChange> changes, List<MigrationInfo> pending) {
  public Drift {
    changes = List.copyOf(changes);
    pending = List.copyOf(pending);
  }

  public Drift(List<SchemaChange> changes) {
    this(changes, List.of());
  }

  static Drift of(SchemaDiff diff, List<MigrationInfo> pending) {
    // in the order the phases of a migration would apply them
    return new Drift(diff.changes().stream()
        .sorted(java.util.Comparator.comparing(SchemaChange::phase)).toList(), pending);
  }

  /** No difference and nothing pending. */
  public boolean none() {
    return changes.isEmpty() && pending.isEmpty();
  }

  /** The SQL that would make the database match the recorded schema. */
  public String sql() {
    StringBuilder sql = new StringBuilder();
    Phase phase = null;
    for (SchemaChange change : changes) {
      if (change.phase() != phase && change.phase() == Phase.CONCURRENT) {
        sql.append("-- outside a transaction:\n");
      }
      phase = change.phase();
      sql.append(PostgresRenderer.render(change));
    }
    return sql.toString();
  }
}

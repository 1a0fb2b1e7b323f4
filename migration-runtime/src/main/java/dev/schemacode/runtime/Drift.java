package dev.schemacode.runtime;

import dev.schemacode.model.Phase;
import dev.schemacode.model.PostgresRenderer;
import dev.schemacode.model.SchemaChange;
import dev.schemacode.model.SchemaDiff;
import java.util.List;

/**
 * How a live database differs from the schema its migrations record (a manual hot-fix in
 * production, a migration applied by hand): the changes that would reconcile it, in order.
 */
public record Drift(List<SchemaChange> changes) {
  public Drift {
    changes = List.copyOf(changes);
  }

  static Drift of(SchemaDiff diff) {
    // in the order the phases of a migration would apply them
    return new Drift(diff.changes().stream()
        .sorted(java.util.Comparator.comparing(SchemaChange::phase)).toList());
  }

  public boolean none() {
    return changes.isEmpty();
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

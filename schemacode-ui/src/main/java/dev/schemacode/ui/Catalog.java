package dev.schemacode.ui;

import dev.schemacode.model.QualifiedName;
import dev.schemacode.model.Schema;
import dev.schemacode.model.Table;
import dev.schemacode.model.introspect.PostgresIntrospector;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The live schema as the runtime's introspection reads it (six catalog queries), with each table's
 * row estimate. It is the only source of identifiers for SQL: a request names a table or column, and
 * the name is looked up here; what gets quoted into a statement is the catalog's name, never the
 * request's text.
 */
final class Catalog {
  /** One reading of the catalog. */
  record Snapshot(Schema schema, Map<QualifiedName, Long> estimates) {
    Optional<Table> table(String qualifiedName) {
      return schema.tables().stream().filter(table -> table.name().toString().equals(qualifiedName)).findFirst();
    }

    /** The planner's estimate, or empty when the table was never analysed (or vacuumed). */
    Optional<Long> estimate(QualifiedName table) {
      Long rows = estimates.get(table);
      return rows == null || rows < 0 ? Optional.empty() : Optional.of(rows);
    }
  }

  private final Connections connections;
  private final Set<String> excludedTables;
  private final Set<String> otherSchemas;
  private volatile Snapshot last;

  /**
   * @param excludedTables the runtime's own tables (history, summary, backfills), never shown
   * @param otherSchemas schemas the ledger pins tables to, read besides the connection's own
   */
  Catalog(Connections connections, Set<String> excludedTables, Set<String> otherSchemas) {
    this.connections = connections;
    this.excludedTables = excludedTables;
    this.otherSchemas = otherSchemas;
  }

  /** Reads the catalog again (the schema view asks for it on every visit, so hand changes show). */
  Snapshot read() throws SQLException {
    Snapshot snapshot = connections.inTransaction(false, connection -> {
      Schema schema = new PostgresIntrospector(connection, excludedTables).read(otherSchemas);
      return new Snapshot(schema, estimates(connection));
    });
    last = snapshot;
    return snapshot;
  }

  /** The last reading, or a new one; a table not in it is looked for once more in a fresh one. */
  Optional<Table> table(String qualifiedName) throws SQLException {
    Snapshot snapshot = last != null ? last : read();
    Optional<Table> table = snapshot.table(qualifiedName);
    return table.isPresent() ? table : read().table(qualifiedName);
  }

  Snapshot current() throws SQLException {
    Snapshot snapshot = last;
    return snapshot != null ? snapshot : read();
  }

  /** {@code pg_class.reltuples}: what the planner believes, and what opens a ten-million-row table without counting it. */
  private Map<QualifiedName, Long> estimates(Connection connection) throws SQLException {
    String sql = "SELECT n.nspname = current_schema(), n.nspname, c.relname, c.reltuples::bigint"
        + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        + " WHERE c.relkind IN ('r', 'p') AND (n.nspname = current_schema() OR n.nspname = ANY (?))";
    Map<QualifiedName, Long> estimates = new HashMap<>();
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      Array schemas = connection.createArrayOf("text", otherSchemas.toArray());
      query.setArray(1, schemas);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          estimates.put(new QualifiedName(rows.getBoolean(1) ? "" : rows.getString(2), rows.getString(3)), rows.getLong(4));
        }
      }
    }
    return estimates;
  }
}

package dev.schemacode.testkit;

import dev.schemacode.model.PostgresRenderer;
import dev.schemacode.model.Schema;
import dev.schemacode.model.SchemaChange;
import dev.schemacode.model.introspect.LiveSchemas;
import dev.schemacode.model.introspect.PostgresIntrospector;
import dev.schemacode.runtime.Migrator;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * "The database holds exactly the declared schema": the live catalog, read back with
 * {@link PostgresIntrospector}, compared with a declared {@link Schema} the way {@code schemacode
 * diff} compares them; plus what the model cannot see but a finished migration must not leave
 * behind: constraints still {@code NOT VALID}, and indexes a failed concurrent build left invalid.
 */
public final class SchemaAssertions {
  /** The runtime's tables, never part of a declared schema. */
  public static final Set<String> RUNTIME_TABLES = Migrator.runtimeTables(Migrator.DEFAULT_HISTORY_TABLE);

  private SchemaAssertions() {}

  /** Fails with every difference, each with the SQL that would reconcile it. */
  public static void assertMatches(Connection connection, Schema declared) throws SQLException {
    assertMatches(connection, declared, Set.of(), RUNTIME_TABLES);
  }

  /**
   * @param otherSchemas schemas to read besides the connection's and those {@code declared} uses, so
   *     that tables left behind in a schema the declaration no longer mentions are seen too
   * @param excludedTables tables of the connection's schema that are not part of the declaration
   */
  public static void assertMatches(Connection connection, Schema declared, Set<String> otherSchemas,
      Set<String> excludedTables) throws SQLException {
    List<String> differences = differences(connection, declared, otherSchemas, excludedTables);
    if (!differences.isEmpty()) {
      throw new AssertionError("the database differs from the declared schema:\n  " + String.join("\n  ", differences));
    }
  }

  /** Each difference in words; empty when the database holds exactly the declared schema. */
  public static List<String> differences(Connection connection, Schema declared, Set<String> otherSchemas,
      Set<String> excludedTables) throws SQLException {
    Set<String> schemas = new TreeSet<>(otherSchemas);
    schemas.addAll(declared.schemaNames());
    PostgresIntrospector introspector = new PostgresIntrospector(connection, excludedTables);
    Schema live = introspector.read(schemas);
    List<String> differences = new ArrayList<>();
    for (SchemaChange change : LiveSchemas.drift(live, declared, introspector.deparser()).changes()) {
      differences.add(change.describe() + "    -- to reconcile: " + PostgresRenderer.render(change).strip());
    }
    differences.addAll(leftovers(connection, schemas));
    return differences;
  }

  /** Constraints never validated and indexes never finished: half-done safe forms. */
  private static List<String> leftovers(Connection connection, Set<String> otherSchemas) throws SQLException {
    String sql = "WITH s AS (SELECT unnest(?::text[]) AS nspname UNION SELECT current_schema())"
        + " SELECT 'constraint ' || k.conname || ' on ' || c.relname || ' is NOT VALID (never validated)'"
        + " FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
        + " WHERE NOT k.convalidated AND n.nspname IN (SELECT nspname FROM s)"
        + " UNION ALL"
        + " SELECT 'index ' || i.relname || ' on ' || c.relname || ' is invalid (a concurrent build failed or is unfinished)'"
        + " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid"
        + " JOIN pg_namespace n ON n.oid = c.relnamespace"
        + " WHERE (NOT x.indisvalid OR NOT x.indisready) AND n.nspname IN (SELECT nspname FROM s)"
        + " ORDER BY 1";
    List<String> found = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      Array schemas = connection.createArrayOf("text", otherSchemas.toArray());
      query.setArray(1, schemas);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          found.add(rows.getString(1));
        }
      }
    }
    return found;
  }
}

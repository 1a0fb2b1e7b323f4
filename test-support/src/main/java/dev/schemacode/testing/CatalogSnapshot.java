package dev.schemacode.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The user-visible catalog as sorted lines of text, read with plain catalog queries (not with the
 * introspector the tests check): tables, columns with type, nullability, default and identity,
 * constraints with their definitions and validity, indexes with their definitions and validity, enum
 * types with their labels in order, comments. Two snapshots are equal when the schemas are, by name
 * (column order aside: a column a revert brings back comes last).
 * For checks such as "apply, revert, and the catalog is what it was".
 */
public final class CatalogSnapshot {
  private CatalogSnapshot() {}

  /** Every object outside the system schemas, but the tables named in {@code excludedTables} (the runtime's own). */
  public static List<String> read(Connection connection, Set<String> excludedTables) throws SQLException {
    String userSchemas = "n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg_temp%'"
        + " AND n.nspname NOT LIKE 'pg_toast_temp%'";
    String excluded = excludedTables.isEmpty() ? "''" : String.join(", ",
        excludedTables.stream().map(t -> "'" + t.replace("'", "''") + "'").toList());
    List<String> lines = new ArrayList<>();
    // schemas that hold something: schemacode creates schemas but never drops one (a table moved away, a
    // reverted change, leave it empty), and an empty schema is nothing the model or a checkpoint holds
    query(connection, lines, "SELECT 'schema ' || n.nspname FROM pg_namespace n WHERE " + userSchemas
        + " AND n.nspname <> 'public' AND (EXISTS (SELECT FROM pg_class c WHERE c.relnamespace = n.oid)"
        + " OR EXISTS (SELECT FROM pg_type t WHERE t.typnamespace = n.oid))");
    query(connection, lines, "SELECT 'column ' || n.nspname || '.' || c.relname || '.' || a.attname || ' '"
        + " || format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END"
        // a string literal's cast is the type the column had when the default was set (a widened varchar keeps
        // 'x'::character varying, a widened integer[] keeps '{}'::integer[]): the same value, so the literal
        // counts without it
        + " || coalesce(' default ' || regexp_replace(pg_get_expr(d.adbin, d.adrelid),"
        + " '^(''(?:[^'']|'''')*'')::(text|character varying|[a-z ]+\\[\\])$', '\\1'), '')"
        + " || CASE a.attidentity WHEN 'd' THEN ' identity by default' WHEN 'a' THEN ' identity always' ELSE '' END"
        + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
        + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
        + " WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND " + userSchemas
        + " AND c.relname NOT IN (" + excluded + ")");
    query(connection, lines, "SELECT 'constraint ' || n.nspname || '.' || c.relname || '.' || k.conname || ' '"
        + " || pg_get_constraintdef(k.oid) || CASE WHEN k.convalidated THEN '' ELSE ' (not validated)' END"
        + " FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
        // PostgreSQL 18 names NOT NULL constraints after the table they were made in; attnotnull says it
        + " WHERE k.contype <> 'n' AND " + userSchemas + " AND c.relname NOT IN (" + excluded + ")");
    query(connection, lines, "SELECT 'index ' || n.nspname || '.' || i.relname || ' ' || pg_get_indexdef(x.indexrelid)"
        + " || CASE WHEN x.indisvalid THEN '' ELSE ' (invalid)' END"
        + " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid"
        + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + userSchemas + " AND c.relname NOT IN (" + excluded + ")");
    query(connection, lines, "SELECT 'enum ' || n.nspname || '.' || t.typname || ' ('"
        + " || string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) || ')'"
        + " FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace"
        + " WHERE " + userSchemas + " GROUP BY n.nspname, t.typname");
    query(connection, lines, "SELECT 'comment ' || n.nspname || '.' || c.relname || coalesce('.' || a.attname, '')"
        + " || ' ' || d.description FROM pg_description d JOIN pg_class c ON c.oid = d.objoid"
        + " JOIN pg_namespace n ON n.oid = c.relnamespace"
        + " LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid AND d.objsubid > 0"
        + " WHERE d.classoid = 'pg_class'::regclass AND " + userSchemas + " AND c.relname NOT IN (" + excluded + ")");
    lines.sort(null);
    return lines;
  }

  private static void query(Connection connection, List<String> lines, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        lines.add(result.getString(1));
      }
    }
  }
}

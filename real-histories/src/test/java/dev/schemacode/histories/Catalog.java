package dev.schemacode.histories;

import dev.schemacode.testkit.SchemaAssertions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What PostgreSQL itself says a schema is, read with plain catalog queries and PostgreSQL's own
 * deparsers ({@code format_type}, {@code pg_get_expr}, {@code pg_get_constraintdef}, {@code pg_get_indexdef}),
 * not with schemacode's introspector: the oracle for "the database schemacode built is the one the project's
 * SQL built" must not share code with what it checks. One line per fact, sorted, so that a difference reads
 * as a line diff. Column order is left out: schemacode and the projects both append added columns, but a
 * rebuilt column may land elsewhere and no query depends on it.
 */
final class Catalog {
  /** The runtime's own tables (history, backfills, summary), in the schemacode-built database only. */
  private static final String RUNTIME_TABLES = SchemaAssertions.RUNTIME_TABLES.stream().sorted()
      .map(name -> "'" + name.replace("'", "''") + "'").collect(java.util.stream.Collectors.joining(", ", "(", ")"));

  private Catalog() {}

  static List<String> read(Connection connection) throws SQLException {
    List<String> facts = new ArrayList<>();
    facts.addAll(lines(connection, "SELECT 'table ' || c.relname || ' (' || c.relkind::text || ')'"
        + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        + " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f')"
        + " AND c.relname NOT IN " + RUNTIME_TABLES));
    facts.addAll(lines(connection, "SELECT 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)"
        + " || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE ' NULL' END"
        + " || CASE WHEN a.attidentity <> '' THEN ' IDENTITY ' || a.attidentity::text ELSE '' END"
        + " || CASE WHEN a.attgenerated <> '' THEN ' GENERATED' ELSE '' END"
        + " || coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')"
        + " || coalesce(' COLLATE ' || nullif(co.collname, 'default'), '')"
        + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
        + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
        + " LEFT JOIN pg_collation co ON co.oid = a.attcollation AND a.attcollation <> 0"
        + "   AND a.attcollation <> (SELECT typcollation FROM pg_type WHERE oid = a.atttypid)"
        + " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped"
        + " AND c.relname NOT IN " + RUNTIME_TABLES));
    facts.addAll(lines(connection, "SELECT 'constraint ' || c.relname || '.' || k.conname || ' ' || pg_get_constraintdef(k.oid)"
        + " || CASE WHEN k.convalidated THEN '' ELSE ' (not validated)' END"
        + " || CASE WHEN k.condeferrable THEN ' deferrable' ELSE '' END"
        + " FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
        + " WHERE n.nspname = 'public' AND c.relname NOT IN " + RUNTIME_TABLES));
    facts.addAll(lines(connection, "SELECT 'index ' || c.relname || '.' || i.relname || ' ' || pg_get_indexdef(i.oid)"
        + " || CASE WHEN x.indisvalid THEN '' ELSE ' (invalid)' END"
        + " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid"
        + " JOIN pg_namespace n ON n.oid = c.relnamespace"
        + " WHERE n.nspname = 'public' AND c.relname NOT IN " + RUNTIME_TABLES));
    facts.addAll(lines(connection, "SELECT 'enum ' || t.typname || ' (' || string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) || ')'"
        + " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid"
        + " WHERE n.nspname = 'public' GROUP BY t.typname"));
    facts.addAll(lines(connection, "SELECT 'type ' || t.typname || ' (' || t.typtype::text || ')'"
        + " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
        + " WHERE n.nspname = 'public' AND t.typtype IN ('d', 'c') AND NOT EXISTS"
        + " (SELECT 1 FROM pg_class c WHERE c.reltype = t.oid)"));
    facts.addAll(lines(connection, "SELECT 'sequence ' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        + " WHERE n.nspname = 'public' AND c.relkind = 'S' AND c.relname NOT LIKE 'schemacode_history%'"));
    facts.addAll(lines(connection, "SELECT 'comment ' || c.relname || coalesce('.' || a.attname, '') || ' ' || d.description"
        + " FROM pg_description d JOIN pg_class c ON c.oid = d.objoid AND d.classoid = 'pg_class'::regclass"
        + " JOIN pg_namespace n ON n.oid = c.relnamespace"
        + " LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid AND d.objsubid > 0"
        + " WHERE n.nspname = 'public' AND c.relname NOT IN " + RUNTIME_TABLES));
    facts.sort(null);
    return facts;
  }

  private static List<String> lines(Connection connection, String sql) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        lines.add(rows.getString(1));
      }
    }
    return lines;
  }
}

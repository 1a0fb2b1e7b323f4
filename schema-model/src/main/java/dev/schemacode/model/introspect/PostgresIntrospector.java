package dev.schemacode.model.introspect;

import dev.schemacode.model.CheckConstraint;
import dev.schemacode.model.Column;
import dev.schemacode.model.EnumType;
import dev.schemacode.model.ForeignKey;
import dev.schemacode.model.Index;
import dev.schemacode.model.PostgresRenderer;
import dev.schemacode.model.PrimaryKey;
import dev.schemacode.model.QualifiedName;
import dev.schemacode.model.Schema;
import dev.schemacode.model.Table;
import dev.schemacode.model.UniqueConstraint;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a live PostgreSQL schema into the model with six catalog queries, however many tables
 * there are: tables, columns, constraints, indexes and enum types. Objects in the connection's
 * current schema get an empty schema name, as declared tables do.
 */
public final class PostgresIntrospector {
  private final Connection connection;
  private final Set<String> excludedTables;
  private String currentSchema;

  /** Asks this connection's server how it prints declared expressions (see {@link LiveSchemas#drift(Schema, Schema, Deparser)}). */
  public Deparser deparser() {
    return new PostgresDeparser(connection);
  }

  /** @param excludedTables tables of the default schema to leave out, such as the history table */
  public PostgresIntrospector(Connection connection, Set<String> excludedTables) {
    this.connection = connection;
    this.excludedTables = excludedTables;
  }

  /** The tables and types of the current schema and of {@code otherSchemas}. */
  public Schema read(Set<String> otherSchemas) throws SQLException {
    currentSchema = single("SELECT current_schema()");
    List<String> schemas = new ArrayList<>(otherSchemas);
    schemas.add(currentSchema);
    Array names = connection.createArrayOf("text", schemas.toArray());

    Map<QualifiedName, TableBuilder> tables = readTables(names);
    readColumns(names, tables);
    readConstraints(names, tables);
    readIndexes(names, tables);
    List<EnumType> enums = readEnums(names);
    return new Schema(enums, tables.values().stream().map(TableBuilder::build).toList());
  }

  private QualifiedName name(String schema, String name) {
    return new QualifiedName(schema.equals(currentSchema) ? "" : schema, name);
  }

  private Map<QualifiedName, TableBuilder> readTables(Array schemas) throws SQLException {
    Map<QualifiedName, TableBuilder> tables = new LinkedHashMap<>();
    String sql = "SELECT n.nspname, c.relname, obj_description(c.oid, 'pg_class')"
        + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        + " WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY (?) ORDER BY 1, 2";
    forEachRow(sql, schemas, rows -> {
      QualifiedName name = name(rows.getString(1), rows.getString(2));
      if (name.inDefaultSchema() && excludedTables.contains(name.name())) {
        return;
      }
      tables.put(name, new TableBuilder(name, Optional.ofNullable(rows.getString(3))));
    });
    return tables;
  }

  private void readColumns(Array schemas, Map<QualifiedName, TableBuilder> tables) throws SQLException {
    // The type as format_type prints it, and the schema of the type (of an array's element type), which
    // format_type leaves out whenever the type is visible on the search_path.
    String sql = "SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,"
        + " a.attidentity <> '', pg_get_expr(d.adbin, d.adrelid), col_description(c.oid, a.attnum),"
        + " tn.nspname, pg_type_is_visible(et.oid)"
        + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
        + " JOIN pg_type t ON t.oid = a.atttypid"
        + " JOIN pg_type et ON et.oid = CASE WHEN t.typcategory = 'A' AND t.typelem <> 0 THEN t.typelem ELSE t.oid END"
        + " JOIN pg_namespace tn ON tn.oid = et.typnamespace"
        + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
        + " WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND n.nspname = ANY (?)"
        + " ORDER BY 1, 2, a.attnum";
    forEachRow(sql, schemas, rows -> {
      TableBuilder table = tables.get(name(rows.getString(1), rows.getString(2)));
      if (table == null) {
        return;
      }
      boolean identity = rows.getBoolean(6);
      String type = qualifiedType(rows.getString(4), rows.getString(9), rows.getBoolean(10));
      table.columns.add(new Column(rows.getString(3), TypeNames.canonical(type),
          !rows.getBoolean(5) && !identity, identity,
          identity ? Optional.empty() : Optional.ofNullable(rows.getString(7)),
          Optional.ofNullable(rows.getString(8))));
    });
  }

  /**
   * A type of the current schema unqualified and one of another schema qualified, as declarations
   * name them, whatever the search_path makes {@code format_type} print.
   */
  private String qualifiedType(String formatted, String typeSchema, boolean visible) {
    if (typeSchema.equals("pg_catalog")) {
      return formatted;
    }
    String prefix = PostgresRenderer.quoteIfNeeded(typeSchema) + ".";
    if (typeSchema.equals(currentSchema)) {
      return !visible && formatted.startsWith(prefix) ? formatted.substring(prefix.length()) : formatted;
    }
    return visible ? prefix + formatted : formatted;
  }

  private void readConstraints(Array schemas, Map<QualifiedName, TableBuilder> tables) throws SQLException {
    String sql = "SELECT n.nspname, c.relname, k.conname, k.contype,"
        + " ARRAY(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY u(num, ord)"
        + "   JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.num ORDER BY u.ord),"
        + " tn.nspname, t.relname,"
        + " ARRAY(SELECT a.attname FROM unnest(k.confkey) WITH ORDINALITY u(num, ord)"
        + "   JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.num ORDER BY u.ord),"
        + " k.confdeltype, k.confupdtype, pg_get_constraintdef(k.oid)"
        + " FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
        + " LEFT JOIN pg_class t ON t.oid = k.confrelid LEFT JOIN pg_namespace tn ON tn.oid = t.relnamespace"
        + " WHERE k.contype IN ('p', 'u', 'f', 'c') AND n.nspname = ANY (?) ORDER BY 1, 2, 3";
    forEachRow(sql, schemas, rows -> {
      TableBuilder table = tables.get(name(rows.getString(1), rows.getString(2)));
      if (table == null) {
        return;
      }
      String constraint = rows.getString(3);
      List<String> columns = strings(rows.getArray(5));
      switch (rows.getString(4)) {
        case "p" -> table.primaryKey = Optional.of(new PrimaryKey(constraint, columns));
        case "u" -> table.uniques.add(new UniqueConstraint(constraint, columns));
        case "f" -> table.foreignKeys.add(new ForeignKey(constraint, columns, name(rows.getString(6), rows.getString(7)),
            strings(rows.getArray(8)), action(rows.getString(9)), action(rows.getString(10))));
        default -> table.checks.add(new CheckConstraint(constraint, checkExpression(rows.getString(11))));
      }
    });
  }

  private void readIndexes(Array schemas, Map<QualifiedName, TableBuilder> tables) throws SQLException {
    // Indexes that back a primary key or unique constraint belong to the constraint, not listed here.
    String sql = "SELECT n.nspname, c.relname, i.relname, x.indisunique, am.amname,"
        // a key is a column, or (0 in indkey) an expression, read as its text in parentheses
        + " ARRAY(SELECT CASE WHEN u.num = 0 THEN '(' || pg_get_indexdef(x.indexrelid, u.ord::int, true) || ')'"
        + "   ELSE a.attname END FROM unnest(x.indkey::int2[]) WITH ORDINALITY u(num, ord)"
        + "   LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = u.num ORDER BY u.ord),"
        + " pg_get_expr(x.indpred, x.indrelid)"
        + " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid"
        + " JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_am am ON am.oid = i.relam"
        + " WHERE n.nspname = ANY (?) AND c.relkind IN ('r', 'p')"
        + " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid AND k.contype IN ('p', 'u'))"
        + " ORDER BY 1, 2, 3";
    forEachRow(sql, schemas, rows -> {
      TableBuilder table = tables.get(name(rows.getString(1), rows.getString(2)));
      if (table != null) {
        table.indexes.add(new Index(rows.getString(3), strings(rows.getArray(6)), rows.getBoolean(4),
            rows.getString(5), Optional.ofNullable(rows.getString(7))));
      }
    });
  }

  private List<EnumType> readEnums(Array schemas) throws SQLException {
    Map<QualifiedName, List<String>> labels = new LinkedHashMap<>();
    String sql = "SELECT n.nspname, t.typname, e.enumlabel FROM pg_type t"
        + " JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid"
        + " WHERE n.nspname = ANY (?) ORDER BY 1, 2, e.enumsortorder";
    forEachRow(sql, schemas, rows -> {
      labels.computeIfAbsent(name(rows.getString(1), rows.getString(2)), k -> new ArrayList<>()).add(rows.getString(3));
    });
    List<EnumType> enums = new ArrayList<>();
    labels.forEach((name, values) -> enums.add(new EnumType(name, values)));
    return enums;
  }

  /** One catalog query over the schemas of interest; the handler sees each row. */
  private void forEachRow(String sql, Array schemas, RowHandler handler) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      query.setArray(1, schemas);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          handler.accept(rows);
        }
      }
    }
  }

  private interface RowHandler {
    void accept(ResultSet rows) throws SQLException;
  }

  private String single(String sql) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
      rows.next();
      return rows.getString(1);
    }
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
  }

  /** {@code CHECK ((amount >= 0)) NOT VALID} → {@code (amount >= 0)}. */
  static String checkExpression(String definition) {
    String text = definition.replaceFirst("\\s+NOT VALID$", "");
    if (text.startsWith("CHECK (") && text.endsWith(")")) {
      text = text.substring("CHECK (".length(), text.length() - 1);
    }
    return text;
  }

  private static final Map<String, ForeignKey.Action> ACTIONS = new HashMap<>(Map.of(
      "a", ForeignKey.Action.NO_ACTION, "r", ForeignKey.Action.RESTRICT, "c", ForeignKey.Action.CASCADE,
      "n", ForeignKey.Action.SET_NULL, "d", ForeignKey.Action.SET_DEFAULT));

  private static ForeignKey.Action action(String code) {
    return ACTIONS.getOrDefault(code, ForeignKey.Action.NO_ACTION);
  }

  /** Collects one table's parts across the queries. */
  private static final class TableBuilder {
    final QualifiedName name;
    final Optional<String> comment;
    final List<Column> columns = new ArrayList<>();
    Optional<PrimaryKey> primaryKey = Optional.empty();
    final List<UniqueConstraint> uniques = new ArrayList<>();
    final List<ForeignKey> foreignKeys = new ArrayList<>();
    final List<CheckConstraint> checks = new ArrayList<>();
    final List<Index> indexes = new ArrayList<>();

    TableBuilder(QualifiedName name, Optional<String> comment) {
      this.name = name;
      this.comment = comment;
    }

    Table build() {
      return new Table(name, columns, primaryKey, uniques, foreignKeys, checks, indexes, comment);
    }
  }
}

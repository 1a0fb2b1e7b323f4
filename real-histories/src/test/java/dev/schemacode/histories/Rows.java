package dev.schemacode.histories;

import dev.schemacode.testkit.SchemaAssertions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The data side of a replay. Before each step every table gets a row whose values come from the live
 * catalog (not from schemacode's model), foreign keys pointing at the newest row of their target; then
 * every row is read. After the step each row must be found again: through the step's renames, without
 * the columns it dropped, and with each value as PostgreSQL's own cast to the column's new type makes it.
 */
final class Rows {
  /** A column as the catalog describes it. */
  record ColumnInfo(String name, String type, String category, Integer maxLength, boolean nullable,
      boolean generated, List<String> labels) {}

  /** table → column → info, in column order. */
  record Shape(Map<String, Map<String, ColumnInfo>> tables, Map<String, List<ForeignKeyInfo>> foreignKeys) {}

  record ForeignKeyInfo(List<String> columns, String target, List<String> targetColumns) {}

  /** table → (column → its type) and the rows, each value as {@code ::text}. */
  record Snapshot(Shape shape, Map<String, List<Map<String, String>>> rows) {}

  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
  /** The runtime's own tables (history, backfills, summary), in the schemacode-built database only. */
  private static final String RUNTIME_TABLES = SchemaAssertions.RUNTIME_TABLES.stream().sorted()
      .map(name -> "'" + name.replace("'", "''") + "'").collect(java.util.stream.Collectors.joining(", ", "(", ")"));

  private long counter = 1;
  /** The values of the rows inserted in this round, by table: what a foreign key inserted after them points at. */
  private final Map<String, Map<String, String>> inserted = new HashMap<>();

  /** One row in every table of {@code public}, targets of foreign keys first. */
  void insertOneEach(Connection connection) throws SQLException {
    Shape shape = shape(connection);
    inserted.clear();
    for (String table : referencedFirst(shape)) {
      long n = counter++;
      Map<String, String> values = new LinkedHashMap<>();
      for (ForeignKeyInfo key : shape.foreignKeys().getOrDefault(table, List.of())) {
        List<String> target = key.target().equals(table) ? null : target(connection, key);
        for (int i = 0; i < key.columns().size(); i++) {
          values.put(key.columns().get(i), target == null ? null : target.get(i));
        }
      }
      Map<String, String> row = new LinkedHashMap<>();
      for (ColumnInfo column : shape.tables().get(table).values()) {
        if (!column.generated()) {
          row.put(column.name(), values.containsKey(column.name()) ? values.get(column.name()) : value(column, n));
        }
      }
      inserted.put(table, row);
      List<String> names = new ArrayList<>();
      List<String> literals = new ArrayList<>();
      for (var column : row.entrySet()) {
        names.add(quote(column.getKey()));
        literals.add(column.getValue() == null ? "NULL"
            : literal(column.getValue()) + "::" + shape.tables().get(table).get(column.getKey()).type());
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute("INSERT INTO " + quote(table) + " (" + String.join(", ", names) + ") VALUES ("
            + String.join(", ", literals) + ")");
      }
    }
  }

  /** A value of the column's type for row {@code n}: distinct per row, short enough for any later narrowing. */
  private static String value(ColumnInfo column, long n) {
    if (column.nullable() && n % 4 == 0) {
      return null;
    }
    if (!column.labels().isEmpty()) {
      return column.labels().get((int) (n % column.labels().size()));
    }
    String type = column.type();
    if (type.equals("uuid")) {
      return String.format("00000000-0000-4000-8000-%012d", n);
    }
    if (type.equals("jsonb") || type.equals("json")) {
      return "{\"row\": " + n + "}";
    }
    if (type.equals("bytea")) {
      return String.format("\\x%02x", n % 256);
    }
    if (type.equals("boolean")) {
      return n % 2 == 0 ? "true" : "false";
    }
    if (type.startsWith("timestamp")) {
      return LocalDateTime.of(2024, 1, 1, 0, 0).plusMinutes(n).plusNanos(123_000_000).format(TIMESTAMP);
    }
    if (type.equals("date")) {
      return LocalDateTime.of(2024, 1, 1, 0, 0).plusDays(n).toLocalDate().toString();
    }
    if (column.category().equals("N")) {
      return type.startsWith("numeric") ? n + ".5" : Long.toString(n);
    }
    // Strings: a JSON string, so that a column that later becomes jsonb converts; short, so that it fits
    // the narrowings the histories make.
    String text = "\"r" + n + "\"";
    if (column.maxLength() != null && text.length() > column.maxLength()) {
      text = Long.toString(n, 36);
      text = text.length() > column.maxLength() ? text.substring(text.length() - column.maxLength()) : text;
    }
    return text;
  }

  Snapshot snapshot(Connection connection) throws SQLException {
    Shape shape = shape(connection);
    Map<String, List<Map<String, String>>> rows = new TreeMap<>();
    for (var table : shape.tables().entrySet()) {
      List<String> columns = List.copyOf(table.getValue().keySet());
      List<String> selected = columns.stream().map(c -> quote(c) + "::text").toList();
      List<Map<String, String>> found = new ArrayList<>();
      try (Statement statement = connection.createStatement();
          ResultSet result = statement.executeQuery("SELECT " + String.join(", ", selected) + " FROM " + quote(table.getKey()))) {
        while (result.next()) {
          Map<String, String> row = new LinkedHashMap<>();
          for (int i = 0; i < columns.size(); i++) {
            row.put(columns.get(i), result.getString(i + 1));
          }
          found.add(row);
        }
      }
      rows.put(table.getKey(), found);
    }
    return new Snapshot(shape, rows);
  }

  /**
   * Every difference between the rows before a step and after it, where the step renamed tables and
   * columns as {@code renames} says, and changed the values of {@code filled} ("table.column", new names)
   * on purpose (a backfill).
   */
  static List<String> differences(Connection connection, Snapshot before, Snapshot after, Renames renames,
      Set<String> filled) throws SQLException {
    List<String> differences = new ArrayList<>();
    for (var table : before.rows().entrySet()) {
      String oldTable = table.getKey();
      String newTable = renames.table(oldTable);
      if (!after.shape().tables().containsKey(newTable)) {
        continue; // dropped, acknowledged by the entity version
      }
      Map<String, ColumnInfo> newColumns = after.shape().tables().get(newTable);
      Map<String, String> kept = new LinkedHashMap<>(); // old column → new column, compared
      for (String column : before.shape().tables().get(oldTable).keySet()) {
        String renamed = renames.column(oldTable, column);
        if (newColumns.containsKey(renamed) && !filled.contains(newTable + "." + renamed)) {
          kept.put(column, renamed);
        }
      }
      List<Map<String, String>> expected = new ArrayList<>();
      for (Map<String, String> row : table.getValue()) {
        Map<String, String> projected = new TreeMap<>();
        for (var column : kept.entrySet()) {
          String oldType = before.shape().tables().get(oldTable).get(column.getKey()).type();
          String newType = newColumns.get(column.getValue()).type();
          String value = row.get(column.getKey());
          projected.put(column.getValue(), oldType.equals(newType) ? value : cast(connection, value, newType));
        }
        expected.add(projected);
      }
      List<Map<String, String>> actual = new ArrayList<>();
      for (Map<String, String> row : after.rows().get(newTable)) {
        Map<String, String> projected = new TreeMap<>();
        kept.values().forEach(c -> projected.put(c, row.get(c)));
        actual.add(projected);
      }
      List<Map<String, String>> missing = minus(expected, actual);
      List<Map<String, String>> unexpected = minus(actual, expected);
      for (Map<String, String> row : missing) {
        differences.add(newTable + ": row " + row + " is gone");
      }
      for (Map<String, String> row : unexpected) {
        differences.add(newTable + ": row " + row + " appeared");
      }
    }
    return differences;
  }

  private static List<Map<String, String>> minus(List<Map<String, String>> from, List<Map<String, String>> remove) {
    List<Map<String, String>> left = new ArrayList<>(from);
    for (Map<String, String> row : remove) {
      left.remove(row);
    }
    return left;
  }

  /** What PostgreSQL's own cast makes of a value: the conversion a faithful migration performs. */
  private static String cast(Connection connection, String value, String type) throws SQLException {
    if (value == null) {
      return null;
    }
    try (PreparedStatement statement = connection.prepareStatement("SELECT CAST(?::text AS " + type + ")::text")) {
      statement.setString(1, value);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getString(1);
      }
    }
  }

  static Shape shape(Connection connection) throws SQLException {
    Map<String, Map<String, ColumnInfo>> tables = new TreeMap<>();
    String sql = "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), t.typcategory,"
        + " CASE WHEN t.typcategory = 'S' AND a.atttypmod > 4 THEN a.atttypmod - 4 END, NOT a.attnotnull,"
        + " a.attgenerated <> '' OR a.attidentity = 'a',"
        + " (SELECT array_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid)"
        + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
        + " JOIN pg_type t ON t.oid = a.atttypid"
        + " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped"
        + " AND c.relname NOT IN " + RUNTIME_TABLES + " ORDER BY c.relname, a.attnum";
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        java.sql.Array labels = rows.getArray(8);
        List<String> labelList = labels == null ? List.of() : List.of((String[]) labels.getArray());
        int length = rows.getInt(5);
        Integer maxLength = rows.wasNull() ? null : length;
        tables.computeIfAbsent(rows.getString(1), t -> new LinkedHashMap<>()).put(rows.getString(2),
            new ColumnInfo(rows.getString(2), rows.getString(3), rows.getString(4), maxLength,
                rows.getBoolean(6), rows.getBoolean(7), labelList));
      }
    }
    Map<String, List<ForeignKeyInfo>> keys = new HashMap<>();
    String fkSql = "SELECT c.relname, t.relname,"
        + " (SELECT array_agg(a.attname ORDER BY k.i) FROM unnest(f.conkey) WITH ORDINALITY k(n, i)"
        + "   JOIN pg_attribute a ON a.attrelid = f.conrelid AND a.attnum = k.n),"
        + " (SELECT array_agg(a.attname ORDER BY k.i) FROM unnest(f.confkey) WITH ORDINALITY k(n, i)"
        + "   JOIN pg_attribute a ON a.attrelid = f.confrelid AND a.attnum = k.n)"
        + " FROM pg_constraint f JOIN pg_class c ON c.oid = f.conrelid JOIN pg_class t ON t.oid = f.confrelid"
        + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE f.contype = 'f' AND n.nspname = 'public'"
        + " ORDER BY c.relname, f.conname";
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(fkSql)) {
      while (rows.next()) {
        keys.computeIfAbsent(rows.getString(1), t -> new ArrayList<>()).add(new ForeignKeyInfo(
            List.of((String[]) rows.getArray(3).getArray()), rows.getString(2), List.of((String[]) rows.getArray(4).getArray())));
      }
    }
    return new Shape(tables, keys);
  }

  /** Tables in an order where every foreign key's target (other than the table itself) comes first. */
  private static List<String> referencedFirst(Shape shape) {
    Set<String> ordered = new LinkedHashSet<>();
    for (String table : shape.tables().keySet()) {
      visit(table, shape, ordered, new LinkedHashSet<>());
    }
    return List.copyOf(ordered);
  }

  private static void visit(String table, Shape shape, Set<String> ordered, Set<String> path) {
    if (ordered.contains(table) || !path.add(table)) {
      return;
    }
    for (ForeignKeyInfo key : shape.foreignKeys().getOrDefault(table, List.of())) {
      if (!key.target().equals(table)) {
        visit(key.target(), shape, ordered, path);
      }
    }
    ordered.add(table);
  }

  /** The key of the row just inserted into the target, so that a unique foreign key column stays unique. */
  private List<String> target(Connection connection, ForeignKeyInfo key) throws SQLException {
    Map<String, String> row = inserted.get(key.target());
    if (row != null && key.targetColumns().stream().allMatch(c -> row.get(c) != null)) {
      return key.targetColumns().stream().map(row::get).toList();
    }
    return anyRow(connection, key);
  }

  private static List<String> anyRow(Connection connection, ForeignKeyInfo key) throws SQLException {
    String columns = String.join(", ", key.targetColumns().stream().map(c -> quote(c) + "::text").toList());
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT " + columns + " FROM " + quote(key.target())
            + " ORDER BY ctid DESC LIMIT 1")) {
      if (!row.next()) {
        throw new AssertionError("no row in " + key.target() + " to refer to");
      }
      List<String> values = new ArrayList<>();
      for (int i = 1; i <= key.targetColumns().size(); i++) {
        values.add(row.getString(i));
      }
      return values;
    }
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  private static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}

package dev.schemacode.testkit.evolution;

import dev.schemacode.model.Column;
import dev.schemacode.model.ForeignKey;
import dev.schemacode.model.Index;
import dev.schemacode.model.PostgresRenderer;
import dev.schemacode.model.QualifiedName;
import dev.schemacode.model.Schema;
import dev.schemacode.model.Table;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The data side of an evolution: after each version every table gets a row (identity columns from
 * their sequence, foreign keys pointing at a row of the target, every third nullable value NULL),
 * and before each version all rows are read so that afterwards they can be found again, renamed
 * and widened but otherwise the same.
 */
final class Rows {
  /** table → row key (as a normalized number) → column → value as {@code ::text} (null for NULL). */
  record Snapshot(Map<QualifiedName, Map<String, Map<String, String>>> tables) {}

  private long counter = 1;

  /**
   * The next number nobody used. Its values are new, but not necessarily unused: a column added
   * with a default fills every existing row with it (42, say), and a backfill that makes those
   * distinct keeps the first; {@link #insert} checks unique columns against the rows.
   */
  long fresh() {
    return counter++;
  }

  void insert(Connection connection, Schema schema) throws SQLException {
    for (Table table : schema.tables()) {
      Map<String, String> values = unusedRow(connection, schema, table);
      List<String> identities = table.columns().stream().filter(Column::identity).map(c -> PostgresRenderer.quote(c.name())).toList();
      String sql = "INSERT INTO " + PostgresRenderer.qualified(table.name())
          + (values.isEmpty() ? " DEFAULT VALUES" : " (" + String.join(", ", values.keySet().stream().map(PostgresRenderer::quote).toList())
              + ") VALUES (" + String.join(", ", values.values()) + ")")
          + (identities.isEmpty() ? "" : " RETURNING " + String.join(", ", identities));
      try (Statement statement = connection.createStatement()) {
        if (identities.isEmpty()) {
          statement.executeUpdate(sql);
        } else {
          try (ResultSet generated = statement.executeQuery(sql)) {
            generated.next();
            for (int i = 1; i <= identities.size(); i++) {
              counter = Math.max(counter, generated.getLong(i) + 1); // explicit values never meet generated ones
            }
          }
        }
      }
    }
  }

  /**
   * The values of the table's next row (column → SQL, identity columns left to their sequence),
   * from the next fresh number whose values under the primary key, each unique constraint and each
   * unique index no row holds yet: the declared schema allows exactly such a row.
   */
  private Map<String, String> unusedRow(Connection connection, Schema schema, Table table) throws SQLException {
    List<List<String>> uniqueSets = new ArrayList<>();
    table.primaryKey().ifPresent(k -> uniqueSets.add(k.columns()));
    table.uniques().forEach(u -> uniqueSets.add(u.columns()));
    table.indexes().stream().filter(Index::unique).forEach(i -> uniqueSets.add(i.columns()));
    for (int attempt = 0; ; attempt++) {
      Map<String, String> values = row(connection, schema, table, fresh());
      List<String> conditions = new ArrayList<>();
      for (List<String> columns : uniqueSets) {
        if (columns.stream().allMatch(c -> values.containsKey(c) && !values.get(c).equals("NULL"))) {
          conditions.add("(" + columns.stream().map(c -> PostgresRenderer.quote(c) + " = " + values.get(c))
              .collect(Collectors.joining(" AND ")) + ")");
        }
      }
      if (conditions.isEmpty() || attempt == 20) {
        return values; // after 20 numbers, let the insert say what is wrong
      }
      String taken = "SELECT EXISTS (SELECT FROM " + PostgresRenderer.qualified(table.name()) + " WHERE "
          + String.join(" OR ", conditions) + ")";
      try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(taken)) {
        result.next();
        if (!result.getBoolean(1)) {
          return values;
        }
      }
    }
  }

  /** The {@code n}-th row: foreign keys point at a row of the target or nowhere, every third nullable value is NULL. */
  private static Map<String, String> row(Connection connection, Schema schema, Table table, long n) throws SQLException {
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> references = references(connection, table, n);
    for (Column column : table.columns()) {
      if (column.identity()) {
        continue;
      }
      if (references.containsKey(column.name())) {
        String reference = references.get(column.name());
        values.put(column.name(), reference == null ? "NULL" : Types.literal(reference, column.type()));
      } else if (column.nullable() && n % 3 == 0) {
        values.put(column.name(), "NULL");
      } else {
        values.put(column.name(), Types.literal(Types.value(column.type(), n, labels(schema, column)), column.type()));
      }
    }
    return values;
  }

  /** For each foreign key column the value of a row of the target, or null: every other row refers to none. */
  private static Map<String, String> references(Connection connection, Table table, long n) throws SQLException {
    Map<String, String> values = new LinkedHashMap<>();
    for (ForeignKey key : table.foreignKeys()) {
      key.columns().forEach(c -> values.put(c, null));
      if (n % 2 == 0) {
        continue;
      }
      String select = "SELECT " + String.join(", ", key.targetColumns().stream().map(c -> PostgresRenderer.quote(c) + "::text").toList())
          + " FROM " + PostgresRenderer.qualified(key.target()) + " ORDER BY 1 LIMIT 1";
      try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(select)) {
        if (row.next()) {
          for (int i = 0; i < key.columns().size(); i++) {
            values.put(key.columns().get(i), row.getString(i + 1));
          }
        }
      }
    }
    return values;
  }

  static List<String> labels(Schema schema, Column column) {
    return Types.enumOf(column.type()).flatMap(t -> schema.enumType(Enums.name(t))).map(e -> e.labels()).orElse(List.of());
  }

  Snapshot read(Connection connection, Schema schema) throws SQLException {
    Map<QualifiedName, Map<String, Map<String, String>>> tables = new LinkedHashMap<>();
    for (Table table : schema.tables()) {
      tables.put(table.name(), read(connection, table));
    }
    return new Snapshot(tables);
  }

  static Map<String, Map<String, String>> read(Connection connection, Table table) throws SQLException {
    String select = "SELECT " + String.join(", ", table.columns().stream().map(c -> PostgresRenderer.quote(c.name()) + "::text").toList())
        + " FROM " + PostgresRenderer.qualified(table.name());
    Map<String, Map<String, String>> rows = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(select)) {
      while (result.next()) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < table.columns().size(); i++) {
          row.put(table.columns().get(i).name(), result.getString(i + 1));
        }
        rows.put(key(result.getString(1)), row);
      }
    }
    return rows;
  }

  /** Row keys are integers, and stay numbers when widened: {@code 5} and {@code 5.00} are one key. */
  static String key(String text) {
    return new BigDecimal(text).stripTrailingZeros().toPlainString();
  }

  /**
   * Every row of the snapshot (taken before the version, in its names) must still be there under
   * the new names, with equal values in every column that still exists; the differences in words.
   */
  static List<String> compare(Snapshot before, Draft draft, Connection connection) throws SQLException {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<QualifiedName, Map<String, Map<String, String>>> entry : before.tables().entrySet()) {
      Optional<QualifiedName> now = draft.current(entry.getKey());
      if (now.isEmpty()) {
        continue; // dropped, on purpose
      }
      Table table = draft.schema().table(now.get()).orElseThrow();
      Map<String, Map<String, String>> rows = read(connection, table);
      if (rows.size() != entry.getValue().size()) {
        problems.add(now.get() + " holds " + rows.size() + " rows, " + entry.getValue().size() + " before");
      }
      for (Map.Entry<String, Map<String, String>> row : entry.getValue().entrySet()) {
        Map<String, String> found = rows.get(row.getKey());
        if (found == null) {
          problems.add(now.get() + ": row " + row.getKey() + " is gone: " + row.getValue());
          continue;
        }
        row.getValue().forEach((column, value) -> draft.currentColumn(entry.getKey(), column).ifPresent(current -> {
          Column col = table.column(current).orElseThrow();
          String expected = Types.enumOf(col.type()).map(type -> relabel(draft, type, value)).orElse(value);
          if (!Types.sameValue(expected, found.get(current))) {
            problems.add(now.get() + "." + current + " of row " + row.getKey() + ": " + found.get(current)
                + ", expected " + expected + " (was " + entry.getKey() + "." + column + ")");
          }
        }));
      }
    }
    return problems;
  }

  /** An enum value, or an array of them, with renamed labels under their new names. */
  private static String relabel(Draft draft, String type, String value) {
    if (value == null) {
      return null;
    }
    if (value.startsWith("{")) {
      String inner = value.substring(1, value.length() - 1);
      if (inner.isEmpty()) {
        return value;
      }
      List<String> labels = new ArrayList<>();
      for (String label : inner.split(",")) {
        labels.add(draft.currentLabel(type, label));
      }
      return "{" + String.join(",", labels) + "}";
    }
    return draft.currentLabel(type, value);
  }
}

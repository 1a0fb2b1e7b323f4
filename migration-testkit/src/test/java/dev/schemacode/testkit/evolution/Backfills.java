package dev.schemacode.testkit.evolution;

import dev.schemacode.model.Column;
import dev.schemacode.model.PostgresRenderer;
import dev.schemacode.model.Schema;
import dev.schemacode.model.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the hand-written migration a person puts before a version whose constraints the existing
 * rows would fail (the README's "add it nullable, backfill, then require it"): values for NULLs,
 * distinct values under a new unique constraint, another value where an enum value goes away.
 */
final class Backfills {
  private Backfills() {}

  /** The statements, in the names of {@code start}; empty when no row needs a change. */
  static List<String> statements(List<Preparation> preparations, Schema start, Connection connection, Rows rows)
      throws SQLException {
    List<String> sql = new ArrayList<>();
    for (Preparation preparation : preparations) {
      if (preparation instanceof Preparation.FillNulls p) {
        Table table = start.table(p.table()).orElseThrow();
        for (String key : keys(connection, table, PostgresRenderer.quote(p.column()) + " IS NULL")) {
          sql.add(update(table, key, List.of(p.column()), start, rows));
        }
      } else if (preparation instanceof Preparation.MakeDistinct p) {
        Table table = start.table(p.table()).orElseThrow();
        List<String> columns = p.columns().stream().filter(c -> !table.column(c).orElseThrow().identity()).toList();
        if (!columns.isEmpty()) {
          for (String key : keys(connection, table, "true")) {
            sql.add(update(table, key, columns, start, rows));
          }
        }
      } else if (preparation instanceof Preparation.ReplaceLabel p) {
        for (Table table : start.tables()) {
          for (Column column : table.columns()) {
            if (Enums.uses(column, p.type())) {
              String c = PostgresRenderer.quote(column.name());
              String from = Types.literal(p.label(), p.type());
              String to = Types.literal(p.replacement(), p.type());
              sql.add("UPDATE " + PostgresRenderer.qualified(table.name()) + " SET " + c + " = "
                  + (Types.isArray(column.type()) ? "array_replace(" + c + ", " + from + ", " + to + ")" : to + " WHERE " + c + " = " + from)
                  + ";");
            }
          }
        }
      }
    }
    return sql;
  }

  private static String update(Table table, String key, List<String> columns, Schema start, Rows rows) {
    long n = rows.fresh();
    List<String> sets = new ArrayList<>();
    for (String name : columns) {
      Column column = table.column(name).orElseThrow();
      sets.add(PostgresRenderer.quote(name) + " = "
          + Types.literal(Types.value(column.type(), n, Rows.labels(start, column)), column.type()));
    }
    return "UPDATE " + PostgresRenderer.qualified(table.name()) + " SET " + String.join(", ", sets)
        + " WHERE " + PostgresRenderer.quote(table.columns().get(0).name()) + "::text = " + PostgresRenderer.literal(key) + ";";
  }

  private static List<String> keys(Connection connection, Table table, String condition) throws SQLException {
    List<String> keys = new ArrayList<>();
    String select = "SELECT " + PostgresRenderer.quote(table.columns().get(0).name()) + "::text FROM "
        + PostgresRenderer.qualified(table.name()) + " WHERE " + condition;
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(select)) {
      while (result.next()) {
        keys.add(result.getString(1));
      }
    }
    return keys;
  }
}

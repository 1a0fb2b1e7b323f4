package dev.schemacode.testkit.evolution;

import dev.schemacode.model.Column;
import dev.schemacode.model.PostgresRenderer;
import dev.schemacode.model.QualifiedName;
import dev.schemacode.model.Schema;
import dev.schemacode.model.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the hand-written migration a person puts before a version whose constraints the existing
 * rows would fail (the README's "add it nullable, backfill, then require it"): values for NULLs,
 * distinct values under a new unique constraint, another value where an enum value goes away.
 */
final class Backfills {
  private Backfills() {}

  /**
   * The statements, in the names of {@code start}; empty when no row needs a change. Rows are
   * found by {@code ctid} and each gets one {@code UPDATE} with every value it needs: a row's
   * other columns may be the very ones changed (distinct values for its key, say), so no column
   * can name it, and a row's {@code ctid} stays valid until that row itself is updated. The enum
   * replacements, which name no row, come last.
   */
  static List<String> statements(List<Preparation> preparations, Schema start, Connection connection, Rows rows)
      throws SQLException {
    Map<QualifiedName, Map<String, Map<String, String>>> changes = new LinkedHashMap<>();
    List<String> replacements = new ArrayList<>();
    List<String> creates = new ArrayList<>();
    for (Preparation preparation : preparations) {
      if (preparation instanceof Preparation.FillNulls p) {
        Table table = start.table(p.table()).orElseThrow();
        for (String row : rows(connection, table, PostgresRenderer.quote(p.column()) + " IS NULL")) {
          set(changes, table, row, List.of(p.column()), start, rows);
        }
      } else if (preparation instanceof Preparation.MakeDistinct p) {
        Table table = start.table(p.table()).orElseThrow();
        // Only the repeats change, not the first row of each value (a foreign key may reference it,
        // and the key may be unique already), and not rows with a NULL, which never collide. An
        // identity column made from an existing column keeps that column's values: when it is all
        // there is to change, a repeat takes the next value of the column's own sequence, so that
        // later inserts do not collide.
        List<String> columns = p.columns().stream().filter(c -> !table.column(c).orElseThrow().identity()).toList();
        String quoted = p.columns().stream().map(PostgresRenderer::quote).collect(Collectors.joining(", "));
        String repeats = "ctid IN (SELECT ctid FROM (SELECT ctid, row_number() OVER (PARTITION BY " + quoted
            + " ORDER BY ctid) AS n FROM " + PostgresRenderer.qualified(table.name()) + " WHERE "
            + p.columns().stream().map(c -> PostgresRenderer.quote(c) + " IS NOT NULL").collect(Collectors.joining(" AND "))
            + ") rows WHERE n > 1)";
        for (String row : rows(connection, table, repeats)) {
          if (columns.isEmpty()) {
            set(changes, table, row, p.columns(), start, rows);
          } else {
            setUnused(changes, table, row, columns, start, rows, connection);
          }
        }
      } else if (preparation instanceof Preparation.ExpressionIndex p) {
        creates.add(HandWrittenIndexes.create(p));
      } else if (preparation instanceof Preparation.ReplaceLabel p) {
        // a hand-written index naming the value would not parse once it is gone: its author drops it first
        replacements.addAll(HandWrittenIndexes.dropNaming(connection, p.label()));
        for (Table table : start.tables()) {
          for (Column column : table.columns()) {
            if (Enums.uses(column, p.type())) {
              String c = PostgresRenderer.quote(column.name());
              String from = Types.literal(p.label(), p.type());
              String to = Types.literal(p.replacement(), p.type());
              replacements.add("UPDATE " + PostgresRenderer.qualified(table.name()) + " SET " + c + " = "
                  + (Types.isArray(column.type()) ? "array_replace(" + c + ", " + from + ", " + to + ")" : to + " WHERE " + c + " = " + from)
                  + ";");
            }
          }
        }
      }
    }
    List<String> sql = new ArrayList<>();
    changes.forEach((table, byRow) -> byRow.forEach((row, values) -> sql.add("UPDATE "
        + PostgresRenderer.qualified(table) + " SET " + values.entrySet().stream()
            .map(e -> PostgresRenderer.quote(e.getKey()) + " = " + e.getValue()).collect(Collectors.joining(", "))
        + " WHERE ctid = " + PostgresRenderer.literal(row) + "::tid;")));
    sql.addAll(creates);
    sql.addAll(replacements);
    return sql;
  }

  /**
   * Like {@link #set}, with values no row has yet: a kept row may hold a default that a fresh
   * number also gives (42, the first day of 2000).
   */
  private static void setUnused(Map<QualifiedName, Map<String, Map<String, String>>> changes, Table table, String row,
      List<String> columns, Schema start, Rows rows, Connection connection) throws SQLException {
    for (int attempt = 0; ; attempt++) {
      set(changes, table, row, columns, start, rows);
      Map<String, String> values = changes.get(table.name()).get(row);
      String taken = "SELECT EXISTS (SELECT FROM " + PostgresRenderer.qualified(table.name()) + " WHERE "
          + columns.stream().map(c -> PostgresRenderer.quote(c) + " = " + values.get(c)).collect(Collectors.joining(" AND "))
          + ")";
      try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(taken)) {
        result.next();
        if (!result.getBoolean(1) || attempt == 20) {
          return;
        }
      }
    }
  }

  /** New values for some columns of one row, from one fresh number; a later preparation's value wins. */
  private static void set(Map<QualifiedName, Map<String, Map<String, String>>> changes, Table table, String row,
      List<String> columns, Schema start, Rows rows) {
    long n = rows.fresh();
    Map<String, String> values = changes.computeIfAbsent(table.name(), t -> new LinkedHashMap<>())
        .computeIfAbsent(row, r -> new LinkedHashMap<>());
    for (String name : columns) {
      Column column = table.column(name).orElseThrow();
      values.put(name, column.identity()
          ? "nextval(pg_get_serial_sequence(" + PostgresRenderer.literal(PostgresRenderer.qualified(table.name())) + ", "
              + PostgresRenderer.literal(name) + "))"
          : Types.literal(Types.value(column.type(), n, Rows.labels(start, column)), column.type()));
    }
  }

  private static List<String> rows(Connection connection, Table table, String condition) throws SQLException {
    List<String> found = new ArrayList<>();
    String select = "SELECT ctid::text FROM " + PostgresRenderer.qualified(table.name()) + " WHERE " + condition
        + " ORDER BY ctid";
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(select)) {
      while (result.next()) {
        found.add(result.getString(1));
      }
    }
    return found;
  }
}

package dev.schemacode.ui;

import static dev.schemacode.model.PostgresRenderer.qualified;
import static dev.schemacode.model.PostgresRenderer.quote;

import dev.schemacode.model.Column;
import dev.schemacode.model.PrimaryKey;
import dev.schemacode.model.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads pages of rows and changes single rows. Every value goes in and comes out as PostgreSQL's
 * text form, passed as a parameter of unspecified type, so the server reads it as the column's type
 * (numbers, timestamps, enums, arrays, JSON alike) and nothing the page sends is pasted into SQL.
 */
final class TableData {
  /** Grid cells longer than this are cut (the row editor asks for whole values). */
  static final int CELL_LIMIT = 500;

  /** How many rows there are: exact, at least (past the count bound), or the planner's estimate. */
  record Total(long rows, String kind) {}

  record Page(List<String> columns, List<List<String>> rows, int offset, int limit, boolean more, Total total) {}

  /** A key as the page sends it: primary key column to its value's text. */
  record Key(Map<String, String> values) {}

  private TableData() {}

  static Page page(Connection connection, RowQuery query, int offset, int limit, boolean whole,
      Optional<Long> estimate, Table table) throws SQLException {
    RowQuery.Statement statement = query.page(offset, limit);
    List<List<String>> rows = new ArrayList<>();
    try (PreparedStatement select = prepare(connection, statement); ResultSet result = select.executeQuery()) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> row = new ArrayList<>(columns);
        for (int i = 1; i <= columns; i++) {
          String value = result.getString(i);
          row.add(whole || value == null || value.length() <= CELL_LIMIT ? value : value.substring(0, CELL_LIMIT) + "…");
        }
        rows.add(row);
      }
    }
    boolean more = rows.size() > limit;
    if (more) {
      rows.remove(rows.size() - 1);
    }
    return new Page(table.columns().stream().map(Column::name).toList(), rows, offset, limit, more,
        total(connection, query, offset, rows.size(), more, estimate));
  }

  /**
   * Never {@code count(*)} over a whole big table: the last page tells the exact number; an
   * unfiltered table the planner knows is estimated; anything else is counted up to a bound.
   */
  private static Total total(Connection connection, RowQuery query, int offset, int seen, boolean more,
      Optional<Long> estimate) throws SQLException {
    if (!more) {
      return new Total(offset + seen, "exact");
    }
    if (!query.filtered() && estimate.isPresent() && estimate.get() > RowQuery.COUNT_BOUND) {
      return new Total(estimate.get(), "estimate");
    }
    try (PreparedStatement count = prepare(connection, query.boundedCount()); ResultSet result = count.executeQuery()) {
      result.next();
      long rows = result.getLong(1);
      return rows > RowQuery.COUNT_BOUND ? new Total(RowQuery.COUNT_BOUND, "atLeast") : new Total(rows, "exact");
    }
  }

  /** Inserts a row; columns left out get their defaults (identity columns their next value). */
  static Map<String, String> insert(Connection connection, Table table, Map<String, String> values) throws SQLException {
    List<Column> columns = columns(table, values);
    String sql = columns.isEmpty()
        ? "INSERT INTO " + qualified(table.name()) + " DEFAULT VALUES RETURNING *"
        : "INSERT INTO " + qualified(table.name()) + " (" + String.join(", ", columns.stream().map(c -> quote(c.name())).toList())
            + ") VALUES (" + String.join(", ", columns.stream().map(c -> "?").toList()) + ") RETURNING *";
    List<String> parameters = columns.stream().map(c -> values.get(c.name())).toList();
    return returning(connection, new RowQuery.Statement(sql, parameters), table);
  }

  /** Updates exactly one row, found by its primary key; anything else rolls back. */
  static Map<String, String> update(Connection connection, Table table, Key key, Map<String, String> values)
      throws SQLException {
    List<Column> columns = columns(table, values);
    if (columns.isEmpty()) {
      throw new BadRequest("nothing to change");
    }
    List<String> parameters = new ArrayList<>(columns.stream().map(c -> values.get(c.name())).toList());
    String sql = "UPDATE " + qualified(table.name()) + " SET "
        + String.join(", ", columns.stream().map(c -> quote(c.name()) + " = ?").toList())
        + where(table, key, parameters) + " RETURNING *";
    return returning(connection, new RowQuery.Statement(sql, parameters), table);
  }

  /** Deletes exactly one row, found by its primary key. */
  static void delete(Connection connection, Table table, Key key) throws SQLException {
    List<String> parameters = new ArrayList<>();
    String sql = "DELETE FROM " + qualified(table.name()) + where(table, key, parameters);
    try (PreparedStatement delete = prepare(connection, new RowQuery.Statement(sql, parameters))) {
      int count = delete.executeUpdate();
      if (count != 1) {
        throw new Conflict(count == 0 ? "no such row (changed or deleted meanwhile?)" : "the key matched " + count + " rows");
      }
    }
  }

  private static String where(Table table, Key key, List<String> parameters) {
    PrimaryKey primaryKey = table.primaryKey().orElseThrow(
        () -> new BadRequest("table " + table.name() + " has no primary key: its rows cannot be told apart, so it is read-only"));
    List<String> conditions = new ArrayList<>();
    for (String column : primaryKey.columns()) {
      String value = key.values().get(column);
      if (value == null) {
        throw new BadRequest("the key of " + table.name() + " needs a value for " + column);
      }
      conditions.add(quote(column) + " = ?");
      parameters.add(value);
    }
    return " WHERE " + String.join(" AND ", conditions);
  }

  /** The table's columns the values name, in table order; an unknown name is refused. */
  private static List<Column> columns(Table table, Map<String, String> values) {
    for (String name : values.keySet()) {
      if (table.column(name).isEmpty()) {
        throw new BadRequest("table " + table.name() + " has no column '" + name + "'");
      }
    }
    return table.columns().stream().filter(column -> values.containsKey(column.name())).toList();
  }

  private static Map<String, String> returning(Connection connection, RowQuery.Statement statement, Table table)
      throws SQLException {
    try (PreparedStatement change = prepare(connection, statement); ResultSet result = change.executeQuery()) {
      if (!result.next()) {
        throw new Conflict("no such row (changed or deleted meanwhile?)");
      }
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
        row.put(result.getMetaData().getColumnName(i), result.getString(i));
      }
      if (result.next()) {
        throw new Conflict("the key matched more than one row");
      }
      return row;
    }
  }

  private static PreparedStatement prepare(Connection connection, RowQuery.Statement statement) throws SQLException {
    PreparedStatement prepared = connection.prepareStatement(statement.sql());
    int index = 1;
    for (String parameter : statement.parameters()) {
      // unspecified type: PostgreSQL infers the column's type and parses the text as it would a literal
      if (parameter == null) {
        prepared.setNull(index++, Types.OTHER);
      } else {
        prepared.setObject(index++, parameter, Types.OTHER);
      }
    }
    return prepared;
  }
}

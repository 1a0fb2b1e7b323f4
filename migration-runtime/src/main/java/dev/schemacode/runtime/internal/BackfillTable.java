package dev.schemacode.runtime.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which backfills ran: {@code <history table>_backfills}. A table of its own, because backfills
 * are named, not versioned, and must never show up among the migrations' states.
 */
public final class BackfillTable {
  /** A row: when it ran, how long, whether it finished. */
  record Row(String name, String checksum, java.time.Instant ranAt, long executionMillis, boolean success) {}

  public static final String SUFFIX = "_backfills";

  private final String quoted;

  private final String name;

  BackfillTable(String historyTable) {
    this(null, historyTable);
  }

  /** As {@link HistoryTable#HistoryTable(String, String)}: qualified by the fleet target's schema when there is one. */
  BackfillTable(String schema, String historyTable) {
    this.name = historyTable + SUFFIX;
    this.quoted = (schema == null ? "" : Sql.identifier(schema) + ".") + Sql.identifier(historyTable + SUFFIX);
  }

  void createIfMissing(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS " + quoted + " ("
          + "name text PRIMARY KEY, "
          + "checksum text NOT NULL, "
          + "applied_at timestamptz NOT NULL DEFAULT now(), "
          + "execution_ms bigint NOT NULL, "
          + "success boolean NOT NULL, "
          + "installed_by text NOT NULL DEFAULT current_user)");
    }
  }

  String name() {
    return name;
  }

  /** Rows by name; empty when nobody ran a backfill yet. */
  Map<String, Row> read(Connection connection) throws SQLException {
    Map<String, Row> rows = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT name, checksum, applied_at, execution_ms, success FROM "
            + quoted + " ORDER BY applied_at, name")) {
      while (result.next()) {
        rows.put(result.getString(1), new Row(result.getString(1), result.getString(2),
            result.getTimestamp(3).toInstant(), result.getLong(4), result.getBoolean(5)));
      }
    } catch (SQLException e) {
      if (HistoryTable.UNDEFINED_TABLE.equals(e.getSQLState())) {
        return rows;
      }
      throw e;
    }
    return rows;
  }

  /** Records a run; replaces the row of an earlier failed attempt. */
  void record(Connection connection, String name, String checksum, long executionMillis, boolean success)
      throws SQLException {
    try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO " + quoted
        + " (name, checksum, execution_ms, success) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET"
        + " checksum = excluded.checksum, execution_ms = excluded.execution_ms, success = excluded.success,"
        + " applied_at = now(), installed_by = current_user")) {
      upsert.setString(1, name);
      upsert.setString(2, checksum);
      upsert.setLong(3, executionMillis);
      upsert.setBoolean(4, success);
      upsert.executeUpdate();
    }
  }

  void complete(Connection connection, String name, long executionMillis, boolean success) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement("UPDATE " + quoted
        + " SET success = ?, execution_ms = ? WHERE name = ?")) {
      update.setBoolean(1, success);
      update.setLong(2, executionMillis);
      update.setString(3, name);
      update.executeUpdate();
    }
  }
}

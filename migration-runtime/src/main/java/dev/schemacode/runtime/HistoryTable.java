package dev.schemacode.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The history table: which migrations ran, when, how long, and whether they succeeded. */
final class HistoryTable {
  private static final String UNDEFINED_TABLE = "42P01";

  private final String name;
  private final String quoted;

  HistoryTable(String name) {
    this.name = name;
    this.quoted = '"' + name.replace("\"", "\"\"") + '"';
  }

  String name() {
    return name;
  }

  void createIfMissing(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS " + quoted + " ("
          + "version text PRIMARY KEY, "
          + "name text NOT NULL, "
          + "checksum text NOT NULL, "
          + "applied_at timestamptz NOT NULL DEFAULT now(), "
          + "execution_ms bigint NOT NULL, "
          + "success boolean NOT NULL, "
          + "installed_by text NOT NULL DEFAULT current_user)");
    }
  }

  /** All rows; empty when the table does not exist yet (a database nobody migrated). */
  List<AppliedMigration> read(Connection connection) throws SQLException {
    List<AppliedMigration> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT version, name, checksum, applied_at, execution_ms, success FROM "
            + quoted + " ORDER BY applied_at, version")) {
      while (result.next()) {
        rows.add(new AppliedMigration(result.getString(1), result.getString(2), result.getString(3),
            result.getTimestamp(4).toInstant(), result.getLong(5), result.getBoolean(6)));
      }
    } catch (SQLException e) {
      if (UNDEFINED_TABLE.equals(e.getSQLState())) {
        if (!connection.getAutoCommit()) {
          connection.rollback();
        }
        return rows;
      }
      throw e;
    }
    return rows;
  }

  void record(Connection connection, ResolvedMigration migration, long executionMillis, boolean success)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + quoted
        + " (version, name, checksum, execution_ms, success) VALUES (?, ?, ?, ?, ?)")) {
      insert.setString(1, migration.version());
      insert.setString(2, migration.file().slug());
      insert.setString(3, migration.checksum());
      insert.setLong(4, executionMillis);
      insert.setBoolean(5, success);
      insert.executeUpdate();
    }
  }
}

package dev.schemacode.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The history table: which migrations ran, when, how long, whether they succeeded, and how they got there. */
final class HistoryTable {
  static final String UNDEFINED_TABLE = "42P01";

  private final String name;
  private final String quoted;

  HistoryTable(String name) {
    this.name = name;
    this.quoted = Sql.identifier(name);
  }

  String name() {
    return name;
  }

  String quoted() {
    return quoted;
  }

  /**
   * Creates the table, and adds {@code kind} to a table made by an earlier build that lacked it. One
   * round trip; the {@code ALTER} (and its exclusive lock) happens only when the column is missing.
   */
  void createIfMissing(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(createSql());
    }
  }

  String createSql() {
    return "DO $schemacode$ BEGIN "
        + "CREATE TABLE IF NOT EXISTS " + quoted + " ("
        + "version text PRIMARY KEY, "
        + "name text NOT NULL, "
        + "checksum text NOT NULL, "
        + "applied_at timestamptz NOT NULL DEFAULT now(), "
        + "execution_ms bigint NOT NULL, "
        + "success boolean NOT NULL, "
        + "installed_by text NOT NULL DEFAULT current_user, "
        + "kind text NOT NULL DEFAULT '" + AppliedMigration.APPLIED + "'); "
        + "IF NOT EXISTS (SELECT FROM pg_attribute WHERE attrelid = " + Sql.literal(quoted) + "::regclass"
        + " AND attname = 'kind' AND NOT attisdropped) THEN "
        + "ALTER TABLE " + quoted + " ADD COLUMN kind text NOT NULL DEFAULT '" + AppliedMigration.APPLIED + "'; "
        + "END IF; END $schemacode$";
  }

  /**
   * All rows, in one round trip; empty when the table does not exist yet (a database nobody
   * migrated). Reads {@code *} so that a table from an earlier build without {@code kind} still reads.
   */
  List<AppliedMigration> read(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(readSql())) {
      return read(result);
    } catch (SQLException e) {
      if (UNDEFINED_TABLE.equals(e.getSQLState())) {
        if (!connection.getAutoCommit()) {
          connection.rollback();
        }
        return new ArrayList<>();
      }
      throw e;
    }
  }

  /** The query {@link #read(Connection)} runs, for callers that send it along with another statement. */
  String readSql() {
    return "SELECT * FROM " + quoted + " ORDER BY applied_at, version";
  }

  /** The rows of {@link #readSql()}'s result. */
  static List<AppliedMigration> read(ResultSet result) throws SQLException {
    List<AppliedMigration> rows = new ArrayList<>();
    boolean hasKind = columns(result.getMetaData()).contains("kind");
    while (result.next()) {
      rows.add(new AppliedMigration(result.getString("version"), result.getString("name"),
          result.getString("checksum"), result.getTimestamp("applied_at").toInstant(),
          result.getLong("execution_ms"), result.getBoolean("success"),
          hasKind ? result.getString("kind") : AppliedMigration.APPLIED));
    }
    return rows;
  }

  private static Set<String> columns(ResultSetMetaData metaData) throws SQLException {
    Set<String> columns = new HashSet<>();
    for (int i = 1; i <= metaData.getColumnCount(); i++) {
      columns.add(metaData.getColumnLabel(i).toLowerCase(Locale.ROOT));
    }
    return columns;
  }

  void insert(Connection connection, ResolvedMigration migration, long executionMillis, boolean success, String kind)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + quoted
        + " (version, name, checksum, execution_ms, success, kind) VALUES (?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, migration.version());
      insert.setString(2, migration.file().slug());
      insert.setString(3, migration.checksum());
      insert.setLong(4, executionMillis);
      insert.setBoolean(5, success);
      insert.setString(6, kind);
      insert.executeUpdate();
    }
  }

  /** The SQL {@link #insert} runs, with literal values, for {@code deploy --dry-run}. */
  String insertSql(ResolvedMigration migration, boolean success) {
    return "INSERT INTO " + quoted + " (version, name, checksum, execution_ms, success, kind) VALUES ("
        + Sql.literal(migration.version()) + ", " + Sql.literal(migration.file().slug()) + ", "
        + Sql.literal(migration.checksum()) + ", 0, " + success + ", '" + AppliedMigration.APPLIED + "')";
  }

  /** Finishes a row that {@link #insert} wrote before a non-transactional migration began. */
  void complete(Connection connection, String version, long executionMillis, boolean success) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement("UPDATE " + quoted
        + " SET success = ?, execution_ms = ? WHERE version = ?")) {
      update.setBoolean(1, success);
      update.setLong(2, executionMillis);
      update.setString(3, version);
      update.executeUpdate();
    }
  }

  /** {@code resolve --applied} of a failed or modified migration: the file as it is now counts as applied. */
  void markResolved(Connection connection, ResolvedMigration migration, String version) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement("UPDATE " + quoted
        + " SET success = true, checksum = ?, name = ?, kind = ?, applied_at = now(), installed_by = current_user"
        + " WHERE version = ?")) {
      update.setString(1, migration.checksum());
      update.setString(2, migration.file().slug());
      update.setString(3, AppliedMigration.RESOLVED);
      update.setString(4, version);
      update.executeUpdate();
    }
  }

  void delete(Connection connection, String version) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + quoted + " WHERE version = ?")) {
      delete.setString(1, version);
      delete.executeUpdate();
    }
  }
}

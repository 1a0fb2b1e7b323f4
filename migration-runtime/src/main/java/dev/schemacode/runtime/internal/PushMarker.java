package dev.schemacode.runtime.internal;

import dev.schemacode.runtime.PushMark;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * {@code <history table>_push}: there while {@code schemacode push} has taken the database past what
 * its history says. A deploy that finds it with migrations pending compares the database with the
 * schema they lead to before running any of them ({@link PushAdoption}); a push or deploy that brings
 * the database and its history together again drops it. A database nobody pushed has no such table,
 * and a deploy learns that in the round trip it reads the history in.
 */
public final class PushMarker {
  public static final String SUFFIX = "_push";

  private final String quoted;

  public PushMarker(String schema, String historyTable) {
    String prefix = schema == null ? "" : Sql.identifier(schema) + ".";
    this.quoted = prefix + Sql.identifier(historyTable + SUFFIX);
  }

  /** What a status read found: the history rows, and whether a push marked the database. */
  public record Read(List<dev.schemacode.runtime.AppliedMigration> rows, boolean pushed) {}

  /**
   * The history and the marker's presence in one round trip (two statements, one sync), so that a
   * deploy of a database nobody pushed costs what it did before. The history table must exist.
   */
  public Read readWithHistory(Connection connection, HistoryTable history) throws SQLException {
    return read(connection, history.readSql() + "; " + existsSql());
  }

  /**
   * As {@link #readWithHistory}, with {@link HistoryTable#createIfMissing} before it in the same round
   * trip (a deploy's first turn, under the lock): if creating fails, nothing after it runs.
   */
  public Read createAndReadWithHistory(Connection connection, HistoryTable history) throws SQLException {
    return read(connection, history.createSql() + "; " + history.readSql() + "; " + existsSql());
  }

  private Read read(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      boolean isResult = statement.execute(sql);
      while (!isResult) { // past the DO block, which returns no rows
        if (statement.getUpdateCount() == -1) {
          throw new SQLException("no answer to " + sql);
        }
        isResult = statement.getMoreResults();
      }
      List<dev.schemacode.runtime.AppliedMigration> rows;
      try (ResultSet result = statement.getResultSet()) {
        rows = HistoryTable.read(result);
      }
      statement.getMoreResults();
      try (ResultSet result = statement.getResultSet()) {
        result.next();
        return new Read(rows, result.getBoolean(1));
      }
    }
  }

  public boolean exists(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(existsSql())) {
      result.next();
      return result.getBoolean(1);
    }
  }

  private String existsSql() {
    return "SELECT to_regclass(" + Sql.literal(quoted) + ") IS NOT NULL";
  }

  /**
   * For {@code status}: the history rows and the mark, the mark's presence in the same round trip as the
   * history (a database nobody pushed pays nothing more); no rows and no mark when there is no history
   * table yet (a push always creates it).
   */
  public StatusRead readForStatus(Connection connection, HistoryTable history) throws SQLException {
    Read read;
    try {
      read = readWithHistory(connection, history);
    } catch (SQLException e) {
      if (!HistoryTable.UNDEFINED_TABLE.equals(e.getSQLState())) {
        throw e;
      }
      if (!connection.getAutoCommit()) {
        connection.rollback();
      }
      return new StatusRead(List.of(), Optional.empty());
    }
    return new StatusRead(read.rows(), read.pushed() ? read(connection) : Optional.empty());
  }

  /** What a status read found: the history rows, and the mark a push left. */
  public record StatusRead(List<dev.schemacode.runtime.AppliedMigration> rows, Optional<PushMark> mark) {}

  /** The newest push's row and how many there are, if the database is marked. */
  Optional<PushMark> read(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT pushed_at, pushed_by, changes, ledger_head, count(*) OVER ()"
            + " FROM " + quoted + " ORDER BY pushed_at DESC LIMIT 1")) {
      if (!result.next()) {
        return Optional.empty();
      }
      return Optional.of(new PushMark(result.getTimestamp(1).toInstant(), result.getString(2), result.getInt(5),
          result.getInt(3), result.getString(4)));
    }
  }

  /** Marks the database: one row per push, with the ledger head the declarations were compiled against. */
  public void mark(Connection connection, int changes, String ledgerHead) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(markSql(changes, ledgerHead));
    }
  }

  /** What {@link #mark} runs, for {@code push --dry-run}. */
  String markSql(int changes, String ledgerHead) {
    return "CREATE TABLE IF NOT EXISTS " + quoted + " (pushed_at timestamptz NOT NULL DEFAULT now(),"
        + " pushed_by text NOT NULL DEFAULT current_user, changes integer NOT NULL, ledger_head text NOT NULL);"
        + " INSERT INTO " + quoted + " (changes, ledger_head) VALUES (" + changes + ", " + Sql.literal(ledgerHead) + ")";
  }

  /** What {@link #clear} runs. */
  String clearSql() {
    return "DROP TABLE IF EXISTS " + quoted;
  }

  /** The database and its history agree again. */
  public void clear(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(clearSql());
    }
  }
}

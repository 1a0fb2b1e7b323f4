package dev.schemacode.runtime.internal;

import dev.schemacode.runtime.DatabaseUrl;
import dev.schemacode.runtime.ScriptFailedException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Runs one script on a session: in its own transaction, or, when the script says {@code --
 * schemacode:no-transaction}, statement by statement in auto-commit mode. Either way under the
 * configured timeouts, and with a failure message that names the script, the statement and its
 * line, and what PostgreSQL said.
 */
public final class ScriptRunner {
  private static final Pattern CONCURRENT_INDEX = Pattern.compile("(?is)^\\s*(CREATE|REINDEX)\\b.*\\bCONCURRENTLY\\b.*");

  private final Connection connection;
  private final Timeouts timeouts;
  private final UnaryOperator<String> redact;

  /** First, so that a script's own {@code SET LOCAL synchronous_commit} still has the last word. */
  static final String DEFER_FLUSH = "SET LOCAL synchronous_commit = off";

  ScriptRunner(Connection connection, Timeouts timeouts, UnaryOperator<String> redact) {
    this.connection = connection;
    this.timeouts = timeouts;
    this.redact = redact;
  }

  /** Runs the script and returns how long it took, in milliseconds; its commit waits for the WAL flush. */
  long run(Script script, Recorder recorder) throws SQLException {
    return run(script, recorder, Commit.FLUSHED);
  }

  /**
   * How a script's transaction commits. {@link #DEFERRED}: without waiting for the write-ahead log to
   * reach the disk ({@code synchronous_commit = off} for that transaction alone), for a migration that
   * is not the last of its deploy. The deploy's last commit waits, and the log is written in order, so
   * that wait makes every earlier commit durable too; a server crash in between can only lose a
   * suffix of the migrations together with their history rows, which leaves them pending, never half
   * applied. {@link Deploy} flushes itself when it ends without such a last commit.
   */
  enum Commit { FLUSHED, DEFERRED }

  /** As {@link #run(Script, Recorder)}; a deferred commit applies to a script in a transaction only. */
  long run(Script script, Recorder recorder, Commit commit) throws SQLException {
    List<SqlScript.Statement> statements = SqlScript.split(script.sql());
    return script.noTransaction() ? runOutsideTransaction(script, statements, recorder)
        : runInTransaction(script, statements, recorder, commit);
  }

  private long runInTransaction(Script script, List<SqlScript.Statement> statements, Recorder recorder, Commit commit)
      throws SQLException {
    long started = System.nanoTime();
    connection.setAutoCommit(false);
    SqlScript.Statement current = null;
    try (Statement statement = connection.createStatement()) {
      // The settings travel with the first statement: PgJDBC sends the statements of one execute()
      // in one round trip (BEGIN too), each parsed on its own, so PostgreSQL's error positions still
      // refer to the statement that failed. One round trip less per migration: applying many
      // migrations is mostly round trips besides the DDL itself.
      String settings = (commit == Commit.DEFERRED ? DEFER_FLUSH + "; " : "") + timeouts.setLocal();
      if (statements.isEmpty()) {
        statement.execute(settings);
      }
      for (SqlScript.Statement sql : statements) {
        current = sql;
        statement.execute(settings == null ? sql.sql() : settings + ";\n" + sql.sql());
        settings = null;
      }
      current = null;
      long millis = millisSince(started);
      String record = recorder.succeededSql(millis);
      if (record == null) {
        recorder.succeeded(connection, millis);
        connection.commit();
      } else {
        // the record and the commit in one round trip: a record that fails aborts the transaction,
        // and the server then skips the COMMIT (the catch below rolls back)
        statement.execute(record + ";\nCOMMIT");
      }
      connection.setAutoCommit(true);
      return millis;
    } catch (SQLException e) {
      rollbackQuietly();
      restoreAutoCommitQuietly(); // quietly: a lost connection must not hide which statement failed
      throw failure(script.kind() + " " + script.label() + " failed and was rolled back; nothing after it ran"
          + where(script, current, "when committing") + said(e), e, script, current);
    }
  }

  private void restoreAutoCommitQuietly() {
    try {
      connection.setAutoCommit(true);
    } catch (SQLException ignored) {
      // the connection is gone
    }
  }

  private long runOutsideTransaction(Script script, List<SqlScript.Statement> statements, Recorder recorder)
      throws SQLException {
    long started = System.nanoTime();
    int done = 0;
    SqlScript.Statement current = null;
    try (Statement statement = connection.createStatement()) {
      statement.execute(timeouts.setSession());
      try {
        recorder.started(connection);
        for (SqlScript.Statement sql : statements) {
          current = sql;
          statement.execute(sql.sql());
          done++;
        }
        current = null;
        long millis = millisSince(started);
        recorder.succeeded(connection, millis);
        return millis;
      } catch (SQLException e) {
        StringBuilder message = new StringBuilder(script.kind()).append(' ').append(script.label())
            .append(" failed; it runs outside a transaction (").append("-- schemacode:no-transaction), so ")
            .append(done == 0 ? "none of its statements had completed" : "its first " + done
                + (done == 1 ? " statement stays" : " statements stay") + " applied")
            .append("; nothing after it ran")
            .append(where(script, current, "after its last statement"))
            .append(said(e));
        if (current != null && CONCURRENT_INDEX.matcher(current.sql()).matches()) {
          message.append("; a failed CREATE INDEX CONCURRENTLY leaves an INVALID index behind: drop it before trying again");
        }
        rollbackQuietly(); // in case the script opened a transaction block of its own
        try {
          recorder.failed(connection, millisSince(started));
          if (!script.recoveryHint().isEmpty()) {
            message.append("; ").append(script.recoveryHint());
          }
        } catch (SQLException recording) {
          message.append("; recording the failure failed too: ").append(redact.apply(DatabaseUrl.firstLine(recording.getMessage())));
        }
        throw failure(message.toString(), e, script, current);
      } finally {
        resetQuietly(statement);
      }
    }
  }

  private ScriptFailedException failure(String message, SQLException e, Script script, SqlScript.Statement statement) {
    return new ScriptFailedException(message, e, script.kind(), script.label(), script.location(),
        statement == null ? 0 : statement.line(), statement == null ? null : abbreviate(statement.sql()),
        redact.apply(DatabaseUrl.firstLine(e.getMessage())));
  }

  private String where(Script script, SqlScript.Statement statement, String otherwise) {
    if (statement == null) {
      return "; it failed " + otherwise;
    }
    return "; statement at line " + statement.line() + " of " + script.location() + ": " + abbreviate(statement.sql());
  }

  private String said(SQLException e) {
    StringBuilder said = new StringBuilder("; PostgreSQL said: ").append(redact.apply(DatabaseUrl.firstLine(e.getMessage())));
    if (e instanceof PSQLException) {
      ServerErrorMessage server = ((PSQLException) e).getServerErrorMessage();
      if (server != null && server.getPosition() > 0) {
        said.append(" (at character ").append(server.getPosition()).append(" of the statement)");
      }
    }
    said.append(redact.apply(DatabaseUrl.detailAndHint(e)));
    return said.toString();
  }

  static String abbreviate(String sql) {
    String oneLine = sql.replaceAll("\\s+", " ");
    return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 117) + "...";
  }

  private void rollbackQuietly() {
    try {
      if (connection.getAutoCommit()) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("ROLLBACK");
        }
      } else {
        connection.rollback();
      }
    } catch (SQLException ignored) {
      // the connection is gone; PostgreSQL rolls back what was open
    }
  }

  private static void resetQuietly(Statement statement) {
    try {
      statement.execute(Timeouts.RESET);
    } catch (SQLException ignored) {
      // the connection is gone, and its settings with it
    }
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }
}

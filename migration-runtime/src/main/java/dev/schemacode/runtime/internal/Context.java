package dev.schemacode.runtime.internal;

import dev.schemacode.runtime.ConfigurationException;
import dev.schemacode.runtime.Environment;
import dev.schemacode.runtime.MigrationException;
import dev.schemacode.runtime.MigrationInfo;
import dev.schemacode.runtime.MigrationSource;
import dev.schemacode.runtime.MigrationStatus;
import dev.schemacode.runtime.ResolvedMigration;
import dev.schemacode.runtime.ScriptFolder;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** What every operation of a {@link Migrator} shares: its configuration and the few steps they all take. */
public final class Context {
  private static final System.Logger LOG = System.getLogger("dev.schemacode.runtime");

  /** Work on an open session. */
  public interface Work<T> {
    T run(Session session) throws SQLException;
  }

  final ConnectionFactory connections;
  /** Where changes go when the main connection is a pooler's: a real session (null: the main one). */
  public final ConnectionFactory direct;
  public final MigrationSource source;
  public final HistoryTable history;
  final AdvisoryLock lock;
  final Timeouts timeouts;
  public final boolean outOfOrder;
  public final Environment environment;
  public final ScriptFolder seeds;
  public final ScriptFolder backfills;
  /** A fleet target's tenant schema, or null for the connection's own {@code search_path}. */
  final String schema;

  public Context(ConnectionFactory connections, ConnectionFactory direct, MigrationSource source, String schema,
      String historyTable, Timeouts timeouts, Duration lockWait, boolean outOfOrder, Environment environment,
      ScriptFolder seeds, ScriptFolder backfills) {
    this.connections = connections;
    this.direct = direct;
    this.source = source;
    this.schema = schema;
    this.history = HistoryTable.of(schema, historyTable);
    this.lock = new AdvisoryLock(schema, historyTable, lockWait);
    this.timeouts = timeouts;
    this.outOfOrder = outOfOrder;
    this.environment = environment;
    this.seeds = seeds;
    this.backfills = backfills;
  }

  /** The backfills' table, made when asked: the start-up check never needs it. */
  BackfillTable backfillTable() {
    return new BackfillTable(schema, history.name());
  }

  /** Opens a session, runs the work, closes it; database errors become one line without the password. */
  public <T> T withSession(Work<T> work) {
    return withSession(connections, work);
  }

  /** A session for work that changes the database: on the direct URL when there is one. */
  public <T> T withChangeSession(Work<T> work) {
    return withSession(direct != null ? direct : connections, work);
  }

  private static <T> T withSession(ConnectionFactory factory, Work<T> work) {
    try (Session session = Session.open(factory)) {
      return work.run(session);
    } catch (SQLException e) {
      throw new MigrationException(factory.describeFailure(e), e);
    }
  }

  /**
   * Runs the work in one transaction that holds the transaction-scoped migration lock, waiting for
   * other migrators first; the lock goes with the transaction's end, whoever ends it (the work may
   * commit itself). Safe through a pooler in transaction mode. With {@code ensureHistory} the history
   * table is created first if missing, and committed, whatever becomes of the work.
   */
  public <T> T inTransaction(Session session, boolean ensureHistory, Work<T> work) throws SQLException {
    if (ensureHistory) {
      inTransaction(session, false, created -> {
        history.createIfMissing(created.connection());
        return null;
      });
    }
    return locked(session, () -> lock.acquireForTransaction(session.connection(), history.name()), work);
  }

  /** Work that gets the history as read in the same round trip as the lock. */
  interface HistoryWork<T> {
    T run(Session session, HistoryTable.StartupRead history) throws SQLException;
  }

  /**
   * As {@link #inTransaction}, with the history read in the same round trip as the lock is taken:
   * what each migration's turn in {@link Deploy} needs. With {@code expectedDigest} the work is told
   * that the history still has it, and gets its rows only when not ({@link HistoryTable#turnReadSql});
   * without, it gets every row. The history table, its summary and their check must exist.
   */
  <T> T inTransactionWithHistory(Session session, String expectedDigest, HistoryWork<T> work) throws SQLException {
    List<HistoryTable.StartupRead> read = new java.util.ArrayList<>(1);
    return locked(session, () -> read.add(lock.acquireForTransaction(session.connection(), history.name(),
        history.turnReadSql(expectedDigest), statement -> history.turnRead(statement, expectedDigest != null))),
        locked -> work.run(locked, read.get(0)));
  }

  private interface Acquisition {
    void acquire() throws SQLException;
  }

  private <T> T locked(Session session, Acquisition acquisition, Work<T> work) throws SQLException {
    Connection connection = session.connection();
    acquisition.acquire();
    try {
      T result = work.run(session);
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
      return result;
    } catch (SQLException | RuntimeException e) {
      try {
        if (!connection.isClosed() && !connection.getAutoCommit()) {
          connection.rollback();
        }
      } catch (SQLException ignored) {
        // the connection is gone, and its transaction and lock with it; do not hide the real failure
      }
      throw e;
    } finally {
      try {
        if (!connection.isClosed()) {
          connection.setAutoCommit(true);
        }
      } catch (SQLException ignored) {
        // as above
      }
    }
  }

  /**
   * Runs the work holding the session-level migration lock, for work that needs a session of its own
   * (statements in auto-commit mode, session settings); refuses, naming {@code what}, when the
   * session goes through a pooler. The history table exists by then.
   */
  public <T> T inSession(Session session, String what, Work<T> work) throws SQLException {
    requireSession(session, what);
    lock.acquireForSession(session.connection(), history.name());
    String searchPathBefore = null;
    try {
      if (schema != null) { // a session of its own (checked above): the setting is ours until the finally
        searchPathBefore = setSearchPath(session.connection(), Sql.identifier(schema));
      }
      session.watchClient();
      history.createIfMissing(session.connection());
      return work.run(session);
    } finally {
      try {
        if (searchPathBefore != null && !session.connection().isClosed()) {
          setSearchPath(session.connection(), searchPathBefore);
        }
      } catch (SQLException e) {
        LOG.log(System.Logger.Level.DEBUG, "cannot restore search_path: {0}", e.getMessage());
      }
      try {
        if (!session.connection().isClosed()) {
          lock.releaseSession(session.connection());
        }
      } catch (SQLException e) {
        // Do not hide the real failure; PostgreSQL frees the lock when the session closes anyway.
        LOG.log(System.Logger.Level.DEBUG, "cannot release the migration lock: {0}", e.getMessage());
      }
    }
  }

  /** Sets the session's {@code search_path} and returns the one it had. */
  private static String setSearchPath(Connection connection, String value) throws SQLException {
    try (java.sql.Statement statement = connection.createStatement();
        java.sql.ResultSet result = statement.executeQuery("SELECT current_setting('search_path'), set_config('search_path', "
            + Sql.literal(value) + ", false)")) {
      result.next();
      return result.getString(1);
    }
  }

  /**
   * Refuses work that needs a session when the connection goes through a pooler and no direct URL was
   * given: through PgBouncer in transaction mode its statements could run on several server
   * connections, and its session settings and lock stay behind on them for other clients. A direct
   * URL is trusted to be a session (the server, or a pooler in session mode).
   */
  void requireSession(Session session, String what) throws SQLException {
    if (direct == null && session.behindPooler()) {
      throw new ConfigurationException(what + " needs a database session of its own, but the database URL goes"
          + " through a connection pooler (such as PgBouncer in transaction mode), which shares server sessions"
          + " between clients; nothing was changed. Give the server's direct URL (or a session-mode pool's) with"
          + " --direct-url or SCHEMACODE_DIRECT_URL (Migrator.Builder.directUrl)");
    }
  }

  /** Files merged with the history: one round trip. */
  public MigrationStatus status(Session session, List<ResolvedMigration> resolved) throws SQLException {
    return MigrationStatus.merge(resolved, history.read(session.connection()));
  }

  /** As {@link #status}, with the mark a push left: one round trip, and a second only on a pushed database. */
  public MigrationStatus statusWithPush(Session session, List<ResolvedMigration> resolved) throws SQLException {
    PushMarker.StatusRead read = new PushMarker(schema, history.name()).readForStatus(session.connection(), history);
    return MigrationStatus.merge(resolved, read.rows()).withPushed(read.mark());
  }

  void failOnProblems(MigrationStatus status) {
    failOnProblems(status, false);
  }

  /** As {@link #failOnProblems(MigrationStatus)}, in a deploy that has applied some migrations already ({@code midway}). */
  void failOnProblems(MigrationStatus status, boolean midway) {
    List<MigrationInfo> problems = status.problems(outOfOrder);
    if (!problems.isEmpty()) {
      throw new MigrationException("validation failed, nothing " + (midway ? "more " : "") + "was applied: " + problems.stream()
          .map(MigrationInfo::explanation).collect(Collectors.joining("; ")));
    }
  }

  /** Seeds and backfills run against the schema of this build, never a half-migrated one. */
  void requireUpToDate(MigrationStatus status, String operation) {
    failOnProblems(status);
    List<MigrationInfo> pending = status.toApply(outOfOrder);
    if (!pending.isEmpty()) {
      throw new MigrationException("cannot " + operation + ": " + pending.size()
          + (pending.size() == 1 ? " migration is" : " migrations are") + " pending (first "
          + pending.get(0).label() + "); run `schemacode deploy` first");
    }
  }

  ScriptRunner runner(Session session) {
    return new ScriptRunner(session.connection(), timeouts, connections::redact);
  }
}

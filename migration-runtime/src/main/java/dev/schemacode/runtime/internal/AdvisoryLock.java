package dev.schemacode.runtime.internal;

import dev.schemacode.runtime.MigrationException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The PostgreSQL advisory lock that serialises migrators on one database, schema and history table,
 * in its two forms, which share one key and so exclude each other (and the session-level lock of
 * earlier schemacode versions):
 *
 * <ul>
 *   <li><b>Transaction-scoped</b> ({@code pg_try_advisory_xact_lock}), taken inside the transaction
 *       of the work it protects: a migration and its history row commit together and the lock goes
 *       with the commit. It lives on whatever server connection runs the transaction, so it is safe
 *       through a pooler in transaction mode (PgBouncer), and nothing of it outlives the transaction.
 *   <li><b>Session-level</b> ({@code pg_try_advisory_lock}), only for work that needs a session of
 *       its own anyway ({@code -- schemacode:no-transaction} scripts, seeds, reset), on a connection
 *       known to be a real session (see {@link Session#behindPooler()}).
 * </ul>
 *
 * <p>Waiters poll instead of blocking in {@code pg_advisory_lock}. A blocked {@code SELECT
 * pg_advisory_lock(…)} is a running statement with a snapshot, and {@code CREATE INDEX
 * CONCURRENTLY} in the lock holder waits for every such snapshot in the database to go away:
 * holder and waiter would wait for each other until the deadlock detector kills one (Flyway #1654).
 * A polling waiter holds a snapshot only for the microseconds of each attempt, and between attempts
 * it holds no transaction, so through a pooler it does not keep a server connection either.
 */
public final class AdvisoryLock {
  /** "schc" as an int: the first key, so our locks do not collide with an application's own. */
  public static final int NAMESPACE = 0x73636863;
  private static final long FIRST_PAUSE_MILLIS = 10;
  private static final long MAX_PAUSE_MILLIS = 500;
  private static final System.Logger LOG = System.getLogger("dev.schemacode.runtime");

  private final String schema;
  private final String resource;
  private final Duration maxWait;

  AdvisoryLock(String historyTable, Duration maxWait) {
    this(null, historyTable, maxWait);
  }

  /**
   * The lock of one fleet target's schema ({@code schema} non-null): keyed by that schema whatever the
   * connection's {@code search_path}, so the same key as a migrator whose current schema it is, and
   * each transaction that takes it also sets {@code search_path} to it, locally.
   */
  AdvisoryLock(String schema, String historyTable, Duration maxWait) {
    this.schema = schema;
    this.resource = historyTable;
    this.maxWait = maxWait;
  }

  /** The second key, as SQL: the schema and the history table, so two schemas migrate independently. */
  public static String keySql(String historyTable) {
    return keySql(null, historyTable);
  }

  /** As {@link #keySql(String)} for a given schema (null: the connection's current one). */
  static String keySql(String schema, String historyTable) {
    String schemaSql = schema == null ? "coalesce(current_schema(), '')" : Sql.literal(schema);
    return "hashtext(" + schemaSql + " || '.' || " + Sql.literal(historyTable) + ")";
  }

  /**
   * For a fleet target's schema: what every transaction that takes the lock runs first, so that the
   * migration's unqualified names resolve to the tenant. {@code SET LOCAL} ends with the transaction:
   * nothing stays behind on a server connection a transaction pooler hands to another client.
   */
  String setLocalSearchPath() {
    return schema == null ? "" : "SET LOCAL search_path TO " + Sql.identifier(schema) + "; ";
  }

  private String arguments() {
    return NAMESPACE + ", " + keySql(schema, resource);
  }

  /**
   * Takes the transaction-scoped lock in a new transaction on the connection, waiting for it as long
   * as allowed; returns with auto-commit off and the lock held until that transaction ends. The
   * transaction is READ COMMITTED whatever the connection's default, so that between statements it
   * holds no snapshot that a concurrent index build would wait for.
   */
  void acquireForTransaction(Connection connection, String historyTable) throws SQLException {
    acquireForTransaction(connection, historyTable, null, statement -> null);
  }

  /**
   * Reads what the queries sent along with the lock returned: {@code statement} is at the lock's
   * result, theirs come next ({@link Statement#getMoreResults()}).
   */
  interface Reader<T> {
    T read(Statement statement) throws SQLException;
  }

  /**
   * As {@link #acquireForTransaction(Connection, String)}, with queries sent in the same round trip
   * (one round trip per migration less); returns what {@code reader} made of their results once the
   * lock is held. The queries must not fail: they would abort the transaction.
   */
  <T> T acquireForTransaction(Connection connection, String historyTable, String alongside, Reader<T> reader)
      throws SQLException {
    connection.setAutoCommit(false);
    Waiting waiting = new Waiting(schema == null ? historyTable : schema + "." + historyTable);
    String take = "SET TRANSACTION ISOLATION LEVEL READ COMMITTED; " + setLocalSearchPath() + "SELECT pg_try_advisory_xact_lock(" + arguments() + ")"
        + (alongside == null ? "" : "; " + alongside);
    // In auto-commit mode this only asks whether the lock is free now: it is taken and let go at once.
    String probe = "SELECT pg_try_advisory_xact_lock(" + arguments() + ")";
    while (true) {
      try (Statement statement = connection.createStatement()) {
        if (firstResult(statement, take)) {
          return reader.read(statement);
        }
      }
      // While waiting: no open transaction, no snapshot, no pinned server connection.
      connection.rollback();
      connection.setAutoCommit(true);
      do {
        waiting.pause(connection);
      } while (!query(connection, probe));
      connection.setAutoCommit(false);
    }
  }

  /** Executes the SQL and returns the first result set's boolean, past any SET before it; the statement stays open. */
  private static boolean firstResult(Statement statement, String sql) throws SQLException {
    boolean isResult = statement.execute(sql);
    while (!isResult) {
      if (statement.getUpdateCount() == -1) {
        throw new SQLException("no answer to " + sql);
      }
      isResult = statement.getMoreResults();
    }
    ResultSet result = statement.getResultSet();
    result.next();
    return result.getBoolean(1);
  }

  /** Takes the session-level lock, waiting for it as long as allowed; the connection must be a session of its own. */
  void acquireForSession(Connection connection, String historyTable) throws SQLException {
    Waiting waiting = new Waiting(schema == null ? historyTable : schema + "." + historyTable);
    while (!query(connection, "SELECT pg_try_advisory_lock(" + arguments() + ")")) {
      waiting.pause(connection);
    }
  }

  void releaseSession(Connection connection) throws SQLException {
    query(connection, "SELECT pg_advisory_unlock(" + arguments() + ")");
  }

  private static boolean query(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      return firstResult(statement, sql);
    }
  }

  /** Who holds the lock, for the waiting line: backend, application, client, for how long. */
  private String holder(Connection connection) {
    String sql = "SELECT a.pid, coalesce(nullif(a.application_name, ''), '?'), coalesce(host(a.client_addr), 'local'),"
        + " extract(epoch FROM now() - coalesce(a.xact_start, a.backend_start))::bigint"
        + " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
        + " WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database"
        + " WHERE datname = current_database()) AND l.classid = " + NAMESPACE + "::oid AND l.objid = ("
        + keySql(schema, resource) + ")::oid AND l.objsubid = 2 LIMIT 1";
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      String description = result.next() ? "backend " + result.getInt(1) + ", application " + result.getString(2)
          + ", client " + result.getString(3) + ", for " + result.getLong(4) + " s" : "";
      if (!connection.getAutoCommit()) {
        connection.rollback();
      }
      return description;
    } catch (SQLException e) {
      LOG.log(System.Logger.Level.DEBUG, "cannot tell who holds the migration lock: {0}", e.getMessage());
      return "";
    }
  }

  /** One wait: says once what it waits for, backs off, and gives up after {@code maxWait} (zero: never). */
  private final class Waiting {
    private final String historyTable;
    private final long started = System.nanoTime();
    private long pause = FIRST_PAUSE_MILLIS;
    private String holder;

    Waiting(String historyTable) {
      this.historyTable = historyTable;
    }

    void pause(Connection connection) {
      if (holder == null) {
        holder = holder(connection);
        LOG.log(System.Logger.Level.INFO, "another migrator holds the lock on {0}; waiting {1}for it to finish{2}",
            historyTable, maxWait.isZero() ? "" : "up to " + Durations.format(maxWait) + " ",
            holder.isEmpty() ? "" : " (holder: " + holder + ")");
      }
      if (!maxWait.isZero() && System.nanoTime() - started > maxWait.toNanos()) {
        throw new MigrationException("gave up after " + Durations.format(maxWait) + " waiting for the migration lock on "
            + historyTable + ", which another migrator still holds" + (holder.isEmpty() ? "" : " (" + holder + ")")
            + "; this run applied nothing more. If that migrator is busy with a long migration, wait for it or raise"
            + " the wait (--lock-wait-timeout, Migrator.Builder.lockWaitTimeout)");
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new MigrationException("interrupted while waiting for the migration lock", e);
      }
      pause = Math.min(pause * 2, MAX_PAUSE_MILLIS);
    }
  }
}

package dev.schemacode.runtime;

import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/** What every operation of a {@link Migrator} shares: its configuration and the few steps they all take. */
final class Context {
  private static final System.Logger LOG = System.getLogger("dev.schemacode.runtime");

  /** Work on an open session. */
  interface Work<T> {
    T run(Session session) throws SQLException;
  }

  final ConnectionFactory connections;
  final MigrationSource source;
  final HistoryTable history;
  final BackfillTable backfillTable;
  final AdvisoryLock lock;
  final Timeouts timeouts;
  final boolean outOfOrder;
  final Environment environment;
  final ScriptFolder seeds;
  final ScriptFolder backfills;

  Context(ConnectionFactory connections, MigrationSource source, String historyTable, Timeouts timeouts,
      boolean outOfOrder, Environment environment, ScriptFolder seeds, ScriptFolder backfills) {
    this.connections = connections;
    this.source = source;
    this.history = new HistoryTable(historyTable);
    this.backfillTable = new BackfillTable(historyTable);
    this.lock = new AdvisoryLock(historyTable);
    this.timeouts = timeouts;
    this.outOfOrder = outOfOrder;
    this.environment = environment;
    this.seeds = seeds;
    this.backfills = backfills;
  }

  /** Opens a session, runs the work, closes it; database errors become one line without the password. */
  <T> T withSession(Work<T> work) {
    try (Session session = Session.open(connections)) {
      return work.run(session);
    } catch (SQLException e) {
      throw new MigrationException(connections.describeFailure(e), e);
    }
  }

  /**
   * Runs the work holding the migration lock, waiting for other migrators first; the history table
   * exists by then. Everything that changes the database goes through here, one migrator at a time.
   */
  <T> T locked(Session session, Work<T> work) throws SQLException {
    lock.acquire(session.connection(), () -> LOG.log(System.Logger.Level.INFO,
        "another migrator holds the lock on {0}; waiting for it to finish", history.name()));
    try {
      session.watchClient();
      history.createIfMissing(session.connection());
      return work.run(session);
    } finally {
      try {
        if (!session.connection().isClosed()) {
          lock.release(session.connection());
        }
      } catch (SQLException e) {
        // Do not hide the real failure; PostgreSQL frees the lock when the session closes anyway.
        LOG.log(System.Logger.Level.DEBUG, "cannot release the migration lock: {0}", e.getMessage());
      }
    }
  }

  /** Files merged with the history: one round trip. */
  MigrationStatus status(Session session, List<ResolvedMigration> resolved) throws SQLException {
    return MigrationStatus.merge(resolved, history.read(session.connection()));
  }

  void failOnProblems(MigrationStatus status) {
    List<MigrationInfo> problems = status.problems(outOfOrder);
    if (!problems.isEmpty()) {
      throw new MigrationException("validation failed, nothing was applied: " + problems.stream()
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

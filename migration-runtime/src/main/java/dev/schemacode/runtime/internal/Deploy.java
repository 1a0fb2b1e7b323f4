package dev.schemacode.runtime.internal;

import dev.schemacode.model.AppliedDigest;
import dev.schemacode.runtime.AppliedMigration;
import dev.schemacode.runtime.MigrateResult;
import dev.schemacode.runtime.MigrationException;
import dev.schemacode.runtime.MigrationInfo;
import dev.schemacode.runtime.MigrationStatus;
import dev.schemacode.runtime.ResolvedMigration;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code deploy}: validates, then applies what is pending in version order, each migration recorded
 * in the history.
 *
 * <p>Each migration in a transaction takes the migration lock inside that transaction, judges the
 * history again (reading it only when it is not as this deploy left it), and commits its history
 * row with its own changes: nothing is held between
 * migrations and nothing outlives a transaction, so this is exactly-once through a pooler in
 * transaction mode too (and the history's primary key would stop a second row for a version
 * anyway). Migrators that start together take turns, migration by migration, and each applies the
 * first one still pending. A {@code -- schemacode:no-transaction} migration needs a session: it runs
 * under the session-level lock, on a connection that is one.
 */
public final class Deploy {
  private static final System.Logger LOG = System.getLogger("dev.schemacode.runtime");

  private final Context context;
  private final PushMarker pushMarker;

  public Deploy(Context context) {
    this.context = context;
    this.pushMarker = new PushMarker(context.schema, context.history.name());
  }

  /** What one turn under the lock found: everything done, a migration applied, or one that needs a session. */
  private record Step(MigrationStatus done, ResolvedMigration applied, ResolvedMigration outside,
      Optional<CheckpointStart.Start> checkpointed, List<ResolvedMigration> recorded, Optional<String> lastAt) {
    Step(MigrationStatus done, ResolvedMigration applied, ResolvedMigration outside) {
      this(done, applied, outside, Optional.empty(), List.of(), Optional.empty());
    }

    /** {@code applied} was the last one pending: the deploy is done, at {@code version}. */
    static Step last(ResolvedMigration applied, String version) {
      return new Step(null, applied, null, Optional.empty(), List.of(), Optional.of(version));
    }
  }

  /**
   * A migration committed without waiting for the write-ahead log's flush, and no commit that waited
   * came after it: the deploy must not return, or fail, before the log is flushed (see
   * {@link ScriptRunner.Commit}).
   */
  private boolean unflushed;

  /**
   * Applies what is pending, judging the history again under the lock before every migration. Each
   * migration but the one found last pending commits without waiting for the log's flush, which is
   * most of what a commit costs: when the deploy returns, everything it applied is as durable as
   * if each had waited. Then, when it wrote history, the history's summary is compacted if it needs
   * it ({@link HistoryTable#compactSummary}).
   */
  public MigrateResult apply(Session session, List<ResolvedMigration> resolved) throws SQLException {
    MigrateResult result;
    try {
      result = applyPending(session, resolved);
    } catch (SQLException | RuntimeException e) {
      if (unflushed) {
        try {
          flush(session.connection());
        } catch (SQLException again) {
          e.addSuppressed(again); // the connection is gone; the server flushes on its own shortly
        }
      }
      throw e;
    }
    if (unflushed) { // another migrator applied the last ones
      flush(session.connection());
    }
    if (!result.applied().isEmpty() || !result.recordedAfterPush().isEmpty()) {
      context.history.compactSummary(session.connection());
    }
    return result;
  }

  /**
   * Waits until the log holds everything committed so far on the server: a transaction that takes
   * a transaction ID commits with a record of its own, and with {@code synchronous_commit} as the
   * server has it, that commit waits for the log to be flushed up to it (and replicated, where the
   * server asks for that) — which, the log being written in order, covers every earlier commit.
   */
  private void flush(java.sql.Connection connection) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(true);
    try (java.sql.Statement statement = connection.createStatement()) {
      statement.execute("SELECT txid_current()");
    } finally {
      connection.setAutoCommit(autoCommit);
    }
    unflushed = false;
  }

  /**
   * What the last turn left the history as, when it applied a migration with more pending after it:
   * the digest the history has if nobody else wrote since, and what was still to apply then. The
   * next turn asks the database for that digest, and on a match goes on from here without reading the
   * history or judging it again: an apply from empty reads one value per migration, not N(N-1)/2
   * history rows. Never
   * made when the next one pending runs outside a transaction: a turn that reads the history hands
   * that one to a session of its own.
   */
  private record Expected(AppliedDigest digest, MigrationStatus status, List<MigrationInfo> pending) {}

  private Expected expected;

  private MigrateResult applyPending(Session session, List<ResolvedMigration> resolved) throws SQLException {
    List<ResolvedMigration> applied = new ArrayList<>();
    Optional<String> checkpoint = Optional.empty();
    boolean first = true;
    while (true) {
      boolean firstTurn = first;
      Expected expecting = expected;
      expected = null;
      // The first turn creates the history table if missing, so it reads the history after that (and,
      // in the same round trip as creating it, whether a push marked the database); later turns ask
      // about it in the same round trip as the lock, and read it only when it is not as expected.
      Step step = firstTurn
          ? context.inTransaction(session, false, locked -> {
            PushMarker.Read read = pushMarker.createAndReadWithHistory(locked.connection(), context.history);
            MigrationStatus status = MigrationStatus.merge(resolved, read.rows());
            Step adopted = read.pushed() ? recordPushed(locked, status, resolved) : null;
            return adopted != null ? adopted : turn(locked, status, read.rows(), firstTurn);
          })
          : context.inTransactionWithHistory(session, expecting == null ? null : expecting.digest().hex(),
              (locked, read) -> read.matched()
                  ? apply(locked, expecting.status(), expecting.pending(), expecting.digest())
                  : turn(locked, MigrationStatus.merge(resolved, read.rows()), read.rows(), firstTurn));
      first = false;
      if (step.done() != null) {
        return new MigrateResult(applied, step.done().currentVersion(), checkpoint, step.recorded());
      }
      if (step.applied() != null) {
        applied.add(step.applied());
        if (step.lastAt().isPresent()) {
          return new MigrateResult(applied, step.lastAt(), checkpoint, List.of());
        }
        continue;
      }
      if (step.checkpointed().isPresent()) {
        applied.addAll(step.checkpointed().get().covered());
        checkpoint = Optional.of(step.checkpointed().get().checkpoint().fileName());
        continue;
      }
      ResolvedMigration outside = step.outside();
      Optional<ResolvedMigration> ran = context.inSession(session, describe(outside),
          locked -> runOutsideTransaction(locked, resolved));
      ran.ifPresent(applied::add);
    }
  }

  /**
   * A database that {@code schemacode push} took past its history, with migrations pending: before
   * running any, they are recorded as applied if it already is the schema they lead to (the migration
   * generated for what was pushed), or the deploy stops saying what to run. Null: nothing pending.
   */
  private Step recordPushed(Session session, MigrationStatus status, List<ResolvedMigration> resolved) throws SQLException {
    context.failOnProblems(status);
    List<MigrationInfo> pending = status.toApply(context.outOfOrder);
    if (pending.isEmpty()) {
      return null;
    }
    PushAdoption.Outcome outcome = PushAdoption.adopt(context, session, pending, resolved, pushMarker);
    if (outcome.refusal().isPresent()) {
      throw new MigrationException("nothing was applied: `schemacode push` changed this database, and "
          + outcome.refusal().get());
    }
    outcome.recorded().forEach(migration -> LOG.log(System.Logger.Level.INFO, "recorded {0} as applied without running"
        + " it: a push had already made the database the schema it leads to", migration.file().label()));
    return new Step(context.status(session, resolved), null, null, Optional.empty(), outcome.recorded(), Optional.empty());
  }

  /** One turn that judged the history as read ({@code rows}, under the lock). */
  private Step turn(Session session, MigrationStatus status, List<AppliedMigration> rows, boolean firstTurn)
      throws SQLException {
    context.failOnProblems(status, !firstTurn); // later: another writer changed the history under a running deploy
    List<MigrationInfo> pending = status.toApply(context.outOfOrder);
    if (pending.isEmpty()) {
      return new Step(status, null, null);
    }
    if (firstTurn) {
      // a new database starts from the newest checkpoint, if there is one
      Optional<CheckpointStart.Start> checkpointed = new CheckpointStart(context).runIfNew(session, status);
      if (checkpointed.isPresent()) {
        return new Step(null, null, null, checkpointed, List.of(), Optional.empty());
      }
    }
    if (firstTurn) { // refuse before anything is applied, not half-way
      // a misspelled directive in any of them stops the deploy before the first one runs
      pending.forEach(info -> Script.check(info.resolved().orElseThrow().script(), info.resolved().orElseThrow().location()));
      for (MigrationInfo info : pending) {
        ResolvedMigration migration = info.resolved().orElseThrow();
        if (migration.noTransaction()) {
          context.requireSession(session, describe(migration));
        }
      }
    }
    ResolvedMigration next = pending.get(0).resolved().orElseThrow();
    if (next.noTransaction()) {
      return new Step(null, null, next); // ending this transaction lets the lock go; the session lock takes over
    }
    return apply(session, status, pending, pending.size() > 1 ? HistoryDigest.of(rows) : null);
  }

  /**
   * Applies the first of {@code pending} in this turn's transaction, which commits it, and frees the
   * lock. {@code digest}: the history's as this turn found it, to expect at the next turn (null when
   * this is the last one pending).
   */
  private Step apply(Session session, MigrationStatus status, List<MigrationInfo> pending, AppliedDigest digest)
      throws SQLException {
    ResolvedMigration next = pending.get(0).resolved().orElseThrow();
    // commits, and frees the lock; a pending migration with a row is a reverted one, whose row is replaced.
    // Only the last one pending waits for the log's flush.
    ScriptRunner.Commit commit = pending.size() == 1 ? ScriptRunner.Commit.FLUSHED : ScriptRunner.Commit.DEFERRED;
    long millis = context.runner(session).run(Script.of(next), recorder(next, pending.get(0).applied().isEmpty()), commit);
    unflushed = commit == ScriptRunner.Commit.DEFERRED;
    LOG.log(System.Logger.Level.INFO, "applied {0} ({1} ms)", next.file().label(), millis);
    if (pending.size() == 1) {
      // It was the last one pending under the lock, and it is applied: another turn would only take the
      // lock and read the history to find nothing to do (two round trips per deploy less).
      String version = status.currentVersion().filter(current -> Long.parseLong(current) > next.file().number())
          .orElse(next.version());
      return Step.last(next, version);
    }
    pending.get(0).applied().ifPresent(replaced -> digest.toggle(replaced.version(), replaced.checksum(), replaced.success()));
    digest.toggle(next.version(), next.checksum(), true);
    List<MigrationInfo> after = pending.subList(1, pending.size());
    if (!after.get(0).resolved().orElseThrow().noTransaction()) {
      expected = new Expected(digest, status, after);
    }
    return new Step(null, next, null);
  }

  /** Under the session lock: the first pending migration, if it still is one outside a transaction. */
  private Optional<ResolvedMigration> runOutsideTransaction(Session session, List<ResolvedMigration> resolved)
      throws SQLException {
    MigrationStatus status = context.status(session, resolved);
    context.failOnProblems(status);
    List<MigrationInfo> pending = status.toApply(context.outOfOrder);
    if (pending.isEmpty() || !pending.get(0).resolved().orElseThrow().noTransaction()) {
      return Optional.empty(); // another migrator got there first
    }
    ResolvedMigration next = pending.get(0).resolved().orElseThrow();
    long millis = context.runner(session).run(Script.of(next), recorder(next, false));
    unflushed = false; // its statements and history row commit one by one, each waiting for the flush
    LOG.log(System.Logger.Level.INFO, "applied {0} ({1} ms)", next.file().label(), millis);
    return Optional.of(next);
  }

  private static String describe(ResolvedMigration migration) {
    return "migration " + migration.file().label() + " runs outside a transaction (-- schemacode:no-transaction) and";
  }

  /** {@code noRowYet}: the history has no row of this version (under the lock), so a plain insert records it. */
  private Recorder recorder(ResolvedMigration migration, boolean noRowYet) {
    HistoryTable history = context.history;
    boolean outsideTransaction = migration.noTransaction();
    return new Recorder() {
      @Override
      public String succeededSql(long millis) {
        // sent with the COMMIT; it fails on the primary key if a row appeared after all, and nothing commits
        return outsideTransaction || !noRowYet ? null : history.insertSql(migration, millis, true);
      }

      @Override
      public void started(Connection connection) throws SQLException {
        history.insert(connection, migration, 0, false, AppliedMigration.APPLIED);
      }

      @Override
      public void succeeded(Connection connection, long millis) throws SQLException {
        if (outsideTransaction) {
          history.complete(connection, migration.version(), millis, true);
        } else {
          history.insert(connection, migration, millis, true, AppliedMigration.APPLIED);
        }
      }

      @Override
      public void failed(Connection connection, long millis) throws SQLException {
        history.complete(connection, migration.version(), millis, false);
      }
    };
  }
}

package dev.schemacode.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** {@code deploy}: validates, then applies what is pending in version order, each migration recorded in the history. */
final class Deploy {
  private static final System.Logger LOG = System.getLogger("dev.schemacode.runtime");

  private final Context context;

  Deploy(Context context) {
    this.context = context;
  }

  /** Holding the lock: reads the history again (another migrator may have done it all meanwhile) and applies. */
  MigrateResult apply(Session session, List<ResolvedMigration> resolved) throws SQLException {
    MigrationStatus status = context.status(session, resolved);
    context.failOnProblems(status);
    ScriptRunner runner = context.runner(session);
    List<ResolvedMigration> applied = new ArrayList<>();
    List<MigrationInfo> toApply = status.toApply(context.outOfOrder);
    // a misspelled directive in any of them stops the deploy before the first one runs
    toApply.forEach(info -> Script.check(info.resolved().orElseThrow().script(), info.resolved().orElseThrow().location()));
    for (MigrationInfo info : toApply) {
      ResolvedMigration migration = info.resolved().orElseThrow();
      long millis = runner.run(Script.of(migration), recorder(migration));
      applied.add(migration);
      LOG.log(System.Logger.Level.INFO, "applied {0} ({1} ms)", migration.file().label(), millis);
    }
    Optional<String> current = Stream.concat(status.currentVersion().stream(), applied.stream().map(ResolvedMigration::version))
        .max(Comparator.comparingLong(Long::parseLong));
    return new MigrateResult(applied, current);
  }

  private Recorder recorder(ResolvedMigration migration) {
    HistoryTable history = context.history;
    boolean outsideTransaction = migration.noTransaction();
    return new Recorder() {
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

package dev.schemacode.runtime.internal;

import dev.schemacode.model.LedgerEntry;
import dev.schemacode.runtime.AppliedMigration;
import dev.schemacode.runtime.DeployPlan;
import dev.schemacode.runtime.MigrationException;
import dev.schemacode.runtime.MigrationInfo;
import dev.schemacode.runtime.MigrationStatus;
import dev.schemacode.runtime.ResolvedMigration;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Renders the SQL a deploy would run, statement by statement as the runner would send it. */
public final class DryRun {
  private final Context context;

  public DryRun(Context context) {
    this.context = context;
  }

  /**
   * What the deploy would do on this session's database: on one a push marked, with migrations pending, it
   * compares before it runs anything (records them as applied, or refuses: so does the dry run); otherwise
   * {@link #plan(MigrationStatus)}.
   */
  public DeployPlan plan(Session session, MigrationStatus status, List<ResolvedMigration> resolved) throws SQLException {
    context.failOnProblems(status);
    List<MigrationInfo> pending = status.toApply(context.outOfOrder);
    PushMarker marker = new PushMarker(context.schema, context.history.name());
    if (pending.isEmpty() || !marker.exists(session.connection())) {
      return plan(status);
    }
    PushAdoption.Outcome outcome = PushAdoption.check(context, session, pending, resolved);
    if (outcome.refusal().isPresent()) {
      throw new MigrationException("deploy would apply nothing: `schemacode push` changed this database, and "
          + outcome.refusal().get());
    }
    StringBuilder sql = new StringBuilder()
        .append("-- `schemacode push` made this database the schema the pending migrations lead to: they are recorded"
            + " as applied without running (kind push), and the push marker goes\n")
        .append("BEGIN;\n")
        .append("SELECT pg_try_advisory_xact_lock(").append(lockArguments()).append(");  -- held until COMMIT\n");
    for (ResolvedMigration migration : outcome.recorded()) {
      sql.append(context.history.insertSql(migration.version(), migration.file().slug(), migration.checksum(), true,
          AppliedMigration.PUSHED)).append(";\n");
    }
    sql.append(marker.clearSql()).append(";\nCOMMIT;\n");
    return new DeployPlan(List.of(), status.currentVersion(), sql.toString(), Optional.empty(), outcome.recorded());
  }

  public DeployPlan plan(MigrationStatus status) {
    context.failOnProblems(status);
    // A new database starts from the newest checkpoint, as the deploy would: its script and history rows,
    // then only the migrations after it (whose files may be all that is left once the others are archived).
    Optional<CheckpointStart.Start> start = new CheckpointStart(context).plan(status);
    List<ResolvedMigration> migrations = status.toApply(context.outOfOrder).stream()
        .map(info -> info.resolved().orElseThrow())
        .filter(migration -> start.filter(s -> s.checkpoint().covers(migration.file())).isEmpty()).toList();
    StringBuilder sql = new StringBuilder();
    if (!migrations.isEmpty() || start.isPresent()) {
      sql.append("-- each migration takes the advisory lock on ").append(context.history.name())
          .append(" (waiting while another migrator holds it) and checks the history is as the deploy left it (reading it"
              + " again only when another writer changed it); once, the history table is"
              + " created if missing:\n")
          .append(context.history.createSql()).append(";\n");
    }
    HistoryTable history = context.history;
    migrations.forEach(migration -> Script.check(migration.script(), migration.location()));
    start.ifPresent(checkpoint -> checkpoint(sql, checkpoint));
    for (ResolvedMigration migration : migrations) {
      boolean last = migration == migrations.get(migrations.size() - 1);
      sql.append('\n');
      List<SqlScript.Statement> statements = SqlScript.split(migration.script());
      if (migration.noTransaction()) {
        sql.append("-- ").append(migration.file().label()).append(": outside a transaction, statement by statement (")
            .append(migration.location()).append(")\n")
            .append("SELECT pg_try_advisory_lock(").append(lockArguments()).append(");  -- on a session of its own\n")
            .append(context.timeouts.setSession()).append(";\n")
            .append(history.insertSql(migration, false)).append(";  -- marks it failed until it completes\n");
        statements.forEach(statement -> sql.append(statement.sql()).append(";\n"));
        sql.append("UPDATE ").append(history.quoted()).append(" SET success = true WHERE version = ")
            .append(Sql.literal(migration.version())).append(";\n")
            .append(Timeouts.RESET).append(";\n")
            .append("SELECT pg_advisory_unlock(").append(lockArguments()).append(");\n");
      } else {
        sql.append("-- ").append(migration.file().label()).append(": in its own transaction (")
            .append(migration.location()).append(")\n")
            .append("BEGIN;\n")
            .append("SELECT pg_try_advisory_xact_lock(").append(lockArguments()).append(");  -- held until COMMIT\n")
            .append(last ? "" : ScriptRunner.DEFER_FLUSH + ";  -- the deploy's last commit waits for the flush\n")
            .append(context.timeouts.setLocal()).append(";\n");
        statements.forEach(statement -> sql.append(statement.sql()).append(";\n"));
        sql.append(history.insertSql(migration, true)).append(";\n")
            .append("COMMIT;\n");
      }
    }
    return new DeployPlan(migrations, status.currentVersion(), sql.toString(), start.map(s -> new DeployPlan.FromCheckpoint(
        s.checkpoint().fileName(), s.checkpoint().version(), s.coveredEntries().size())), List.of());
  }

  /** The checkpoint's script in one transaction, with the history rows of the migrations it stands for. */
  private void checkpoint(StringBuilder sql, CheckpointStart.Start start) {
    sql.append('\n')
        .append("-- ").append(start.label()).append(": a new database starts from the newest checkpoint, in its own"
            + " transaction (").append(context.source.description()).append('/').append(start.checkpoint().fileName())
        .append("); the ").append(start.coveredEntries().size()).append(" migrations it stands for are recorded as"
            + " applied without running\n")
        .append("BEGIN;\n")
        .append("SELECT pg_try_advisory_xact_lock(").append(lockArguments()).append(");  -- held until COMMIT\n")
        .append(context.timeouts.setLocal()).append(";\n");
    SqlScript.split(start.sql()).forEach(statement -> sql.append(statement.sql()).append(";\n"));
    for (LedgerEntry entry : start.coveredEntries()) {
      sql.append(context.history.insertSql(entry.file().version(), entry.file().slug(), entry.checksum(), true,
          AppliedMigration.CHECKPOINT)).append(";\n");
    }
    sql.append("COMMIT;\n");
  }

  private String lockArguments() {
    return AdvisoryLock.NAMESPACE + ", " + AdvisoryLock.keySql(context.schema, context.history.name());
  }
}

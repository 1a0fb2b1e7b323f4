package dev.schemacode.runtime.internal;

import dev.schemacode.runtime.DeployPlan;
import dev.schemacode.runtime.MigrationStatus;
import dev.schemacode.runtime.ResolvedMigration;
import java.util.List;

/** Renders the SQL a deploy would run, statement by statement as the runner would send it. */
public final class DryRun {
  private final Context context;

  public DryRun(Context context) {
    this.context = context;
  }

  public DeployPlan plan(MigrationStatus status) {
    context.failOnProblems(status);
    List<ResolvedMigration> migrations = status.toApply(context.outOfOrder).stream()
        .map(info -> info.resolved().orElseThrow()).toList();
    StringBuilder sql = new StringBuilder();
    if (!migrations.isEmpty()) {
      sql.append("-- each migration takes the advisory lock on ").append(context.history.name())
          .append(" (waiting while another migrator holds it) and reads the history again; once, the history table is"
              + " created if missing:\n")
          .append(context.history.createSql()).append(";\n");
    }
    HistoryTable history = context.history;
    migrations.forEach(migration -> Script.check(migration.script(), migration.location()));
    for (ResolvedMigration migration : migrations) {
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
            .append(context.timeouts.setLocal()).append(";\n");
        statements.forEach(statement -> sql.append(statement.sql()).append(";\n"));
        sql.append(history.insertSql(migration, true)).append(";\n")
            .append("COMMIT;\n");
      }
    }
    return new DeployPlan(migrations, status.currentVersion(), sql.toString());
  }

  private String lockArguments() {
    return AdvisoryLock.NAMESPACE + ", " + AdvisoryLock.keySql(context.schema, context.history.name());
  }
}

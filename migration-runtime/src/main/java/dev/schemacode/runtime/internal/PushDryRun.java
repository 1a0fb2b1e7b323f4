package dev.schemacode.runtime.internal;

import dev.schemacode.model.DeclaredSchema;
import dev.schemacode.model.Ledger;
import dev.schemacode.model.MigrationScript;
import dev.schemacode.model.ScriptDirectives;
import dev.schemacode.model.SchemaChange;
import dev.schemacode.model.SchemaDiff;
import dev.schemacode.runtime.AppliedMigration;
import dev.schemacode.runtime.DeployPlan;
import dev.schemacode.runtime.MigrationInfo;
import dev.schemacode.runtime.MigrationStatus;
import dev.schemacode.runtime.PushPlan;
import dev.schemacode.runtime.ResolvedMigration;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * {@code push --dry-run}: decides what {@link Push} would, on the same guard and the same comparison,
 * and renders the SQL it would send instead of sending it. No lock (it changes nothing), and no data-loss
 * refusal: the plan lists the changes that lose data, and the caller says that push would refuse them.
 */
public final class PushDryRun {
  private final Context context;

  public PushDryRun(Context context) {
    this.context = context;
  }

  public PushPlan plan(Session session, List<ResolvedMigration> resolved, DeclaredSchema declared) throws SQLException {
    Connection connection = session.connection();
    Push.Start start = Push.start(context, session, resolved);
    PushMarker marker = start.marker();
    MigrationStatus status = start.status();
    boolean pushed = start.pushed();
    DeployPlan deployFirst = !pushed && !status.toApply(context.outOfOrder).isEmpty()
        ? new DryRun(context).plan(status) : new DeployPlan(List.of(), status.currentVersion(), "");

    Optional<Ledger> ledger = context.source.ledger();
    // After the pending migrations the database is meant to be the schema they lead to: the push's changes
    // are the difference from there, as the database cannot be read in a state it is not in yet.
    SchemaDiff diff = !deployFirst.isEmpty() && ledger.isPresent()
        ? SchemaDiff.between(ledger.get().schema(), declared.schema(), declared.renames())
        : LiveDatabase.against(connection, context.history.name(), declared.schema(), declared.renames(), ledger, resolved);
    List<SchemaChange> changes = Push.changes(diff);
    boolean inMigrations = Push.inMigrations(ledger, declared);

    StringBuilder sql = new StringBuilder();
    String lock = AdvisoryLock.NAMESPACE + ", " + AdvisoryLock.keySql(context.schema, context.history.name());
    // The history table's DDL (created first if missing) is left out: deploy --dry-run shows it, and a
    // database nobody deployed gets it in the pending migrations' part below.
    sql.append("-- push holds the session-level migration lock throughout (waiting while another migrator holds it),"
            + " and creates the history table first if it is missing\n")
        .append("SELECT pg_try_advisory_lock(").append(lock).append(");\n");
    if (!deployFirst.isEmpty()) {
      sql.append("\n-- first, as deploy runs them: the pending migrations of a database nobody pushed\n")
          .append(deployFirst.sql());
    }
    List<MigrationScript.File> files = Push.files(changes);
    int part = 1;
    for (MigrationScript.File file : files) {
      script(sql, Push.label(part++, files.size()), file.script());
    }
    sql.append('\n');
    if (inMigrations) {
      List<MigrationInfo> pending = deployFirst.isEmpty() ? status.toApply(context.outOfOrder) : List.of();
      if (!pending.isEmpty()) {
        sql.append("-- the declarations are what the migrations record: once the database is the schema the pending"
            + " ones lead to (compared under the lock), they are recorded as applied without running\nBEGIN;\n");
        for (MigrationInfo info : pending) {
          ResolvedMigration migration = info.resolved().orElseThrow();
          sql.append(context.history.insertSql(migration.version(), migration.file().slug(), migration.checksum(), true,
              AppliedMigration.PUSHED)).append(";\n");
        }
        sql.append(marker.clearSql()).append(";\nCOMMIT;\n");
      } else if (pushed) {
        sql.append("-- the declarations are what the migrations record: the database and its history agree again\n")
            .append(marker.clearSql()).append(";\n");
      }
    } else if (!changes.isEmpty() || !pushed) {
      sql.append("-- no migration holds these changes yet: the database is marked as pushed, so that deploy compares"
          + " before it runs the migration generated for them\n")
          .append(marker.markSql(changes.size(), declared.ledgerHead())).append(";\n");
    }
    sql.append("SELECT pg_advisory_unlock(").append(lock).append(");\n");
    return new PushPlan(deployFirst, changes, inMigrations, sql.toString());
  }

  /** One script as the runner sends it: in a transaction, or statement by statement when it says so. */
  private void script(StringBuilder sql, String label, String script) {
    List<SqlScript.Statement> statements = SqlScript.split(script);
    sql.append('\n');
    if (ScriptDirectives.noTransaction(script)) {
      sql.append("-- ").append(label).append(": outside a transaction, statement by statement\n")
          .append(context.timeouts.setSession()).append(";\n");
      statements.forEach(statement -> sql.append(statement.sql()).append(";\n"));
      sql.append(Timeouts.RESET).append(";\n");
    } else {
      sql.append("-- ").append(label).append(": in its own transaction\nBEGIN;\n")
          .append(context.timeouts.setLocal()).append(";\n");
      statements.forEach(statement -> sql.append(statement.sql()).append(";\n"));
      sql.append("COMMIT;\n");
    }
  }
}

package dev.schemacode.runtime.internal;

import dev.schemacode.model.DeclaredSchema;
import dev.schemacode.model.Ledger;
import dev.schemacode.model.MigrationScript;
import dev.schemacode.model.SchemaChange;
import dev.schemacode.model.SchemaDiff;
import dev.schemacode.runtime.MigrationException;
import dev.schemacode.runtime.MigrationInfo;
import dev.schemacode.runtime.MigrationStatus;
import dev.schemacode.runtime.PushResult;
import dev.schemacode.runtime.ResolvedMigration;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code push}: makes a development database the schema the entities declare, without a migration.
 * Holding the session lock (the safe forms build indexes outside a transaction):
 *
 * <ol>
 *   <li>a database nobody pushed gets its pending migrations first, by {@link Deploy}, as they are
 *       how its schema is meant to get there (a new database, a teammate's migration);
 *   <li>the live database is compared with the declared schema the build left in the class output,
 *       renames included; changes that lose data are refused unless accepted, listing them;
 *   <li>the changes run as the generator would write them (its safe forms: a narrowing still fails
 *       on rows that do not fit rather than cutting them), recorded nowhere in the history;
 *   <li>when the declarations are what the migrations record (the migration was generated), the
 *       pending ones are recorded as applied ({@link PushAdoption}) and the marker goes; otherwise the
 *       database is marked as pushed ({@link PushMarker}), so that a later deploy compares first.
 * </ol>
 */
public final class Push {
  private static final System.Logger LOG = System.getLogger("dev.schemacode.runtime");

  private final Context context;

  public Push(Context context) {
    this.context = context;
  }

  /** Where push and its dry run both start: the database agrees it is not production, the history has no problem. */
  record Start(PushMarker marker, MigrationStatus status, boolean pushed) {}

  static Start start(Context context, Session session, List<ResolvedMigration> resolved) throws SQLException {
    EnvironmentGuard.requireDatabaseAgrees(session.connection(), context.environment, "push");
    PushMarker marker = new PushMarker(context.schema, context.history.name());
    MigrationStatus status = context.status(session, resolved);
    context.failOnProblems(status);
    return new Start(marker, status, marker.exists(session.connection()));
  }

  public PushResult run(Session session, List<ResolvedMigration> resolved, DeclaredSchema declared,
      boolean acceptDataLoss) throws SQLException {
    Connection connection = session.connection();
    Start start = start(context, session, resolved);
    PushMarker marker = start.marker();
    MigrationStatus status = start.status();
    boolean pushed = start.pushed();
    List<ResolvedMigration> deployed = List.of();
    if (!pushed && !status.toApply(context.outOfOrder).isEmpty()) {
      deployed = new Deploy(context).apply(session, resolved).applied();
    }

    Optional<Ledger> ledger = context.source.ledger();
    SchemaDiff diff = LiveDatabase.against(connection, context.history.name(), declared.schema(), declared.renames(),
        ledger, resolved);
    List<SchemaChange> changes = changes(diff);
    List<SchemaChange> losing = changes.stream().filter(change -> change.dataLoss().isPresent()).toList();
    if (!losing.isEmpty() && !acceptDataLoss) {
      throw new MigrationException(refusal(losing, changes));
    }
    int part = 1;
    List<MigrationScript.File> files = files(changes);
    for (MigrationScript.File file : files) {
      String label = label(part, files.size());
      context.runner(session).run(new Script("push", label, "schemacode push", file.script(),
          "a push is not recorded: fix the cause (or run `schemacode reset`) and push again"), Recorder.NONE);
      part++;
    }
    changes.forEach(change -> LOG.log(System.Logger.Level.INFO, "pushed: {0}", change.describe()));

    // The declarations are what the migrations record: the database and its history can agree again.
    boolean inMigrations = inMigrations(ledger, declared);
    List<ResolvedMigration> recorded = List.of();
    Optional<String> notRecorded = Optional.empty();
    if (inMigrations) {
      List<MigrationInfo> pending = context.status(session, resolved).toApply(context.outOfOrder);
      PushAdoption.Outcome outcome = context.inTransaction(session, false, locked -> pending.isEmpty()
          ? clear(locked, marker) : PushAdoption.adopt(context, locked, pending, resolved, marker));
      recorded = outcome.recorded();
      notRecorded = outcome.refusal();
    } else if (!changes.isEmpty() || !pushed) {
      marker.mark(connection, changes.size(), declared.ledgerHead());
    }
    return new PushResult(deployed, changes, recorded, inMigrations, notRecorded);
  }

  /** The changes a diff asks for; a diff the generator cannot express refuses the push. */
  static List<SchemaChange> changes(SchemaDiff diff) {
    if (!diff.problems().isEmpty()) {
      throw new MigrationException("cannot push, nothing was changed: " + diff.problems().stream()
          .map(SchemaDiff.Problem::message).collect(Collectors.joining("; ")));
    }
    return diff.changes();
  }

  /** The changes as the generator writes them: one script per phase, so the safe forms' steps commit separately. */
  static List<MigrationScript.File> files(List<SchemaChange> changes) {
    return MigrationScript.plan(1, "push", changes, MigrationScript.DEFAULT_LOCK_TIMEOUT);
  }

  static String label(int part, int parts) {
    return parts == 1 ? "push" : "push, part " + part + " of " + parts;
  }

  /** Whether the declarations are what the migrations record (the migration for them was generated). */
  static boolean inMigrations(Optional<Ledger> ledger, DeclaredSchema declared) {
    return ledger.map(recorded -> SchemaDiff.between(recorded.schema(), declared.schema()).isEmpty()).orElse(false);
  }

  private static PushAdoption.Outcome clear(Session session, PushMarker marker) throws SQLException {
    marker.clear(session.connection());
    return new PushAdoption.Outcome(List.of(), Optional.empty());
  }

  /** One line: the changes that lose data first, then the rest that would go with them. */
  static String refusal(List<SchemaChange> losing, List<SchemaChange> changes) {
    List<SchemaChange> rest = new ArrayList<>(changes);
    rest.removeAll(losing);
    return "refusing to push, nothing was changed: " + losing.size() + (losing.size() == 1 ? " change loses" : " changes lose")
        + " data (" + describe(losing) + "); run push again with --accept-data-loss to apply "
        + (losing.size() == 1 ? "it" : "them") + (rest.isEmpty() ? "" : " with the other " + rest.size()
        + (rest.size() == 1 ? " change" : " changes") + " (" + describe(rest) + ")");
  }

  private static String describe(List<SchemaChange> changes) {
    return changes.stream().map(SchemaChange::describe).collect(Collectors.joining("; "));
  }
}

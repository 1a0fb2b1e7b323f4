package dev.schemacode.runtime.internal;

import dev.schemacode.model.Ledger;
import dev.schemacode.model.LedgerEntry;
import dev.schemacode.model.Renames;
import dev.schemacode.model.SchemaDiff;
import dev.schemacode.runtime.AppliedMigration;
import dev.schemacode.runtime.MigrationInfo;
import dev.schemacode.runtime.MigrationState;
import dev.schemacode.runtime.ResolvedMigration;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A pushed database meets the migration generated for what was pushed: when the database already is
 * the schema the pending migrations lead to (the ledger's), they are recorded as applied (kind {@link
 * AppliedMigration#PUSHED}) instead of run, and the push marker goes. Only generated migrations: the
 * ledger's schema says what they build, while a hand-written one may change data, which no catalog
 * comparison can see.
 */
final class PushAdoption {
  private PushAdoption() {}

  /** The migrations recorded, or why none could be. */
  record Outcome(List<ResolvedMigration> recorded, Optional<String> refusal) {
    static Outcome refused(String reason) {
      return new Outcome(List.of(), Optional.of(reason));
    }
  }

  /** Runs in the caller's transaction, holding the lock; records nothing unless every pending migration can be. */
  static Outcome adopt(Context context, Session session, List<MigrationInfo> pending, List<ResolvedMigration> resolved,
      PushMarker marker) throws SQLException {
    Outcome outcome = check(context, session, pending, resolved);
    if (outcome.refusal().isPresent()) {
      return outcome;
    }
    for (ResolvedMigration migration : outcome.recorded()) {
      context.history.insert(session.connection(), migration, 0, true, AppliedMigration.PUSHED);
    }
    marker.clear(session.connection());
    return outcome;
  }

  /**
   * Whether every pending migration can be recorded as applied (the ones that would be), or why not;
   * changes nothing, so that {@code deploy --dry-run} says what the deploy would do.
   */
  static Outcome check(Context context, Session session, List<MigrationInfo> pending, List<ResolvedMigration> resolved)
      throws SQLException {
    String names = pending.stream().map(MigrationInfo::label).collect(Collectors.joining(", "));
    Optional<Ledger> ledger = context.source.ledger();
    if (ledger.isEmpty()) {
      return Outcome.refused("without the ledger beside the migrations there is no schema to compare " + names + " with");
    }
    List<ResolvedMigration> migrations = new ArrayList<>();
    for (MigrationInfo info : pending) {
      if (info.state() != MigrationState.PENDING) {
        return Outcome.refused(info.label() + " is " + info.state().name().toLowerCase(java.util.Locale.ROOT)
            + ", and only the newest migrations can be compared with the ledger's schema");
      }
      ResolvedMigration migration = info.resolved().orElseThrow();
      boolean generated = ledger.get().entry(migration.file().fileName())
          .filter(entry -> entry.origin() == LedgerEntry.Origin.GENERATED).isPresent();
      if (!generated) {
        return Outcome.refused(info.label() + " is hand-written, and no comparison of the catalog can tell whether"
            + " what it does was done: run `schemacode reset` (it rebuilds the database from every migration), or"
            + " apply it by hand and run `schemacode resolve --applied " + info.version() + "`");
      }
      migrations.add(migration);
    }
    SchemaDiff diff = LiveDatabase.against(session.connection(), context.history.name(), ledger.get().schema(),
        Renames.NONE, ledger, resolved);
    if (!diff.changes().isEmpty()) {
      return Outcome.refused("the database is not the schema " + names + " lead" + (pending.size() == 1 ? "s" : "")
          + " to (" + diff.changes().size() + " difference" + (diff.changes().size() == 1 ? "" : "s") + ", first: "
          + diff.changes().get(0).describe() + "): push with the build that generated "
          + (pending.size() == 1 ? "it" : "them") + " (it records them once the database matches), or run"
          + " `schemacode reset`");
    }
    return new Outcome(migrations, Optional.empty());
  }
}

package dev.schemacode.runtime.internal;

import dev.schemacode.model.Checkpoint;
import dev.schemacode.model.Checksums;
import dev.schemacode.model.Ledger;
import dev.schemacode.model.LedgerEntry;
import dev.schemacode.runtime.AppliedMigration;
import dev.schemacode.runtime.ConfigurationException;
import dev.schemacode.runtime.MigrationInfo;
import dev.schemacode.runtime.MigrationSource;
import dev.schemacode.runtime.MigrationStatus;
import dev.schemacode.runtime.ResolvedMigration;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * A new database starts from the newest checkpoint: when the history has no migration in effect, the
 * checkpoint's script builds the schema as of its version, and the migrations it covers are recorded
 * as applied (kind {@code checkpoint}, each with the ledger's checksum) in the same transaction. A
 * database with any migration in effect never runs a checkpoint. Only then is the ledger read, so
 * the start-up path of an up-to-date database costs nothing more.
 */
public final class CheckpointStart {
  private static final System.Logger LOG = System.getLogger("dev.schemacode.runtime");

  private final Context context;

  CheckpointStart(Context context) {
    this.context = context;
  }

  /**
   * What a new database starts from: the checkpoint, its script (checked against the ledger), and the
   * migrations it stands for (recorded as applied, kind {@code checkpoint}, without running).
   */
  record Start(Checkpoint checkpoint, String sql, List<LedgerEntry> coveredEntries, List<ResolvedMigration> covered) {
    String label() {
      return "C" + checkpoint.version() + "__checkpoint";
    }
  }

  /**
   * The checkpoint a deploy of these migrations starts from, if it starts from one: the database has no
   * migration in effect, something is to apply, and the newest checkpoint is not past the last of them
   * (a {@code deploy --to} below it applies the files up to there instead). Checks the checkpoint's
   * script and the scripts that follow it; changes nothing, so the dry run shows what the deploy does.
   */
  Optional<Start> plan(MigrationStatus status) {
    if (status.migrations().stream().anyMatch(m -> m.applied().filter(AppliedMigration::inEffect).isPresent())) {
      return Optional.empty();
    }
    List<MigrationInfo> toApply = status.toApply(context.outOfOrder);
    if (toApply.isEmpty()) {
      return Optional.empty();
    }
    Optional<Ledger> ledger = context.source.ledger();
    Optional<Checkpoint> newest = ledger.flatMap(Ledger::newestCheckpoint);
    if (newest.isEmpty() || newest.get().number() > toApply.get(toApply.size() - 1).number()) {
      return Optional.empty();
    }
    Checkpoint checkpoint = newest.get();
    String sql = context.source.companion(checkpoint.fileName()).orElseThrow(() -> new ConfigurationException(
        checkpoint.fileName() + " is recorded in the ledger at " + context.source.description()
            + " but is not there; a new database starts from it: restore it, or rebuild"));
    String checksum = Checksums.ofScript(sql);
    if (!checksum.equals(checkpoint.checksum())) {
      throw new ConfigurationException(checkpoint.fileName() + " in " + context.source.description()
          + " does not match the ledger (its checksum is " + checksum + ", the build recorded " + checkpoint.checksum()
          + "); restore it, or rebuild");
    }
    for (MigrationInfo info : toApply) {
      ResolvedMigration migration = info.resolved().orElseThrow();
      if (!checkpoint.covers(migration.file())) {
        Script.check(migration.script(), migration.location()); // what follows it must be fine before it runs
      }
    }
    List<LedgerEntry> coveredEntries = ledger.get().migrations().stream().filter(e -> checkpoint.covers(e.file())).toList();
    List<ResolvedMigration> covered = status.migrations().stream()
        .filter(m -> m.resolved().isPresent() && checkpoint.covers(m.resolved().get().file()))
        .map(m -> m.resolved().get()).toList();
    return Optional.of(new Start(checkpoint, sql, coveredEntries, covered));
  }

  /** Runs the checkpoint if it applies; returns what it ran (empty when it does not apply). */
  Optional<Start> runIfNew(Session session, MigrationStatus status) throws SQLException {
    Optional<Start> planned = plan(status);
    if (planned.isEmpty()) {
      return planned;
    }
    Start start = planned.get();
    HistoryTable history = context.history;
    long millis = context.runner(session).run(
        new Script("checkpoint", start.label(), context.source.description() + "/" + start.checkpoint().fileName(),
            start.sql(), ""),
        (connection, ms) -> {
          for (LedgerEntry entry : start.coveredEntries()) {
            history.insert(connection, entry.file().version(), entry.file().slug(), entry.checksum(), 0, true,
                AppliedMigration.CHECKPOINT);
          }
        });
    LOG.log(System.Logger.Level.INFO, "new database: built from {0} ({1} ms), which stands for {2} migrations",
        start.checkpoint().fileName(), millis, start.coveredEntries().size());
    return planned;
  }

  /**
   * Reads every script before a deploy applies anything, but for migrations the newest checkpoint covers
   * that are not there (archived): a database that applied them needs no script, a new one starts from
   * the checkpoint, and one in between is told so by the deploy.
   */
  public static void loadAllButArchived(MigrationSource source, List<ResolvedMigration> resolved) {
    Optional<Checkpoint> newest = null; // read once a script is missing
    for (ResolvedMigration migration : resolved) {
      try {
        migration.script();
      } catch (ConfigurationException missing) {
        if (newest == null) {
          newest = source.ledger().flatMap(Ledger::newestCheckpoint);
        }
        if (newest.filter(c -> c.covers(migration.file())).isEmpty()) {
          throw missing;
        }
      }
    }
  }
}

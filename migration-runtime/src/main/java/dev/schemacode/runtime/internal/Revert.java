package dev.schemacode.runtime.internal;

import dev.schemacode.model.Checksums;
import dev.schemacode.model.Ledger;
import dev.schemacode.model.LedgerEntry;
import dev.schemacode.model.ScriptDirectives;
import dev.schemacode.runtime.AppliedMigration;
import dev.schemacode.runtime.ConfigurationException;
import dev.schemacode.runtime.MigrationException;
import dev.schemacode.runtime.MigrationInfo;
import dev.schemacode.runtime.MigrationState;
import dev.schemacode.runtime.MigrationStatus;
import dev.schemacode.runtime.ResolvedMigration;
import dev.schemacode.runtime.RevertResult;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code revert}: undoes applied migrations newest first with the reverses the ledger records, on a
 * development database (the caller checked the declared environment; this checks the database's
 * word). Everything is decided before anything runs: a migration without a reverse, a target inside a
 * change of several files, a checkpoint or baseline below, an inexact reverse without
 * {@code acceptDataLoss}, each refuses the whole revert with its reason. Holding the session lock,
 * as reverses may run outside a transaction.
 */
public final class Revert {
  private static final System.Logger LOG = System.getLogger("dev.schemacode.runtime");

  private final Context context;

  public Revert(Context context) {
    this.context = context;
  }

  /** One change to undo: the migrations its reverse covers (newest first) and the reverse's scripts. */
  private record Step(List<MigrationInfo> migrations, List<Script> scripts) {}

  /**
   * @param to the version to go back to (it stays applied); empty: undo the newest change only
   */
  public RevertResult run(Session session, List<ResolvedMigration> resolved, OptionalLong to, boolean acceptDataLoss)
      throws SQLException {
    EnvironmentGuard.requireDatabaseAgrees(session.connection(), context.environment, "revert");
    Ledger ledger = context.source.ledger().orElseThrow(() -> new ConfigurationException("cannot revert: no "
        + Ledger.FILE_NAME + " in " + context.source.description() + ", and it records the reverses"));
    MigrationStatus status = context.status(session, resolved);
    context.failOnProblems(status);
    List<Step> steps = plan(status, ledger, to);
    refuseInexact(steps, acceptDataLoss);
    List<String> reverted = new ArrayList<>();
    List<String> scripts = new ArrayList<>();
    for (Step step : steps) {
      List<String> versions = step.migrations().stream().map(MigrationInfo::version).toList();
      for (int i = 0; i < step.scripts().size(); i++) {
        Script script = step.scripts().get(i);
        boolean last = i == step.scripts().size() - 1;
        // the history says reverted with the reverse's last script: in its transaction, or right after it
        Recorder recorder = last ? (connection, millis) -> context.history.markReverted(connection, versions) : Recorder.NONE;
        long millis = context.runner(session).run(script, recorder);
        scripts.add(script.label() + ".sql");
        LOG.log(System.Logger.Level.INFO, "ran {0} ({1} ms)", script.label(), millis);
      }
      step.migrations().forEach(m -> reverted.add(m.label()));
    }
    MigrationStatus after = context.status(session, resolved);
    return new RevertResult(reverted, scripts, after.currentVersion());
  }

  private List<Step> plan(MigrationStatus status, Ledger ledger, OptionalLong to) {
    List<MigrationInfo> applied = new ArrayList<>(status.migrations().stream()
        .filter(m -> m.state() == MigrationState.APPLIED).toList());
    java.util.Collections.reverse(applied); // newest first
    List<Step> steps = new ArrayList<>();
    int next = 0;
    while (next < applied.size()) {
      MigrationInfo newest = applied.get(next);
      if (to.isPresent() && newest.number() <= to.getAsLong()) {
        break;
      }
      String kind = newest.applied().map(AppliedMigration::kind).orElse(AppliedMigration.APPLIED);
      if (AppliedMigration.CHECKPOINT.equals(kind)) {
        throw new MigrationException("cannot revert " + newest.label() + ": this database was built from a checkpoint"
            + " that covers it, and revert never goes below the newest checkpoint; use reset");
      }
      if (AppliedMigration.BASELINE.equals(kind)) {
        throw new MigrationException("cannot revert " + newest.label() + ": it was baselined (recorded as applied"
            + " when the database was adopted), never applied by schemacode");
      }
      LedgerEntry owner = owner(ledger, newest);
      LedgerEntry.Reverse reverse = owner.reverse().orElseThrow();
      if (owner.file().number() != newest.number()) {
        throw new MigrationException("cannot revert " + newest.label() + ": it is part of the change "
            + reverse.from().label() + " to " + owner.file().label() + ", whose reverse undoes all of it, and "
            + owner.file().label() + " is not applied; deploy the rest of the change first (or reset)");
      }
      List<MigrationInfo> covered = new ArrayList<>();
      while (next < applied.size() && applied.get(next).number() >= reverse.from().number()) {
        covered.add(applied.get(next++));
      }
      long first = reverse.from().number();
      if (to.isPresent() && first <= to.getAsLong()) {
        throw new ConfigurationException("cannot revert to " + to.getAsLong() + ": it is inside the change "
            + reverse.from().label() + " to " + owner.file().label() + ", which is reverted as a whole; revert to"
            + " before " + reverse.from().label() + " or stay at " + owner.file().label());
      }
      steps.add(new Step(covered, scripts(reverse)));
      if (to.isEmpty()) {
        break; // no target: the newest change only
      }
    }
    return steps;
  }

  /** The entry whose reverse undoes {@code migration}: its own, or that of the last file of its change. */
  private static LedgerEntry owner(Ledger ledger, MigrationInfo migration) {
    Optional<LedgerEntry> owner = ledger.migrations().stream()
        .filter(e -> e.reverse().isPresent() && e.file().number() >= migration.number()
            && e.reverse().get().from().number() <= migration.number())
        .findFirst();
    return owner.orElseThrow(() -> new MigrationException("cannot revert " + migration.label() + ": it has no reverse ("
        + (ledger.migrations().stream().anyMatch(e -> e.file().number() == migration.number()
            && e.origin() == LedgerEntry.Origin.HAND_WRITTEN)
            ? "a hand-written migration: write U" + migration.version() + "__" + migration.name() + ".sql beside it and build"
            : "recorded before schemacode wrote reverses")
        + "; see docs/history.md), so nothing was reverted"));
  }

  private List<Script> scripts(LedgerEntry.Reverse reverse) {
    List<Script> scripts = new ArrayList<>();
    for (LedgerEntry.ReverseFile file : reverse.files()) {
      String name = file.file().fileName();
      String sql = context.source.companion(name).orElseThrow(() -> new ConfigurationException("cannot revert: "
          + name + " is recorded in the ledger but not in " + context.source.description() + "; restore it"));
      String checksum = Checksums.ofScript(sql);
      if (!checksum.equals(file.checksum())) {
        throw new ConfigurationException("cannot revert: " + name + " in " + context.source.description()
            + " does not match the ledger (its checksum is " + checksum + ", the build recorded " + file.checksum()
            + "); restore it, or rebuild");
      }
      scripts.add(new Script("reverse", file.file().label(), context.source.description() + "/" + name, sql,
          "the reverse ran outside a transaction and stopped half-way: the database is between two versions and the"
              + " history still says applied; finish or undo it by hand, or reset"));
    }
    return scripts;
  }

  /** Refuses inexact reverses unless accepted, naming each reason; logs them when accepted. */
  private static void refuseInexact(List<Step> steps, boolean acceptDataLoss) {
    List<String> reasons = new ArrayList<>();
    for (Step step : steps) {
      // every part of a reverse repeats its reasons: once per change, named by its first file
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (Script script : step.scripts()) {
        ScriptDirectives.inexact(script.sql()).stream().filter(seen::add)
            .forEach(reason -> reasons.add(script.label() + ": " + reason));
      }
    }
    if (reasons.isEmpty()) {
      return;
    }
    if (!acceptDataLoss) {
      throw new ConfigurationException("refusing to revert: the reverse cannot bring back data the migration dropped ("
          + String.join("; ", reasons) + "); nothing was reverted. Pass --accept-data-loss"
          + " (Migrator.revert(…, true)) to revert with those empty");
    }
    reasons.forEach(reason -> LOG.log(System.Logger.Level.INFO, "inexact reverse accepted: {0}", reason));
  }
}

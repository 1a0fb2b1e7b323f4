package dev.schemacode.ui;

import dev.schemacode.model.PostgresRenderer;
import dev.schemacode.runtime.ConfigurationException;
import dev.schemacode.runtime.Drift;
import dev.schemacode.runtime.MigrationInfo;
import dev.schemacode.runtime.MigrationStatus;
import dev.schemacode.runtime.PushMark;
import dev.schemacode.runtime.ResolvedMigration;
import java.util.List;

/** The migrations view's JSON: the timeline as {@code status} sees it, one script, and drift as {@code diff} computes it. */
final class MigrationsView {
  /**
   * @param checkpoint when the database was built from a checkpoint, which and how many migrations it stands for
   * @param pushed when {@code schemacode push} took the database past its history, the sentence {@code status} prints
   */
  record Timeline(String location, String currentVersion, int pending, int problems, String checkpoint, String pushed,
      List<Entry> migrations) {}

  /** One migration: its state and, for problems, the sentence {@code status} prints. */
  record Entry(String version, String name, String label, String state, boolean problem, String explanation,
      String appliedAt, Long executionMs, String kind, Boolean transactional, boolean hasFile) {}

  /** A script and how many of its first lines are the generated header (changes, risky steps). */
  record Script(String label, String state, String sql, int headerLines) {}

  record DriftView(boolean available, String reason, boolean drift, List<String> pending, List<Change> changes, String sql) {}

  record Change(String change, String sql) {}

  private MigrationsView() {}

  static Timeline timeline(String location, MigrationStatus status) {
    return new Timeline(location, status.currentVersion().orElse(null), status.pending().size(), status.problems().size(),
        status.describeCheckpoint().orElse(null),
        status.pushed().map(PushMark::describe).orElse(null),
        status.migrations().stream().map(MigrationsView::entry).toList());
  }

  private static Entry entry(MigrationInfo info) {
    Boolean transactional = info.resolved().map(MigrationsView::transactional).orElse(null);
    return new Entry(info.version(), info.name(), info.label(), info.state().label(), info.state().isProblem(),
        info.state().isProblem() ? info.explanation() : null,
        info.applied().map(a -> a.appliedAt().toString()).orElse(null),
        info.applied().map(a -> a.executionMillis()).orElse(null),
        info.applied().map(a -> a.kind()).orElse(null),
        transactional, transactional != null);
  }

  /**
   * Null when the script cannot be read: archived (the ledger lists it, a checkpoint covers it, the file is
   * gone) or not what the ledger records. The timeline shows the migration all the same, from the history.
   */
  private static Boolean transactional(ResolvedMigration migration) {
    try {
      return !migration.noTransaction();
    } catch (ConfigurationException unavailable) {
      return null;
    }
  }

  static Script script(MigrationInfo info) {
    ResolvedMigration migration = info.resolved().orElseThrow(() -> new NotFound(info.label() + " has no file in this build"));
    String sql;
    try {
      sql = migration.script();
    } catch (ConfigurationException unavailable) {
      // the loader's message speaks to a deploy; here the history may well say it is applied (by a checkpoint)
      throw new NotFound(info.label() + " has no script in this build: its file is archived (a checkpoint covers it)"
          + " or is not what the ledger records");
    }
    int header = 0;
    for (String line : sql.split("\n", -1)) {
      if (!line.startsWith("--")) {
        break;
      }
      header++;
    }
    return new Script(info.label(), info.state().label(), sql, header);
  }

  static DriftView drift(Drift drift) {
    return new DriftView(true, null, !drift.changes().isEmpty(), drift.pending().stream().map(MigrationInfo::label).toList(),
        drift.changes().stream().map(change -> new Change(change.describe(), PostgresRenderer.render(change))).toList(),
        drift.sql());
  }

  static DriftView unavailable(String reason) {
    return new DriftView(false, reason, false, List.of(), List.of(), "");
  }
}

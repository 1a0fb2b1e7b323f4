package dev.schemacode.processor;

import dev.schemacode.model.Checksums;
import dev.schemacode.model.Ledger;
import dev.schemacode.model.LedgerEntry;
import dev.schemacode.model.MigrationFileName;
import dev.schemacode.model.MigrationScript;
import dev.schemacode.model.Renames;
import dev.schemacode.model.ReverseFileName;
import dev.schemacode.model.ReverseScript;
import dev.schemacode.model.Schema;
import dev.schemacode.model.SchemaChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The reverse scripts ({@code U<version>__…sql}) beside the migrations: checks the recorded ones as
 * migrations are checked, records the ones a person wrote for a migration that has none, and plans
 * the reverse of a newly generated change. Kept apart from {@link MigrationGenerator}, which only
 * calls it at the points where it handles the migrations themselves.
 */
final class Reverses {
  private final Reporter reporter;
  private final Mode mode;
  /** The {@code U*.sql} files of the directory, by name (read when first asked for). */
  private final Map<String, String> files;

  Reverses(Reporter reporter, Mode mode, Map<String, String> files) {
    this.reporter = reporter;
    this.mode = mode;
    this.files = files;
  }

  String script(ReverseFileName file) {
    return files.get(file.fileName());
  }

  /** The reverse scripts by name, as {@link MigrationGenerator} ships them. */
  Map<String, String> files() {
    return files;
  }

  /**
   * Checks every recorded reverse against its file and returns the unrecorded reverse files a person
   * wrote, by the version of the migration they undo; reports the ones that undo nothing or a
   * migration already undone. {@code newMigrations}: hand-written migrations recorded in this build.
   */
  SortedMap<Long, List<ReverseFileName>> check(Ledger ledger, List<MigrationFileName> newMigrations, Archive archive) {
    java.util.Set<String> recorded = new java.util.HashSet<>();
    for (LedgerEntry entry : ledger.migrations()) {
      for (LedgerEntry.ReverseFile file : entry.reverse().map(LedgerEntry.Reverse::files).orElse(List.of())) {
        recorded.add(file.file().fileName());
        String script = files.get(file.file().fileName());
        if (script == null) {
          if (!archive.archived(entry.file())) {
            reporter.error(Diagnostic.MIGRATION_MISSING, file.file().fileName(), Ledger.FILE_NAME);
          }
          continue;
        }
        String checksum = Checksums.ofScript(script);
        if (!checksum.equals(file.checksum())) {
          reporter.error(Diagnostic.MIGRATION_MODIFIED, file.file().fileName(), checksum.substring(0, 12),
              file.checksum().substring(0, Math.min(12, file.checksum().length())));
        }
      }
    }
    SortedMap<Long, List<ReverseFileName>> pending = new TreeMap<>();
    for (String name : files.keySet()) {
      if (recorded.contains(name)) {
        continue;
      }
      ReverseFileName file = ReverseFileName.parse(name).orElseThrow();
      Optional<LedgerEntry> entry = ledger.migrations().stream().filter(e -> e.file().number() == file.number()).findFirst();
      boolean isNew = newMigrations.stream().anyMatch(m -> m.number() == file.number());
      if (entry.isEmpty() && !isNew) {
        reporter.error(Diagnostic.REVERSE_WITHOUT_MIGRATION, name, file.version());
      } else if (entry.isPresent() && undoneBy(ledger, entry.get()).isPresent()) {
        LedgerEntry by = undoneBy(ledger, entry.get()).orElseThrow();
        reporter.error(Diagnostic.REVERSE_ALREADY_RECORDED, name, entry.get().file().fileName(),
            by.reverse().orElseThrow().files().get(0).file().fileName());
      } else if (mode == Mode.VERIFY) {
        reporter.error(Diagnostic.UNRECORDED_MIGRATION, name, Ledger.FILE_NAME);
      } else {
        pending.computeIfAbsent(file.number(), v -> new ArrayList<>()).add(file);
      }
    }
    return pending;
  }

  /** The entry whose reverse undoes {@code entry} (itself, or a later one of the same generated change). */
  static Optional<LedgerEntry> undoneBy(Ledger ledger, LedgerEntry entry) {
    return ledger.migrations().stream()
        .filter(e -> e.reverse().isPresent() && e.file().number() >= entry.file().number()
            && e.reverse().get().from().number() <= entry.file().number())
        .findFirst();
  }

  /** {@code ledger} with the reverses a person wrote recorded on the migrations they undo, files in name order. */
  Ledger record(Ledger ledger, SortedMap<Long, List<ReverseFileName>> pending) {
    Ledger next = ledger;
    for (Map.Entry<Long, List<ReverseFileName>> group : pending.entrySet()) {
      LedgerEntry entry = next.migrations().stream().filter(e -> e.file().number() == group.getKey()).findFirst()
          .orElseThrow();
      List<LedgerEntry.ReverseFile> recorded = group.getValue().stream()
          .sorted(java.util.Comparator.comparing(ReverseFileName::fileName))
          .map(f -> new LedgerEntry.ReverseFile(f, Checksums.ofScript(files.get(f.fileName()))))
          .toList();
      next = next.withReverse(entry.file(), new LedgerEntry.Reverse(entry.file(), recorded));
    }
    return next;
  }

  /** A generated change's reverse: the files to write, and the ledger that records them. */
  record Generated(List<ReverseScript.File> files, Ledger ledger) {}

  /**
   * Plans the reverse of the change just generated as {@code forward} (recorded last in {@code ledger}).
   * A reverse that cannot be generated is reported as a warning: the migration stands, without one.
   */
  Generated generate(Ledger ledger, List<MigrationScript.File> forward, String slug, Schema before, Schema after,
      Renames renames, List<SchemaChange> changes, String lockTimeout) {
    List<MigrationFileName> names = forward.stream().map(MigrationScript.File::name).toList();
    ReverseScript.Plan plan = ReverseScript.plan(names, slug, before, after, renames, changes, lockTimeout);
    MigrationFileName last = names.get(names.size() - 1);
    if (plan.files().isEmpty()) {
      reporter.warning(Diagnostic.REVERSE_NOT_GENERATED, last.label(), String.join("; ", plan.problems()));
      return new Generated(List.of(), ledger);
    }
    List<LedgerEntry.ReverseFile> recorded = plan.files().stream()
        .map(f -> new LedgerEntry.ReverseFile(f.name(), Checksums.ofScript(f.script()))).toList();
    return new Generated(plan.files(), ledger.withReverse(last, new LedgerEntry.Reverse(names.get(0), recorded)));
  }

  /** Which recorded migrations may be missing from the directory (archived after a checkpoint). */
  interface Archive {
    Archive NONE = file -> false;

    boolean archived(MigrationFileName file);
  }
}

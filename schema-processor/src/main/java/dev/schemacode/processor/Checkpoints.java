package dev.schemacode.processor;

import dev.schemacode.model.Checkpoint;
import dev.schemacode.model.CheckpointScript;
import dev.schemacode.model.Checksums;
import dev.schemacode.model.Ledger;
import dev.schemacode.model.LedgerEntry;
import java.util.Optional;

/**
 * The recorded checkpoints ({@code C<version>__checkpoint.sql}): each must be there, unedited, and
 * exactly what rendering its recorded schema gives, so it builds exactly that schema. Migrations up to
 * the newest checkpoint may be archived (gone from the directory, their checksums still in the ledger):
 * new databases start from the checkpoint and databases that applied them keep their history.
 */
final class Checkpoints implements Reverses.Archive {
  private final Reporter reporter;
  private final java.util.Map<String, String> files;
  private final Optional<Checkpoint> newest;

  Checkpoints(Reporter reporter, java.util.Map<String, String> files, Ledger ledger) {
    this.reporter = reporter;
    this.files = files;
    this.newest = ledger.newestCheckpoint();
  }

  @Override
  public boolean archived(dev.schemacode.model.MigrationFileName file) {
    return newest.isPresent() && newest.get().covers(file);
  }

  String script(Checkpoint checkpoint) {
    return files.get(checkpoint.fileName());
  }

  /** The checkpoint scripts by name, as {@link MigrationGenerator} ships them. */
  java.util.Map<String, String> files() {
    return files;
  }

  private static java.util.List<String> statements(String script) {
    return script.replace("\r\n", "\n").lines().filter(line -> !line.startsWith("--") && !line.isBlank()).toList();
  }

  void check(Ledger ledger) {
    for (Checkpoint checkpoint : ledger.checkpoints()) {
      String script = files.get(checkpoint.fileName());
      if (script == null) {
        reporter.error(Diagnostic.MIGRATION_MISSING, checkpoint.fileName(), Ledger.FILE_NAME);
        continue;
      }
      String checksum = Checksums.ofScript(script);
      if (!checksum.equals(checkpoint.checksum())) {
        reporter.error(Diagnostic.MIGRATION_MODIFIED, checkpoint.fileName(), checksum.substring(0, 12),
            checkpoint.checksum().substring(0, Math.min(12, checkpoint.checksum().length())));
        continue;
      }
      Optional<LedgerEntry> last = ledger.migrations().stream()
          .filter(e -> e.file().number() == checkpoint.number()).findFirst();
      if (last.isEmpty()) {
        reporter.error(Diagnostic.CHECKPOINT_MISMATCH, checkpoint.fileName(), Ledger.FILE_NAME,
            "no recorded migration has its version " + checkpoint.version());
        continue;
      }
      // The statements, not the header: a later schemacode may word headers differently.
      String expected = CheckpointScript.render(last.get().file(), checkpoint.schema(), checkpoint.skipped());
      if (!statements(expected).equals(statements(script))) {
        reporter.error(Diagnostic.CHECKPOINT_MISMATCH, checkpoint.fileName(), Ledger.FILE_NAME,
            "rendering the recorded schema gives other statements");
      } else if (checkpoint.number() == ledger.nextSequence() - 1 && !checkpoint.schema().equals(ledger.schema())) {
        // at the head, the checkpoint's schema is the ledger's own snapshot
        reporter.error(Diagnostic.CHECKPOINT_MISMATCH, checkpoint.fileName(), Ledger.FILE_NAME,
            "it is at the newest migration, but its schema is not the ledger's snapshot");
      }
    }
  }
}

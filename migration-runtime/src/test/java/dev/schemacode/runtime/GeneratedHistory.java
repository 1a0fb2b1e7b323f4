package dev.schemacode.runtime;

import dev.schemacode.model.Checksums;
import dev.schemacode.model.Ledger;
import dev.schemacode.model.LedgerCodec;
import dev.schemacode.model.LedgerEntry;
import dev.schemacode.model.MigrationFileName;
import dev.schemacode.model.MigrationScript;
import dev.schemacode.model.Renames;
import dev.schemacode.model.ReverseScript;
import dev.schemacode.model.Schema;
import dev.schemacode.model.SchemaDiff;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes migrations, their reverses and the ledger into a directory as the processor's generate mode
 * does (MigrationScript.plan, ReverseScript.plan, the ledger chain), from schemas instead of entities.
 */
public final class GeneratedHistory {
  private final Path directory;
  private Ledger ledger = Ledger.EMPTY;

  public GeneratedHistory(Path directory) {
    this.directory = directory;
  }

  public Ledger ledger() {
    return ledger;
  }

  /** The change from the recorded schema to {@code next}: its files' names, migrations first. */
  public List<String> version(Schema next, Renames renames) {
    Schema before = ledger.schema();
    SchemaDiff diff = SchemaDiff.between(before, next, renames);
    if (!diff.problems().isEmpty() || diff.changes().isEmpty()) {
      throw new IllegalArgumentException("not a generated change: " + diff);
    }
    String slug = MigrationScript.slug(ledger.migrations().isEmpty(), diff.changes());
    List<MigrationScript.File> files = MigrationScript.plan(ledger.nextSequence(), slug, diff.changes(),
        MigrationScript.DEFAULT_LOCK_TIMEOUT);
    List<String> written = new java.util.ArrayList<>();
    for (MigrationScript.File file : files) {
      write(file.name().fileName(), file.script());
      written.add(file.name().fileName());
      ledger = ledger.append(file.name(), Checksums.ofScript(file.script()), LedgerEntry.Origin.GENERATED, next);
    }
    List<MigrationFileName> names = files.stream().map(MigrationScript.File::name).toList();
    ReverseScript.Plan reverse = ReverseScript.plan(names, slug, before, next, renames, diff.changes(),
        MigrationScript.DEFAULT_LOCK_TIMEOUT);
    if (reverse.files().isEmpty()) {
      throw new IllegalStateException("no reverse: " + reverse.problems());
    }
    for (ReverseScript.File file : reverse.files()) {
      write(file.name().fileName(), file.script());
      written.add(file.name().fileName());
    }
    ledger = ledger.withReverse(names.get(names.size() - 1), new LedgerEntry.Reverse(names.get(0), reverse.files().stream()
        .map(f -> new LedgerEntry.ReverseFile(f.name(), Checksums.ofScript(f.script()))).toList()));
    writeLedger();
    return written;
  }

  public List<String> version(Schema next) {
    return version(next, Renames.NONE);
  }

  /** A hand-written migration, recorded as the processor records one (without a reverse). */
  public String handWritten(String slug, String sql) {
    MigrationFileName name = MigrationFileName.of(ledger.nextSequence(), slug);
    write(name.fileName(), sql);
    ledger = ledger.append(name, Checksums.ofScript(sql), LedgerEntry.Origin.HAND_WRITTEN, ledger.schema());
    writeLedger();
    return name.fileName();
  }

  public void replaceLedger(Ledger replacement) {
    ledger = replacement;
    writeLedger();
  }

  public void write(String name, String text) {
    try {
      Files.writeString(directory.resolve(name), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeLedger() {
    write(Ledger.FILE_NAME, LedgerCodec.write(ledger));
  }
}

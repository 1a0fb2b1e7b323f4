package dev.schemacode.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemacode.model.CheckpointScript;
import dev.schemacode.model.Checksums;
import dev.schemacode.model.Column;
import dev.schemacode.model.Ledger;
import dev.schemacode.model.LedgerCodec;
import dev.schemacode.model.LedgerEntry;
import dev.schemacode.model.MigrationScript;
import dev.schemacode.model.PrimaryKey;
import dev.schemacode.model.QualifiedName;
import dev.schemacode.model.Schema;
import dev.schemacode.model.SchemaDiff;
import dev.schemacode.model.Table;
import dev.schemacode.runtime.AppliedMigration;
import dev.schemacode.runtime.MigrationSource;
import dev.schemacode.runtime.MigrationStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The timeline where the files a checkpoint covers are archived: shown from the history, not an error. */
class MigrationsViewTest {
  @TempDir Path migrations;

  private static Schema schema(String... tables) {
    return new Schema(java.util.Arrays.stream(tables).map(name -> new Table(QualifiedName.of(name),
        List.of(Column.required("id", "bigint")), Optional.of(PrimaryKey.defaultFor(name, List.of("id"))))).toList());
  }

  private Ledger version(Ledger ledger, Schema next) throws Exception {
    for (MigrationScript.File file : MigrationScript.plan(ledger.nextSequence(), "v" + ledger.nextSequence(),
        SchemaDiff.between(ledger.schema(), next).changes(), "5s")) {
      Files.writeString(migrations.resolve(file.name().fileName()), file.script());
      ledger = ledger.append(file.name(), Checksums.ofScript(file.script()), LedgerEntry.Origin.GENERATED, next);
    }
    return ledger;
  }

  @Test
  void anArchivedMigrationStaysOnTheTimelineWithoutItsScript() throws Exception {
    Ledger ledger = version(Ledger.EMPTY, schema("customer"));
    CheckpointScript.Made made = CheckpointScript.make(ledger, true);
    Files.writeString(migrations.resolve(made.fileName()), made.script());
    ledger = version(made.ledger(), schema("customer", "invoice"));
    Files.writeString(migrations.resolve(Ledger.FILE_NAME), LedgerCodec.write(ledger));
    LedgerEntry first = ledger.migrations().get(0);
    Files.delete(migrations.resolve(first.file().fileName())); // archived: the checkpoint covers it

    MigrationStatus status = MigrationStatus.merge(MigrationSource.directory(migrations).resolve(), List.of(
        new AppliedMigration(first.file().version(), first.file().slug(), first.checksum(), Instant.EPOCH, 0, true,
            AppliedMigration.CHECKPOINT)));
    MigrationsView.Timeline timeline = MigrationsView.timeline(migrations.toString(), status);
    assertEquals(2, timeline.migrations().size());
    MigrationsView.Entry archived = timeline.migrations().get(0);
    assertEquals("applied", archived.state());
    assertEquals(AppliedMigration.CHECKPOINT, archived.kind());
    assertNull(archived.transactional());
    assertFalse(archived.hasFile());
    assertTrue(timeline.migrations().get(1).hasFile());
    assertEquals(Boolean.TRUE, timeline.migrations().get(1).transactional());

    NotFound missing = assertThrows(NotFound.class, () -> MigrationsView.script(status.migrations().get(0)));
    assertTrue(missing.getMessage().startsWith(first.file().label() + " has no script in this build"), missing.getMessage());
  }
}

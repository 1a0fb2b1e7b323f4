package dev.schemacode.runtime.cli;

import dev.schemacode.model.CheckpointScript;
import dev.schemacode.model.Ledger;
import dev.schemacode.model.LedgerCodec;
import dev.schemacode.model.LedgerFormatException;
import dev.schemacode.runtime.ConfigurationException;
import dev.schemacode.runtime.MigrationException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code checkpoint}: records a checkpoint at the newest migration, in the migrations directory of the
 * source tree. Needs no database: the checkpoint is rendered from the ledger's snapshot.
 */
@Command(name = "checkpoint", mixinStandardHelpOptions = true,
    description = {"Record a checkpoint at the newest migration: C<version>__checkpoint.sql, one script that builds"
        + " the whole schema as of that version, rendered from the ledger's snapshot and recorded in the ledger."
        + " New, empty databases start from it; databases that applied the history skip it. Needs no database.",
        "Exit codes: 0 recorded, 1 refused (nothing new to checkpoint, hand-written migrations without"
            + " --skip-hand-written), 2 bad usage."})
final class CheckpointCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--migrations", paramLabel = "DIRECTORY",
      description = "The migrations directory of the source tree (default: $SCHEMACODE_MIGRATIONS, else "
          + ConnectionOptions.DEFAULT_MIGRATIONS + ").")
  String migrations;

  @Option(names = "--skip-hand-written",
      description = "Record it although it covers hand-written migrations, which it does not replay.")
  boolean skipHandWritten;

  @Override
  public Integer call() {
    String location = migrations != null ? migrations : System.getenv("SCHEMACODE_MIGRATIONS");
    Path directory = Path.of(location == null || location.isBlank() ? ConnectionOptions.DEFAULT_MIGRATIONS : location);
    if (directory.toString().startsWith("classpath:")) {
      throw new ConfigurationException("checkpoint writes into the source tree: give the migrations directory, not "
          + directory);
    }
    Path ledgerFile = directory.resolve(Ledger.FILE_NAME);
    if (!Files.isRegularFile(ledgerFile)) {
      throw new ConfigurationException("no " + Ledger.FILE_NAME + " in " + directory + "; give the migrations directory"
          + " with --migrations");
    }
    Ledger ledger;
    try {
      ledger = LedgerCodec.read(Files.readString(ledgerFile, StandardCharsets.UTF_8), ledgerFile.toString());
    } catch (LedgerFormatException e) {
      throw new ConfigurationException(e.getMessage(), e);
    } catch (IOException e) {
      throw new ConfigurationException("cannot read " + ledgerFile + ": " + e.getMessage(), e);
    }
    CheckpointScript.Made made;
    try {
      made = CheckpointScript.make(ledger, skipHandWritten);
    } catch (IllegalStateException refused) {
      throw new MigrationException("no checkpoint recorded: " + refused.getMessage());
    }
    Path file = directory.resolve(made.fileName());
    Path temporary = directory.resolve("." + Ledger.FILE_NAME + ".tmp");
    try {
      Files.writeString(file, made.script(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
      try {
        Files.writeString(temporary, LedgerCodec.write(made.ledger()), StandardCharsets.UTF_8);
        try {
          Files.move(temporary, ledgerFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temporary, ledgerFile, StandardCopyOption.REPLACE_EXISTING);
        }
      } catch (IOException e) {
        Files.deleteIfExists(file); // no checkpoint file the ledger does not record
        throw e;
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new MigrationException("cannot write the checkpoint into " + directory + ": " + e.getMessage(), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    String last = ledger.migrations().get(ledger.migrations().size() - 1).file().label();
    out.println("schemacode: wrote " + file + ": the schema as of " + last + ", recorded in " + Ledger.FILE_NAME
        + "; new databases start from it");
    if (!made.ledger().newestCheckpoint().orElseThrow().skipped().isEmpty()) {
      out.println("schemacode: it does not replay " + String.join(", ", made.ledger().newestCheckpoint().get().skipped()));
    }
    out.println("schemacode: the migrations up to " + last + " may now be archived (removed from the directory;"
        + " the ledger keeps their checksums) once every database that matters is past them; see docs/history.md");
    return SchemacodeCli.OK;
  }
}

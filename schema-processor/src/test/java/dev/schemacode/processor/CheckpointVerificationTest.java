package dev.schemacode.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.schemacode.processor.ProcessorHarness.compile;
import static dev.schemacode.processor.ProcessorHarness.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.schemacode.model.CheckpointScript;
import dev.schemacode.model.Ledger;
import dev.schemacode.model.LedgerCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recorded checkpoint must build exactly its recorded schema; the migrations it covers may be archived. */
class CheckpointVerificationTest {
  static JavaFileObject item(String... fields) {
    String[] lines = new String[5 + fields.length];
    lines[0] = "package com.example;";
    lines[1] = "import dev.schemacode.annotations.*;";
    lines[2] = "@Table public class Item {";
    lines[3] = "  @Id long id;";
    System.arraycopy(fields, 0, lines, 4, fields.length);
    lines[lines.length - 1] = "}";
    return source("com.example.Item", lines);
  }

  static final JavaFileObject V3 = item("  @org.jspecify.annotations.Nullable String name;",
      "  @Default(\"0\") int stock;");

  @TempDir Path migrations;

  private void history() throws Exception {
    assertThat(compile(migrations, item())).succeeded();
    assertThat(compile(migrations, item("  @org.jspecify.annotations.Nullable String name;"))).succeeded();
    assertThat(compile(migrations, V3)).succeeded();
  }

  private void checkpoint() throws Exception {
    Ledger ledger = LedgerCodec.read(Files.readString(migrations.resolve(Ledger.FILE_NAME)), "ledger");
    CheckpointScript.Made made = CheckpointScript.make(ledger, false);
    Files.writeString(migrations.resolve(made.fileName()), made.script(), StandardCharsets.UTF_8);
    Files.writeString(migrations.resolve(Ledger.FILE_NAME), LedgerCodec.write(made.ledger()), StandardCharsets.UTF_8);
  }

  @Test
  void aCheckpointIsVerifiedAndShippedAndTheMigrationsItCoversMayBeArchived() throws Exception {
    history();
    checkpoint();
    String script = Files.readString(migrations.resolve("C0003__checkpoint.sql"));
    assertTrue(script.contains("CREATE TABLE \"item\""), script);
    assertTrue(script.contains("\"stock\" integer DEFAULT 0 NOT NULL"), script);
    Compilation built = compile(migrations, V3);
    assertThat(built).succeeded();
    assertThat(built).generatedFile(StandardLocation.CLASS_OUTPUT, "db/migration/C0003__checkpoint.sql");

    // archived: the covered files leave the directory, the ledger keeps their checksums
    for (String name : new String[] {"V0001__init.sql", "U0001__init.sql", "V0002__add_item_name.sql",
        "U0002__add_item_name.sql"}) {
      Files.delete(migrations.resolve(name));
    }
    assertThat(compile(migrations, "verify", V3)).succeeded();
    assertThat(compile(migrations, V3)).succeeded();
    Compilation next = compile(migrations, item("  @org.jspecify.annotations.Nullable String name;",
        "  @Default(\"0\") int stock;", "  @org.jspecify.annotations.Nullable String colour;"));
    assertThat(next).succeeded();
    assertTrue(Files.exists(migrations.resolve("V0004__add_item_colour.sql")));
  }

  @Test
  void aCheckpointThatDoesNotBuildItsRecordedSchemaFailsTheBuild() throws Exception {
    history();
    checkpoint();
    Path file = migrations.resolve("C0003__checkpoint.sql");
    String original = Files.readString(file);
    Files.writeString(file, original.replace("DEFAULT 0", "DEFAULT 1"));
    assertThat(compile(migrations, V3)).hadErrorContaining("[schemacode:ModifiedMigration] C0003__checkpoint.sql");

    // the file and its checksum changed together: rendering the recorded schema still tells
    String edited = original.replace("DEFAULT 0", "DEFAULT 1");
    Files.writeString(file, edited);
    String ledger = Files.readString(migrations.resolve(Ledger.FILE_NAME));
    String recorded = LedgerCodec.read(ledger, "ledger").checkpoints().get(0).checksum();
    Files.writeString(migrations.resolve(Ledger.FILE_NAME),
        ledger.replace(recorded, dev.schemacode.model.Checksums.ofScript(edited)));
    Compilation compilation = compile(migrations, V3);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[schemacode:Checkpoint] C0003__checkpoint.sql does not build exactly the schema");
  }

  @Test
  void aCheckpointOverHandWrittenMigrationsNeedsToBeToldToSkipThem() throws Exception {
    history();
    Files.writeString(migrations.resolve("V0004__fix_names.sql"), "UPDATE item SET name = trim(name);\n");
    assertThat(compile(migrations, V3)).succeeded();
    Ledger ledger = LedgerCodec.read(Files.readString(migrations.resolve(Ledger.FILE_NAME)), "ledger");
    IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> CheckpointScript.make(ledger, false));
    assertTrue(refused.getMessage().contains("V0004__fix_names.sql"), refused.getMessage());
    CheckpointScript.Made made = CheckpointScript.make(ledger, true);
    assertEquals("C0004__checkpoint.sql", made.fileName());
    assertTrue(made.script().contains("--   V0004__fix_names.sql"), made.script());
  }
}

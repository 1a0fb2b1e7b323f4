package dev.schemacode.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.schemacode.processor.ProcessorHarness.compile;
import static dev.schemacode.processor.ProcessorHarness.snapshot;
import static dev.schemacode.processor.ProcessorHarness.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.schemacode.model.Checksums;
import dev.schemacode.model.Ledger;
import dev.schemacode.model.LedgerCodec;
import dev.schemacode.model.LedgerEntry;
import dev.schemacode.model.ScriptDirectives;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each generated change gets its reverse beside it ({@code U<version>__…sql}), recorded in the ledger. */
class ReverseGenerationTest {
  static final JavaFileObject ACCOUNT = source("com.example.Account",
      "package com.example;",
      "import dev.schemacode.annotations.*;",
      "@Table",
      "public class Account {",
      "  @Id long id;",
      "  String email;",
      "  @org.jspecify.annotations.Nullable String fax;",
      "}");

  static JavaFileObject account(String... extra) {
    List<String> lines = new java.util.ArrayList<>(List.of(
        "package com.example;",
        "import dev.schemacode.annotations.*;"));
    lines.addAll(List.of(extra));
    return source("com.example.Account", lines.toArray(String[]::new));
  }

  @TempDir Path migrations;

  @Test
  void aChangeIsWrittenWithItsReverseRecordedInTheLedgerAndShippedWithTheBuild() throws Exception {
    assertThat(compile(migrations, ACCOUNT)).succeeded();
    Compilation second = compile(migrations, account(
        "@Table",
        "public class Account {",
        "  @Id long id;",
        "  @RenamedFrom(\"email\") String login;",
        "  @org.jspecify.annotations.Nullable String fax;",
        "  @Default(\"0\") int visits;",
        "}"));
    assertThat(second).succeeded();
    Map<String, String> files = snapshot(migrations);
    String reverse = files.get("U0002__rename_account_email_to_login_add_account_visits.sql");
    assertTrue(reverse != null, files.keySet().toString());
    assertTrue(reverse.contains("ALTER TABLE \"account\" RENAME COLUMN \"login\" TO \"email\";"), reverse);
    assertTrue(reverse.contains("ALTER TABLE \"account\" DROP COLUMN \"visits\";"), reverse);
    assertTrue(reverse.contains("-- Data this reverse deletes (what the migration created):\n--   drop column account.visits"),
        reverse);
    assertEquals(List.of(), ScriptDirectives.inexact(reverse), "renaming back and dropping an added column is exact");

    Ledger ledger = LedgerCodec.read(files.get(Ledger.FILE_NAME), "ledger");
    LedgerEntry entry = ledger.migrations().get(1);
    LedgerEntry.Reverse recorded = entry.reverse().orElseThrow();
    assertEquals(entry.file(), recorded.from());
    assertEquals(Checksums.ofScript(reverse), recorded.files().get(0).checksum());
    assertTrue(files.get(Ledger.FILE_NAME).contains("\"format\": 2"), "a ledger with reverses is format 2");
    assertThat(second).generatedFile(StandardLocation.CLASS_OUTPUT,
        "db/migration/U0002__rename_account_email_to_login_add_account_visits.sql");

    assertThat(compile(migrations, "verify", account(
        "@Table",
        "public class Account {",
        "  @Id long id;",
        "  @RenamedFrom(\"email\") String login;",
        "  @org.jspecify.annotations.Nullable String fax;",
        "  @Default(\"0\") int visits;",
        "}"))).succeeded();
  }

  @Test
  void aReverseOfDroppedDataSaysItIsInexact() {
    assertThat(compile(migrations, ACCOUNT)).succeeded();
    assertThat(compile(migrations, account(
        "@AcknowledgeDataLoss(\"drop column account.fax\")",
        "@Table",
        "public class Account {",
        "  @Id long id;",
        "  String email;",
        "}"))).succeeded();
    String reverse = snapshot(migrations).get("U0002__drop_account_fax.sql");
    assertEquals(List.of("drop column account.fax: the column comes back empty"), ScriptDirectives.inexact(reverse));
    assertTrue(reverse.contains("ADD COLUMN \"fax\" text"), reverse);
    assertTrue(ScriptDirectives.misspelled(reverse).isEmpty(), "the runtime reads the inexact lines as directives");
  }

  @Test
  void aChangeOfSeveralFilesHasOneReverseNamedAfterTheLast() throws Exception {
    assertThat(compile(migrations, ACCOUNT)).succeeded();
    assertThat(compile(migrations, account(
        "@Table @Index(columns = \"email\")",
        "public class Account {",
        "  @Id long id;",
        "  String email;",
        "  @org.jspecify.annotations.Nullable String fax;",
        "}"))).succeeded();
    Map<String, String> files = snapshot(migrations);
    assertTrue(files.containsKey("V0002__add_account_email_idx_concurrently.sql"), files.keySet().toString());
    String reverse = files.get("U0002__add_account_email_idx_concurrently.sql");
    assertTrue(reverse.contains("DROP INDEX CONCURRENTLY IF EXISTS \"account_email_idx\";"), reverse);
    assertTrue(ScriptDirectives.noTransaction(reverse), reverse);

    assertThat(compile(migrations, account(
        "@Table @Index(columns = \"email\")",
        "public class Account {",
        "  @Id long id;",
        "  String email;",
        "  @org.jspecify.annotations.Nullable String fax;",
        "  @References(Account.class) @org.jspecify.annotations.Nullable Long parent;",
        "}"))).succeeded();
    Ledger ledger = LedgerCodec.read(snapshot(migrations).get(Ledger.FILE_NAME), "ledger");
    List<String> labels = ledger.migrations().stream().map(e -> e.file().label()).toList();
    assertTrue(ledger.migrations().size() == 4, labels.toString()); // main + validate
    assertFalse(ledger.migrations().get(2).reverse().isPresent(), "only the last file of a change holds its reverse");
    LedgerEntry.Reverse reverse3 = ledger.migrations().get(3).reverse().orElseThrow();
    assertEquals(ledger.migrations().get(2).file(), reverse3.from());
    assertTrue(reverse3.files().get(0).file().fileName().startsWith("U0004__"), reverse3.toString());
  }

  @Test
  void anEditedReverseFailsTheBuildAsAnEditedMigrationDoes() throws Exception {
    assertThat(compile(migrations, ACCOUNT)).succeeded();
    Path reverse = migrations.resolve("U0001__init.sql");
    Files.writeString(reverse, Files.readString(reverse) + "\nSELECT 1;\n");
    Compilation compilation = compile(migrations, ACCOUNT);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[schemacode:ModifiedMigration] U0001__init.sql was edited");
    Files.delete(reverse);
    Compilation missing = compile(migrations, ACCOUNT);
    assertThat(missing).hadErrorContaining("[schemacode:MissingMigration] U0001__init.sql");
  }

  @Test
  void aPersonWritesTheReverseOfAHandWrittenMigration() throws Exception {
    assertThat(compile(migrations, ACCOUNT)).succeeded();
    Files.writeString(migrations.resolve("V0002__seed_admin.sql"), "INSERT INTO account VALUES (1, 'admin@example.com');\n");
    Files.writeString(migrations.resolve("U0002__seed_admin.sql"), "DELETE FROM account WHERE id = 1;\n");
    Files.writeString(migrations.resolve("U0007__nothing.sql"), "SELECT 1;\n");
    Compilation orphan = compile(migrations, ACCOUNT);
    assertThat(orphan).hadErrorContaining("[schemacode:ReverseWithoutMigration] U0007__nothing.sql undoes no migration");
    Files.delete(migrations.resolve("U0007__nothing.sql"));

    assertThat(compile(migrations, ACCOUNT)).succeeded();
    Ledger ledger = LedgerCodec.read(snapshot(migrations).get(Ledger.FILE_NAME), "ledger");
    LedgerEntry handWritten = ledger.migrations().get(1);
    assertEquals(LedgerEntry.Origin.HAND_WRITTEN, handWritten.origin());
    assertEquals("U0002__seed_admin.sql", handWritten.reverse().orElseThrow().files().get(0).file().fileName());

    // a reverse written later, for a hand-written migration recorded without one, is recorded too
    Files.writeString(migrations.resolve("V0003__fix.sql"), "UPDATE account SET email = lower(email);\n");
    assertThat(compile(migrations, ACCOUNT)).succeeded();
    String head = LedgerCodec.read(snapshot(migrations).get(Ledger.FILE_NAME), "ledger").head();
    Files.writeString(migrations.resolve("U0003__fix.sql"), "SELECT 1; -- lower case cannot be undone\n");
    assertThat(compile(migrations, "verify", ACCOUNT)).hadErrorContaining("[schemacode:UnrecordedMigration] U0003__fix.sql");
    assertThat(compile(migrations, ACCOUNT)).succeeded();
    Ledger after = LedgerCodec.read(snapshot(migrations).get(Ledger.FILE_NAME), "ledger");
    assertTrue(after.migrations().get(2).reverse().isPresent());
    assertEquals(head, after.head(), "a reverse is not part of the chain: adding one later changes no head");

    Files.writeString(migrations.resolve("U0003__again.sql"), "SELECT 2;\n");
    assertThat(compile(migrations, ACCOUNT)).hadErrorContaining("[schemacode:ReverseAlreadyRecorded] U0003__again.sql");
  }

  @Test
  void aLedgerWrittenBeforeReversesStaysReadableAndItsMigrationsHaveNone() throws Exception {
    assertThat(compile(migrations, ACCOUNT)).succeeded();
    // the state an older schemacode left: no U file, format 1, no reverse in the entry
    Files.delete(migrations.resolve("U0001__init.sql"));
    Ledger old = LedgerCodec.read(Files.readString(migrations.resolve(Ledger.FILE_NAME)), "ledger");
    Ledger stripped = new Ledger(List.of(new LedgerEntry(old.migrations().get(0).file(), old.migrations().get(0).checksum(),
        LedgerEntry.Origin.GENERATED, old.migrations().get(0).chain())), old.schema(), old.declaredBy());
    String text = LedgerCodec.write(stripped);
    assertTrue(text.contains("\"format\": 1"), "a ledger without reverses keeps format 1");
    Files.writeString(migrations.resolve(Ledger.FILE_NAME), text, StandardCharsets.UTF_8);

    assertThat(compile(migrations, ACCOUNT)).succeeded();
    assertEquals(text, Files.readString(migrations.resolve(Ledger.FILE_NAME)), "an unchanged build leaves the ledger as it was");
    assertThat(compile(migrations, account(
        "@Table",
        "public class Account {",
        "  @Id long id;",
        "  String email;",
        "  @org.jspecify.annotations.Nullable String fax;",
        "  @org.jspecify.annotations.Nullable String phone;",
        "}"))).succeeded();
    Ledger ledger = LedgerCodec.read(Files.readString(migrations.resolve(Ledger.FILE_NAME)), "ledger");
    assertFalse(ledger.migrations().get(0).reverse().isPresent());
    assertTrue(ledger.migrations().get(1).reverse().isPresent());
  }
}

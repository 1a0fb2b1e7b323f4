package dev.schemacode.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemacode.model.CheckpointScript;
import dev.schemacode.model.Checksums;
import dev.schemacode.model.Column;
import dev.schemacode.model.DeclaredSchema;
import dev.schemacode.model.DeclaredSchemaCodec;
import dev.schemacode.model.Ledger;
import dev.schemacode.model.LedgerCodec;
import dev.schemacode.model.LedgerEntry;
import dev.schemacode.model.MigrationScript;
import dev.schemacode.model.PrimaryKey;
import dev.schemacode.model.QualifiedName;
import dev.schemacode.model.Renames;
import dev.schemacode.model.Schema;
import dev.schemacode.model.SchemaDiff;
import dev.schemacode.model.Table;
import dev.schemacode.runtime.Environment;
import dev.schemacode.runtime.MigrationException;
import dev.schemacode.runtime.MigrationInfo;
import dev.schemacode.runtime.MigrationSource;
import dev.schemacode.runtime.MigrationStatus;
import dev.schemacode.runtime.Migrator;
import dev.schemacode.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migrations timeline in Chromium where the history is not simply applied and pending: a failed
 * and a modified migration flagged with the sentences {@code status} prints; a database built from a
 * checkpoint whose covered files are archived, then pushed, with the lines {@code status} prints above
 * its table. Screenshots in {@code target/ui-screenshots}.
 */
class MigrationsBrowserTest {
  @RegisterExtension static final TestDatabase troubled = new TestDatabase();
  @RegisterExtension static final TestDatabase checkpointed = new TestDatabase();

  @TempDir static Path troubledMigrations;
  @TempDir static Path checkpointedMigrations;

  private static Chromium browser;
  private static UiServer troubledServer;
  private static UiServer checkpointedServer;
  private static MigrationStatus troubledStatus;
  private static MigrationStatus checkpointedStatus;

  @BeforeAll
  static void start() throws Exception {
    Path binary = Chromium.find().orElse(null);
    Assumptions.assumeTrue(binary != null, "no Chromium on this machine (install the Debian package `chromium`,"
        + " or set CHROMIUM to a Chrome or Chromium binary): the browser tests are skipped");
    troubledServer = serve(troubled, troubledMigrations, prepareTroubled());
    troubledStatus = migrator(troubled, troubledMigrations).status();
    checkpointedServer = serve(checkpointed, checkpointedMigrations, prepareCheckpointedAndPushed());
    checkpointedStatus = migrator(checkpointed, checkpointedMigrations).status();
    browser = Chromium.launch(binary, 1400, 860);
  }

  @AfterAll
  static void stop() throws Exception {
    for (AutoCloseable open : new AutoCloseable[] {browser, troubledServer, checkpointedServer}) {
      if (open != null) {
        open.close();
      }
    }
  }

  private static final Environment DEVELOPMENT = Environment.named("development");

  private static Migrator migrator(TestDatabase database, Path migrations) {
    return Migrator.builder().url(ShopDatabase.url(database)).migrations(MigrationSource.directory(migrations))
        .environment(DEVELOPMENT).build();
  }

  private static UiServer serve(TestDatabase database, Path migrations, Migrator migrator) {
    return UiServer.start(new UiServer.Settings(ShopDatabase.url(database), migrator,
        MigrationSource.directory(migrations), Migrator.DEFAULT_HISTORY_TABLE, DEVELOPMENT, 0));
  }

  /**
   * Hand-written migrations, no ledger: V0001 and V0002 applied, V0003 (outside a transaction) fails
   * half-way and stays in the history as failed, V0004 pending; then someone edits V0001.
   */
  private static Migrator prepareTroubled() throws Exception {
    Path dir = troubledMigrations;
    Files.writeString(dir.resolve("V0001__create_note.sql"), "CREATE TABLE note (id bigint PRIMARY KEY, body text);\n");
    Files.writeString(dir.resolve("V0002__create_tag.sql"), "CREATE TABLE tag (id bigint PRIMARY KEY, name text NOT NULL);\n");
    Files.writeString(dir.resolve("V0003__index_tag_concurrently.sql"),
        "-- schemacode:no-transaction\nCREATE INDEX CONCURRENTLY tag_colour_idx ON tag (colour);\n");
    Files.writeString(dir.resolve("V0004__create_label.sql"), "CREATE TABLE label (id bigint PRIMARY KEY);\n");
    Migrator migrator = migrator(troubled, dir);
    assertThrows(MigrationException.class, migrator::migrate);
    Files.writeString(dir.resolve("V0001__create_note.sql"), "ALTER TABLE note ADD COLUMN extra text;\n",
        StandardOpenOption.APPEND);
    return migrator;
  }

  private static Schema schema(String... tables) {
    return new Schema(Arrays.stream(tables).map(name -> new Table(QualifiedName.of(name),
        List.of(Column.required("id", "bigint")), Optional.of(PrimaryKey.defaultFor(name, List.of("id"))))).toList());
  }

  private static Ledger version(Path dir, Ledger ledger, Schema next) throws Exception {
    for (MigrationScript.File file : MigrationScript.plan(ledger.nextSequence(), "create_" + ledger.nextSequence(),
        SchemaDiff.between(ledger.schema(), next).changes(), "5s")) {
      Files.writeString(dir.resolve(file.name().fileName()), file.script());
      ledger = ledger.append(file.name(), Checksums.ofScript(file.script()), LedgerEntry.Origin.GENERATED, next);
    }
    return ledger;
  }

  /**
   * V0001, a checkpoint at V0001 (its file then archived), V0002: a new database deployed from the
   * checkpoint, then pushed one table further (the declared schema a push-mode build leaves beside the ledger).
   */
  private static Migrator prepareCheckpointedAndPushed() throws Exception {
    Path dir = checkpointedMigrations;
    Ledger ledger = version(dir, Ledger.EMPTY, schema("customer"));
    CheckpointScript.Made made = CheckpointScript.make(ledger, true);
    Files.writeString(dir.resolve(made.fileName()), made.script());
    ledger = version(dir, made.ledger(), schema("customer", "invoice"));
    Files.writeString(dir.resolve(Ledger.FILE_NAME), LedgerCodec.write(ledger));
    Files.delete(dir.resolve(ledger.migrations().get(0).file().fileName()));
    Migrator migrator = migrator(checkpointed, dir);
    migrator.migrate();
    Files.writeString(dir.resolve(DeclaredSchema.FILE_NAME), DeclaredSchemaCodec.write(
        new DeclaredSchema(schema("customer", "invoice", "receipt"), Renames.NONE, Map.of(), ledger.head())));
    migrator.push(false);
    return migrator;
  }

  private static String text(String selector) throws Exception {
    return browser.evaluate("document.querySelector(" + Raw.JSON.writeValueAsString(selector) + ").textContent").asText();
  }

  private static void openMigrations(UiServer server, int entries) throws Exception {
    browser.navigate(server.url() + "#/migrations");
    browser.waitUntil("document.querySelectorAll('#timeline li').length === " + entries);
  }

  private static String explanation(MigrationStatus status, String version) {
    return status.find(Long.parseLong(version)).map(MigrationInfo::explanation).orElseThrow();
  }

  @Test
  void aFailedAndAModifiedMigrationAreFlaggedInTheWordsOfStatus() throws Exception {
    openMigrations(troubledServer, 4);
    assertEquals("modified", text("#timeline li[data-version='0001'] .badge"));
    assertTrue(browser.evaluate("document.querySelector(\"#timeline li[data-version='0001'] .badge\")"
        + ".classList.contains('problem')").asBoolean());
    assertEquals(explanation(troubledStatus, "0001"), text("#timeline li[data-version='0001'] .explanation"));
    assertEquals("applied", text("#timeline li[data-version='0002'] .badge"));
    assertEquals("failed", text("#timeline li[data-version='0003'] .badge"));
    assertEquals(explanation(troubledStatus, "0003"), text("#timeline li[data-version='0003'] .explanation"));
    assertTrue(text("#timeline li[data-version='0003']").contains("no transaction"));
    assertEquals("pending", text("#timeline li[data-version='0004'] .badge"));
    assertEquals("2 problems", text(".toolbar .badge.problem"));

    // the edited file is what the page shows: the reader sees what changed since it was applied
    browser.click("#timeline li[data-version='0001'] a");
    browser.waitUntil("document.querySelector('#script pre.sql')");
    assertTrue(text("#script pre.sql").contains("ADD COLUMN extra"), text("#script pre.sql"));
    browser.screenshot(UiBrowserTest.SCREENSHOTS.resolve("migrations-problems.png"));
  }

  @Test
  void aDatabaseBuiltFromACheckpointAndPushedShowsBothAndTheArchivedMigration() throws Exception {
    openMigrations(checkpointedServer, 2);
    assertEquals("Built from checkpoint C0001__checkpoint.sql: the 1 migrations up to V0001 were recorded as applied"
        + " without running", text("#checkpoint"));
    assertEquals(checkpointedStatus.pushed().orElseThrow().describe(), text("#pushed"));
    assertTrue(text("#pushed").startsWith("Pushed at "), text("#pushed"));

    // archived: on the timeline from the history, said so, and no link to a script the build does not have
    assertEquals("applied", text("#timeline li[data-version='0001'] .badge"));
    assertTrue(text("#timeline li[data-version='0001']").contains("checkpoint"));
    assertEquals("file archived (the checkpoint covers it)", text("#timeline li[data-version='0001'] .archived"));
    assertEquals(0, browser.evaluate("document.querySelectorAll(\"#timeline li[data-version='0001'] a\").length").asInt());
    assertFalse(browser.evaluate("Boolean(document.querySelector(\"#timeline li[data-version='0001'] .explanation\"))")
        .asBoolean());

    browser.click("#timeline li[data-version='0002'] a");
    browser.waitUntil("document.querySelector('#script pre.sql .header')");
    assertTrue(text("#script pre.sql .header").startsWith("-- V0002__create_2"), text("#script pre.sql"));
    assertTrue(text("#script pre.sql").contains("CREATE TABLE \"invoice\""), text("#script pre.sql"));
    // what the push added is drift against the recorded schema, with the SQL that would undo it
    browser.waitUntil("document.querySelector('#drift pre.sql')");
    assertTrue(text("#drift pre.sql").contains("DROP TABLE \"receipt\""), text("#drift"));
    browser.screenshot(UiBrowserTest.SCREENSHOTS.resolve("migrations-checkpoint-pushed.png"));
  }
}

package dev.schemacode.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import dev.schemacode.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code schemacode push} through the CLI on a real database, with a build's output as the processor
 * leaves it (a generated V0001, the ledger, and a declared schema past it): guarded, data loss listed
 * first and refused without the flag, exit codes.
 */
class PushCommandTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();

  @TempDir Path output;

  private static Table customer(Column... extra) {
    List<Column> columns = new ArrayList<>(List.of(new Column("id", "bigint", false, true),
        new Column("email", "text", false, false)));
    columns.addAll(List.of(extra));
    return new Table(QualifiedName.of("customer"), columns, Optional.of(PrimaryKey.defaultFor("customer", List.of("id"))));
  }

  @BeforeEach
  void buildOutputAndDeployedDatabase() throws Exception {
    sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public AUTHORIZATION CURRENT_USER; GRANT USAGE ON SCHEMA public TO PUBLIC;");
    Schema v1 = new Schema(List.of(customer(new Column("fax", "text", true, false))));
    MigrationScript.File init = MigrationScript.plan(1, "init", SchemaDiff.between(Schema.EMPTY, v1).changes(), "5s").get(0);
    Ledger ledger = Ledger.EMPTY.append(init.name(), Checksums.ofScript(init.script()), LedgerEntry.Origin.GENERATED, v1);
    Files.writeString(output.resolve(init.name().fileName()), init.script());
    Files.writeString(output.resolve(Ledger.FILE_NAME), LedgerCodec.write(ledger));
    // what a build in push mode leaves: the fax gone, a phone added, no migration for either yet
    Schema v2 = new Schema(List.of(customer(new Column("phone", "text", true, false))));
    Files.writeString(output.resolve(DeclaredSchema.FILE_NAME),
        DeclaredSchemaCodec.write(new DeclaredSchema(v2, Renames.NONE, Map.of(), ledger.head())));
    assertEquals(0, run("deploy").exitCode());
    sql("INSERT INTO customer (email, fax) VALUES ('ada@example.com', '0123')");
  }

  @AfterEach
  void unmark() throws Exception {
    sql("ALTER DATABASE " + database.name() + " RESET " + Environment.DATABASE_SETTING);
  }

  @Test
  void refusesDataLossWithoutTheFlagListingItAndAppliesEverythingWithIt() throws Exception {
    SchemacodeCliTest.Run refused = run("push", "--environment", "development");
    assertEquals(1, refused.exitCode(), refused.err());
    assertEquals("schemacode: error: refusing to push, nothing was changed: 1 change loses data (drop column customer.fax);"
        + " run push again with --accept-data-loss to apply it with the other 1 change (add column customer.phone text)\n",
        refused.err());
    assertEquals("0123", query("SELECT fax FROM customer"));

    SchemacodeCliTest.Run unpushed = run("status", "--json");
    assertTrue(unpushed.out().contains("\"pushed\" : null"), unpushed.out());
    assertTrue(!run("status").out().contains("Pushed at"));

    SchemacodeCliTest.Run pushed = run("push", "--environment", "development", "--accept-data-loss");
    assertEquals(0, pushed.exitCode(), pushed.err());
    List<String> lines = pushed.out().lines().toList();
    assertEquals("schemacode: data loss accepted (--accept-data-loss):", lines.get(0), pushed.out());
    assertEquals("  drop column customer.fax", lines.get(1));
    assertTrue(lines.contains("  add column customer.phone text"), pushed.out());
    assertTrue(pushed.out().contains("no migration holds these changes yet"), pushed.out());
    assertEquals("ada@example.com", query("SELECT email FROM customer WHERE phone IS NULL"));
    assertEquals("1", query("SELECT count(*) FROM pg_tables WHERE tablename = 'schemacode_history_push'"));

    // status says the database was pushed: when, by whom, and what deploy will do about it
    SchemacodeCliTest.Run status = run("status");
    assertEquals(0, status.exitCode(), status.err());
    String line = status.out().lines().filter(l -> l.startsWith("Pushed at ")).findFirst().orElseThrow(
        () -> new AssertionError(status.out()));
    assertTrue(line.matches("Pushed at \\S+Z by " + database.user() + " \\(1 push since it last matched its migrations;"
        + " the last made 2 changes\\): a development database whose schema was pushed from the declarations; deploy"
        + " records the migration generated for them as applied once the database matches it"), line);
    SchemacodeCliTest.Run json = run("status", "--json");
    var pushedNode = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out()).get("pushed");
    assertEquals(1, pushedNode.get("pushes").asInt(), json.out());
    assertEquals(2, pushedNode.get("lastChanges").asInt(), json.out());
    assertEquals(database.user(), pushedNode.get("by").asText(), json.out());
    assertEquals(query("SELECT (extract(epoch FROM pushed_at) * 1000000)::bigint FROM schemacode_history_push"),
        String.valueOf(java.time.temporal.ChronoUnit.MICROS.between(java.time.Instant.EPOCH,
            java.time.Instant.parse(pushedNode.get("at").asText()))), json.out());

    SchemacodeCliTest.Run again = run("push", "--environment", "development");
    assertEquals(0, again.exitCode(), again.err());
    assertTrue(again.out().contains("already is the declared schema; nothing to push"), again.out());
    assertTrue(run("status").out().contains("(1 push since"), "a push that changes nothing adds no row");
    // the marker is the runtime's own table: diff does not report it
    SchemacodeCliTest.Run diff = run("diff");
    assertTrue(!diff.out().contains("schemacode_history_push"), diff.out());
  }

  @Test
  void dryRunPrintsTheSqlWithDataLossFirstAndChangesNothing() throws Exception {
    SchemacodeCliTest.Run refused = run("push", "--dry-run", "--environment", "development");
    assertEquals(1, refused.exitCode(), refused.err());
    List<String> lines = refused.out().lines().toList();
    assertTrue(lines.get(0).startsWith("-- schemacode push --dry-run: " + output + " to postgresql://"), refused.out());
    assertEquals("-- 2 changes would be pushed, 1 loses data (push refuses it without --accept-data-loss):", lines.get(1));
    assertEquals("--   [data loss] drop column customer.fax", lines.get(2));
    assertEquals("--   add column customer.phone text", lines.get(3));
    assertTrue(lines.contains("ALTER TABLE \"customer\" DROP COLUMN \"fax\";"), refused.out());
    assertTrue(lines.contains("ALTER TABLE \"customer\" ADD COLUMN \"phone\" text;"), refused.out());
    assertTrue(refused.out().contains("CREATE TABLE IF NOT EXISTS \"schemacode_history_push\""), refused.out());
    assertEquals("schemacode: error: push would refuse this, and the dry run changed nothing: 1 change loses data"
        + " (drop column customer.fax); push with --accept-data-loss to apply it\n", refused.err());

    SchemacodeCliTest.Run accepted = run("push", "--dry-run", "--environment", "development", "--accept-data-loss");
    assertEquals(0, accepted.exitCode(), accepted.err());
    assertEquals("-- 2 changes would be pushed, 1 loses data (accepted with --accept-data-loss):",
        accepted.out().lines().toList().get(1), accepted.out());
    assertEquals("", accepted.err());
    assertEquals("0123", query("SELECT fax FROM customer"), "a dry run changes nothing");
    assertEquals("0", query("SELECT count(*) FROM information_schema.columns WHERE column_name = 'phone'"));
    assertEquals("0", query("SELECT count(*) FROM pg_tables WHERE tablename = 'schemacode_history_push'"));

    assertEquals(0, run("push", "--environment", "development", "--accept-data-loss").exitCode());
    SchemacodeCliTest.Run nothing = run("push", "--dry-run", "--environment", "development");
    assertEquals(0, nothing.exitCode(), nothing.err());
    assertEquals("-- nothing to push: the database already is the declared schema", nothing.out().lines().toList().get(1));

    SchemacodeCliTest.Run production = run("push", "--dry-run", "--environment", "production");
    assertEquals(2, production.exitCode());
    assertTrue(production.err().startsWith("schemacode: error: refusing to push: the environment is 'production'"),
        production.err());
  }

  /** A database nobody pushed gets its pending migrations first: the dry run shows them, then the same changes push makes. */
  @Test
  void dryRunOfANewDatabaseShowsThePendingMigrationsFirstAndThenWhatPushChanges() throws Exception {
    sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public AUTHORIZATION CURRENT_USER;");
    SchemacodeCliTest.Run dryRun = run("push", "--dry-run", "--environment", "development", "--accept-data-loss");
    assertEquals(0, dryRun.exitCode(), dryRun.err());
    List<String> lines = dryRun.out().lines().toList();
    assertEquals("-- first, 1 pending migration (a database nobody pushed gets them before the push; the changes below"
        + " are from the schema they lead to)", lines.get(1), dryRun.out());
    assertTrue(lines.stream().anyMatch(line -> line.startsWith("-- V0001__init: in its own transaction")), dryRun.out());
    assertEquals("0", query("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"), "a dry run changes nothing");

    SchemacodeCliTest.Run pushed = run("push", "--environment", "development", "--accept-data-loss");
    assertEquals(0, pushed.exitCode(), pushed.err());
    List<String> planned = lines.stream().filter(line -> line.startsWith("--   "))
        .map(line -> line.replace("--   [data loss] ", "  ").replace("--   ", "  ")).sorted().toList();
    List<String> done = pushed.out().lines().toList();
    done = done.subList(done.indexOf(done.stream().filter(line -> line.startsWith("schemacode: pushed")).findFirst()
        .orElseThrow()) + 1, done.size()).stream().filter(line -> line.startsWith("  ")).sorted().toList();
    assertEquals(done, planned, "the dry run lists the changes the push makes");
  }

  @Test
  void isRefusedOutsideADeclaredNonProductionEnvironment() throws Exception {
    SchemacodeCliTest.Run production = run("push", "--environment", "production", "--accept-data-loss");
    assertEquals(2, production.exitCode());
    assertTrue(production.err().startsWith("schemacode: error: refusing to push: the environment is 'production'"),
        production.err());
    SchemacodeCliTest.Run undeclared = run("push", "--environment=", "--accept-data-loss");
    assertEquals(2, undeclared.exitCode());
    assertTrue(undeclared.err().contains("no environment is declared"), undeclared.err());
    sql("ALTER DATABASE " + database.name() + " SET " + Environment.DATABASE_SETTING + " = 'production'");
    SchemacodeCliTest.Run marked = run("push", "--environment", "development", "--accept-data-loss");
    assertEquals(2, marked.exitCode());
    assertTrue(marked.err().contains("the database says it is 'production'"), marked.err());
    assertEquals("0123", query("SELECT fax FROM customer"), "nothing was changed");
  }

  /**
   * The loop closed: after a push, the migration generated for it is recorded on the pushed database
   * without running, and deploy, its dry run and status say so.
   */
  @Test
  void deployRecordsTheMigrationGeneratedForWhatWasPushedAndSaysSo() throws Exception {
    assertEquals(0, run("push", "--environment", "development", "--accept-data-loss").exitCode());
    // what the generate build writes for the feature: the ledger now leads to the declared schema
    Ledger ledger = LedgerCodec.read(Files.readString(output.resolve(Ledger.FILE_NAME)), "ledger");
    DeclaredSchema declared = DeclaredSchemaCodec.read(Files.readString(output.resolve(DeclaredSchema.FILE_NAME)), "declared");
    List<String> labels = new ArrayList<>();
    for (MigrationScript.File file : MigrationScript.plan(ledger.nextSequence(), "phone_instead_of_fax",
        SchemaDiff.between(ledger.schema(), declared.schema()).changes(), "5s")) {
      Files.writeString(output.resolve(file.name().fileName()), file.script());
      ledger = ledger.append(file.name(), Checksums.ofScript(file.script()), LedgerEntry.Origin.GENERATED, declared.schema());
      labels.add(file.name().label());
    }
    Files.writeString(output.resolve(Ledger.FILE_NAME), LedgerCodec.write(ledger));
    String newest = labels.get(labels.size() - 1).substring(1, 5);

    SchemacodeCliTest.Run dryRun = run("deploy", "--dry-run");
    assertEquals(0, dryRun.exitCode(), dryRun.err());
    assertEquals("-- " + labels.size() + (labels.size() == 1 ? " migration" : " migrations") + " would be recorded as"
        + " applied without running: a push already made the database the schema " + (labels.size() == 1 ? "it leads"
        : "they lead") + " to; database is at V0001", dryRun.out().lines().toList().get(1), dryRun.out());
    assertTrue(!dryRun.out().contains("ALTER TABLE"), "nothing would run: " + dryRun.out());

    SchemacodeCliTest.Run deploy = run("deploy");
    assertEquals(0, deploy.exitCode(), deploy.err());
    for (String label : labels) {
      assertTrue(deploy.out().contains("schemacode: recorded " + label + " as applied without running it: a push had"
          + " already made the database the schema it leads to\n"), deploy.out());
    }
    assertTrue(deploy.out().endsWith("schemacode: nothing else to apply; database is at V" + newest + "\n"), deploy.out());
    assertTrue(!run("status").out().contains("Pushed at"), "the database is back on its history");
    assertEquals(String.valueOf(labels.size()), query("SELECT count(*) FROM schemacode_history WHERE kind = 'push'"));
  }

  /** Push works on one database (docs/workflow.md says why): fleet options are a usage error. */
  @Test
  void fleetOptionsAreAUsageError() throws Exception {
    SchemacodeCliTest.Run fleet = run("push", "--environment", "development", "--schemas", "tenant_%");
    assertEquals(2, fleet.exitCode(), fleet.err());
    assertTrue(fleet.err().startsWith("schemacode: error: Unknown options: '--schemas'"), fleet.err());
    assertEquals("0123", query("SELECT fax FROM customer"), "nothing was changed");
  }

  @Test
  void aSourceTreeDirectoryWithoutTheDeclaredSchemaIsAUsageError() throws Exception {
    Files.delete(output.resolve(DeclaredSchema.FILE_NAME));
    SchemacodeCliTest.Run run = run("push", "--environment", "development");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("push needs schemacode-declared.json"), run.err());
  }

  private SchemacodeCliTest.Run run(String command, String... args) {
    List<String> all = new ArrayList<>(List.of(command, "--url", database.jdbcUrlWithCredentials(),
        "--migrations", output.toString()));
    all.addAll(List.of(args));
    return SchemacodeCliTest.cli(all.toArray(String[]::new));
  }

  private static void sql(String sql) throws Exception {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static String query(String sql) throws Exception {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      return result.next() ? result.getString(1) : null;
    }
  }
}

package dev.schemacode.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import dev.schemacode.runtime.Queries;
import dev.schemacode.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code push} through the packaged {@code schemacode-cli.jar} as a separate process, as a developer runs
 * it against a build's output: it applies on a development database; it is refused, with exit 2 and one
 * line, where the environment guard says production; a change that loses data is refused (exit 1, one
 * line listing it) until {@code --accept-data-loss}; and the password of the URL appears in no output.
 */
class PushJarIT {
  @RegisterExtension static final TestDatabase database = new TestDatabase();

  @TempDir Path output;

  private Ledger ledger;
  /** The password in the URL the process gets: the server's own, or one a trusting test server ignores. */
  private String secret;
  private Map<String, String> development;

  private static Table customer(Column... extra) {
    List<Column> columns = new ArrayList<>(List.of(new Column("id", "bigint", false, true),
        new Column("email", "text", false, false), new Column("fax", "text", true, false)));
    columns.addAll(List.of(extra));
    return new Table(QualifiedName.of("customer"), columns, Optional.of(PrimaryKey.defaultFor("customer", List.of("id"))));
  }

  @BeforeEach
  void buildOutputAndDeployedDatabase() throws Exception {
    Queries.execute(database, "DROP SCHEMA public CASCADE; CREATE SCHEMA public AUTHORIZATION CURRENT_USER; GRANT USAGE ON SCHEMA public TO PUBLIC;");
    Schema v1 = new Schema(List.of(customer()));
    MigrationScript.File init = MigrationScript.plan(1, "init", SchemaDiff.between(Schema.EMPTY, v1).changes(), "5s").get(0);
    ledger = Ledger.EMPTY.append(init.name(), Checksums.ofScript(init.script()), LedgerEntry.Origin.GENERATED, v1);
    Files.writeString(output.resolve(init.name().fileName()), init.script());
    Files.writeString(output.resolve(Ledger.FILE_NAME), LedgerCodec.write(ledger));
    declare(v1);

    secret = database.password().isEmpty() ? "N0tPrinted-s3cret" : database.password();
    String hostAndDb = database.jdbcUrl().substring("jdbc:postgresql://".length());
    development = new HashMap<>(Map.of("DATABASE_URL", "postgresql://" + database.user() + ":" + secret + "@" + hostAndDb,
        "SCHEMACODE_ENV", "development", "SCHEMACODE_MIGRATIONS", output.toString()));
    CliJarIT.Result deploy = run(development, "deploy");
    assertEquals(0, deploy.exitCode(), deploy.err());
    Queries.execute(database, "INSERT INTO customer (email, fax) VALUES ('ada@example.com', '0123')");
  }

  @AfterEach
  void unmark() throws Exception {
    Queries.execute(database, "ALTER DATABASE " + database.name() + " RESET " + Environment.DATABASE_SETTING);
  }

  /** What a build in push mode leaves beside the ledger: the declarations, no migration for them yet. */
  private void declare(Schema schema) throws Exception {
    Files.writeString(output.resolve(DeclaredSchema.FILE_NAME),
        DeclaredSchemaCodec.write(new DeclaredSchema(schema, Renames.NONE, Map.of(), ledger.head())));
  }

  private CliJarIT.Result run(Map<String, String> environment, String... args) throws Exception {
    CliJarIT.Result result = CliJarIT.run(environment, args);
    assertFalse((result.out() + result.err()).contains(secret), "the password is never printed: " + result);
    return result;
  }

  @Test
  void pushAppliesOnADevelopmentDatabase() throws Exception {
    declare(new Schema(List.of(customer(new Column("phone", "text", true, false)))));

    CliJarIT.Result pushed = run(development, "push");
    assertEquals(0, pushed.exitCode(), pushed.out() + pushed.err());
    assertEquals("", pushed.err());
    List<String> lines = pushed.out().lines().toList();
    assertTrue(lines.get(0).matches("schemacode: pushed 1 change to postgresql://" + database.user()
        + "@[^ ]+:"), pushed.out());
    assertEquals("  add column customer.phone text", lines.get(1), pushed.out());
    assertEquals("1", Queries.text(database, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'customer'"
        + " AND column_name = 'phone'"));
    assertEquals("0123", Queries.text(database, "SELECT fax FROM customer"), "rows kept");

    CliJarIT.Result status = run(development, "status");
    assertEquals(0, status.exitCode(), status.err());
    assertTrue(status.out().contains("\nPushed at "), status.out());

    CliJarIT.Result again = run(development, "push");
    assertEquals(0, again.exitCode(), again.err());
    assertTrue(again.out().contains("already is the declared schema; nothing to push"), again.out());
  }

  @Test
  void pushIsRefusedWhereTheGuardSaysProductionWithExitTwoAndOneLine() throws Exception {
    declare(new Schema(List.of(customer(new Column("phone", "text", true, false)))));

    Map<String, String> production = new HashMap<>(development);
    production.put("SCHEMACODE_ENV", "production");
    CliJarIT.Result refused = run(production, "push", "--accept-data-loss");
    assertEquals(2, refused.exitCode(), refused.out() + refused.err());
    assertEquals("", refused.out());
    assertEquals(1, refused.err().strip().lines().count(), refused.err());
    assertTrue(refused.err().startsWith("schemacode: error: refusing to push: the environment is 'production'"),
        refused.err());

    CliJarIT.Result dryRun = run(production, "push", "--dry-run");
    assertEquals(2, dryRun.exitCode(), dryRun.out() + dryRun.err());
    assertEquals(1, dryRun.err().strip().lines().count(), dryRun.err());

    Queries.execute(database, "ALTER DATABASE " + database.name() + " SET " + Environment.DATABASE_SETTING + " = 'production'");
    CliJarIT.Result marked = run(development, "push");
    assertEquals(2, marked.exitCode(), marked.out() + marked.err());
    assertEquals(1, marked.err().strip().lines().count(), marked.err());
    assertTrue(marked.err().startsWith("schemacode: error: refusing to push: the database says it is 'production'"),
        marked.err());

    assertEquals("0", Queries.text(database, "SELECT count(*) FROM information_schema.columns WHERE column_name = 'phone'"),
        "nothing was changed");
    assertEquals("0", Queries.text(database, "SELECT count(*) FROM pg_tables WHERE tablename = 'schemacode_history_push'"));
  }

  @Test
  void aDestructivePushIsRefusedListingWhatItWouldLoseUntilAccepted() throws Exception {
    // the fax goes, a phone comes: one change loses data
    Schema withoutFax = new Schema(List.of(new Table(QualifiedName.of("customer"), List.of(
        new Column("id", "bigint", false, true), new Column("email", "text", false, false),
        new Column("phone", "text", true, false)), Optional.of(PrimaryKey.defaultFor("customer", List.of("id"))))));
    declare(withoutFax);

    CliJarIT.Result refused = run(development, "push");
    assertEquals(1, refused.exitCode(), refused.out() + refused.err());
    assertEquals("", refused.out());
    assertEquals("schemacode: error: refusing to push, nothing was changed: 1 change loses data (drop column"
        + " customer.fax); run push again with --accept-data-loss to apply it with the other 1 change (add column"
        + " customer.phone text)\n", refused.err());
    assertEquals("0123", Queries.text(database, "SELECT fax FROM customer"), "nothing was changed");

    CliJarIT.Result dryRun = run(development, "push", "--dry-run");
    assertEquals(1, dryRun.exitCode(), dryRun.out() + dryRun.err());
    List<String> planned = dryRun.out().lines().toList();
    assertEquals("-- 2 changes would be pushed, 1 loses data (push refuses it without --accept-data-loss):", planned.get(1),
        dryRun.out());
    assertEquals("--   [data loss] drop column customer.fax", planned.get(2), dryRun.out());
    assertTrue(planned.contains("ALTER TABLE \"customer\" DROP COLUMN \"fax\";"), dryRun.out());
    assertEquals(1, dryRun.err().strip().lines().count(), dryRun.err());
    assertEquals("0123", Queries.text(database, "SELECT fax FROM customer"), "a dry run changes nothing");

    CliJarIT.Result accepted = run(development, "push", "--accept-data-loss");
    assertEquals(0, accepted.exitCode(), accepted.out() + accepted.err());
    List<String> lines = accepted.out().lines().toList();
    assertEquals("schemacode: data loss accepted (--accept-data-loss):", lines.get(0), accepted.out());
    assertEquals("  drop column customer.fax", lines.get(1), accepted.out());
    assertEquals("0", Queries.text(database, "SELECT count(*) FROM information_schema.columns WHERE column_name = 'fax'"));
    assertEquals("ada@example.com", Queries.text(database, "SELECT email FROM customer"), "the other data stays");
  }
}

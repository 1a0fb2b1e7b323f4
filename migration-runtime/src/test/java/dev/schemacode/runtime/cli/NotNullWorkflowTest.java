package dev.schemacode.runtime.cli;

import static dev.schemacode.runtime.cli.SchemacodeCliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import dev.schemacode.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workflow of making a column NOT NULL while rows hold NULLs, end to end with the CLI, as
 * docs/workflow.md tells it (issue 19: it had a dead end). The migrations are what the processor
 * writes for that change (the same planner and renderer): a {@code CHECK … NOT VALID}, then a
 * {@code …_validate} file that validates it and sets {@code NOT NULL}.
 */
class NotNullWorkflowTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();
  @TempDir Path migrations;

  private static final Table NULLABLE = new Table(QualifiedName.of("payment"),
      List.of(Column.required("id", "bigint"), Column.optional("currency", "text")),
      Optional.of(PrimaryKey.defaultFor("payment", List.of("id"))));
  private static final Table REQUIRED = new Table(QualifiedName.of("payment"),
      List.of(Column.required("id", "bigint"), Column.required("currency", "text")),
      Optional.of(PrimaryKey.defaultFor("payment", List.of("id"))));

  private Ledger ledger = Ledger.EMPTY;

  @BeforeEach
  void emptySchema() throws Exception {
    execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
  }

  /** What one build writes for a change: one file per phase, each recorded with the schema after it. */
  private List<MigrationScript.File> build(Schema before, Schema after, String slug) throws Exception {
    List<MigrationScript.File> files = MigrationScript.plan(ledger.nextSequence(), slug,
        SchemaDiff.between(before, after).changes(), MigrationScript.DEFAULT_LOCK_TIMEOUT);
    for (MigrationScript.File file : files) {
      Files.writeString(migrations.resolve(file.name().fileName()), file.script());
      ledger = ledger.append(file.name(), Checksums.ofScript(file.script()), LedgerEntry.Origin.GENERATED, after);
    }
    Files.writeString(migrations.resolve(Ledger.FILE_NAME), LedgerCodec.write(ledger));
    return files;
  }

  private SchemacodeCliTest.Run run(String... args) {
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--url";
    all[args.length + 1] = database.jdbcUrlWithCredentials();
    all[args.length + 2] = "--migrations";
    all[args.length + 3] = migrations.toString();
    return cli(all);
  }

  @Test
  void makingAColumnRequiredWhileRowsHoldNullsHasAWayThrough() throws Exception {
    build(Schema.EMPTY, new Schema(List.of(NULLABLE)), "init");
    assertEquals(0, run("deploy").exitCode());
    execute("INSERT INTO payment VALUES (1, 'EUR'), (2, NULL), (3, NULL)");

    // The entity's field loses @Nullable; the build writes the check and its validation.
    List<MigrationScript.File> files = build(new Schema(List.of(NULLABLE)), new Schema(List.of(REQUIRED)), "currency_required");
    assertEquals(2, files.size(), files.toString());
    String check = files.get(0).name().version();
    String validate = files.get(1).name().label();
    assertTrue(validate.endsWith("_validate"), validate);
    Files.createDirectories(migrations.resolve("backfills"));
    Files.writeString(migrations.resolve("backfills/fill_payment_currency.sql"),
        "UPDATE payment SET currency = 'EUR' WHERE currency IS NULL;\n");

    // 1. deploy: the validation fails on the NULL rows, and is rolled back
    SchemacodeCliTest.Run failed = run("deploy");
    assertEquals(1, failed.exitCode(), failed.out() + failed.err());
    assertTrue(failed.err().contains(validate + " failed and was rolled back"), failed.err());

    // 2. the backfill refuses while migrations are pending, and says what to do instead
    SchemacodeCliTest.Run refused = run("backfill", "fill_payment_currency");
    assertEquals(1, refused.exitCode(), refused.err());
    assertTrue(refused.err().contains("`schemacode deploy --to <the version before that one>`"), refused.err());
    assertTrue(refused.err().contains("backfill fill_payment_currency --allow-pending"), refused.err());

    // 3. deploy up to the check: new rows must have a currency from now on
    SchemacodeCliTest.Run upTo = run("deploy", "--to", check);
    assertEquals(0, upTo.exitCode(), upTo.err());
    assertTrue(upTo.out().contains("database is at V" + check), upTo.out());
    assertTrue(upTo.out().contains("stopped at " + check + " as asked; 1 migration is still pending"), upTo.out());
    assertThrows(SQLException.class, () -> execute("INSERT INTO payment VALUES (4, NULL)"));

    // 4. the backfill, on purpose while the validation is pending
    SchemacodeCliTest.Run backfill = run("backfill", "fill_payment_currency", "--allow-pending");
    assertEquals(0, backfill.exitCode(), backfill.err());
    assertEquals(0, count("SELECT count(*) FROM payment WHERE currency IS NULL"));

    // 5. deploy the rest: validated, NOT NULL, and the database matches the declaration
    SchemacodeCliTest.Run rest = run("deploy");
    assertEquals(0, rest.exitCode(), rest.err());
    assertTrue(rest.out().contains("applied " + validate), rest.out());
    assertEquals(1, count("SELECT count(*) FROM pg_attribute WHERE attrelid = 'payment'::regclass"
        + " AND attname = 'currency' AND attnotnull"));
    SchemacodeCliTest.Run diff = run("diff");
    assertEquals(0, diff.exitCode(), diff.out());
  }

  @Test
  void deployToAVersionIsCheckedFirst() throws Exception {
    build(Schema.EMPTY, new Schema(List.of(NULLABLE)), "init");
    build(new Schema(List.of(NULLABLE)), new Schema(List.of(NULLABLE, new Table(QualifiedName.of("refund"),
        List.of(Column.required("id", "bigint")), Optional.empty()))), "refund");
    SchemacodeCliTest.Run unknown = run("deploy", "--to", "0009");
    assertEquals(2, unknown.exitCode(), unknown.err());
    assertTrue(unknown.err().contains("no migration has version 0009"), unknown.err());

    SchemacodeCliTest.Run dryRun = run("deploy", "--to", "V0001", "--dry-run");
    assertEquals(0, dryRun.exitCode(), dryRun.err());
    assertTrue(dryRun.out().contains("-- 1 migration would be applied"), dryRun.out());

    assertEquals(0, run("deploy", "--to", "1").exitCode());
    assertEquals(0, run("deploy", "--to", "1").exitCode()); // nothing to apply up to there
    assertEquals(0, run("deploy").exitCode());
    SchemacodeCliTest.Run past = run("deploy", "--to", "0001");
    assertEquals(2, past.exitCode(), past.err());
    assertTrue(past.err().contains("the database is at V0002, past 0001"), past.err());
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private long count(String sql) throws SQLException {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}

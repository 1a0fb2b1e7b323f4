package dev.schemacode.runtime.cli;

import static dev.schemacode.runtime.cli.SchemacodeCliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemacode.model.Checksums;
import dev.schemacode.model.Column;
import dev.schemacode.model.Index;
import dev.schemacode.model.Ledger;
import dev.schemacode.model.LedgerCodec;
import dev.schemacode.model.LedgerEntry;
import dev.schemacode.model.MigrationFileName;
import dev.schemacode.model.MigrationScript;
import dev.schemacode.model.PrimaryKey;
import dev.schemacode.model.QualifiedName;
import dev.schemacode.model.Schema;
import dev.schemacode.model.SchemaDiff;
import dev.schemacode.model.Table;
import dev.schemacode.model.introspect.PostgresIntrospector;
import dev.schemacode.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import dev.schemacode.runtime.Migrator;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code diff} on databases that hand-written migrations shaped (issue 19): expression indexes are
 * read, objects a recorded hand-written migration created are not drift, and pending migrations are
 * reported before any difference they explain.
 */
class DiffHandWrittenTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();
  @TempDir Path migrations;

  private static final Schema RECORDED = new Schema(List.of(new Table(QualifiedName.of("customer"),
      List.of(Column.required("id", "bigint"), Column.required("email", "text"), Column.required("tier", "text")),
      Optional.of(PrimaryKey.defaultFor("customer", List.of("id"))))));

  private Ledger ledger = Ledger.EMPTY;

  @BeforeEach
  void emptySchema() throws Exception {
    execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    generated(1, "init", Schema.EMPTY, RECORDED);
  }

  private void generated(int sequence, String slug, Schema before, Schema after) throws Exception {
    MigrationFileName file = MigrationFileName.of(sequence, slug);
    String script = MigrationScript.render(file, SchemaDiff.between(before, after).changes());
    Files.writeString(migrations.resolve(file.fileName()), script);
    ledger = ledger.append(file, Checksums.ofScript(script), LedgerEntry.Origin.GENERATED, after);
    Files.writeString(migrations.resolve(Ledger.FILE_NAME), LedgerCodec.write(ledger));
  }

  private void handWritten(int sequence, String slug, String script) throws Exception {
    MigrationFileName file = MigrationFileName.of(sequence, slug);
    Files.writeString(migrations.resolve(file.fileName()), script);
    ledger = ledger.append(file, Checksums.ofScript(script), LedgerEntry.Origin.HAND_WRITTEN, ledger.schema());
    Files.writeString(migrations.resolve(Ledger.FILE_NAME), LedgerCodec.write(ledger));
  }

  private SchemacodeCliTest.Run run(String command, String... more) {
    String[] args = new String[5 + more.length];
    args[0] = command;
    args[1] = "--url";
    args[2] = database.jdbcUrlWithCredentials();
    args[3] = "--migrations";
    args[4] = migrations.toString();
    System.arraycopy(more, 0, args, 5, more.length);
    return cli(args);
  }

  private void execute(String sql) throws Exception {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  @Test
  void expressionAndMixedIndexesAreReadAsTheyAre() throws Exception {
    assertEquals(0, run("deploy").exitCode());
    execute("CREATE INDEX customer_email_lower ON customer (lower(email));"
        + "CREATE UNIQUE INDEX customer_tier_email ON customer (tier, lower(email)) WHERE tier <> 'free';");
    try (Connection connection = database.connect()) {
      Table live = new PostgresIntrospector(connection, Migrator.runtimeTables(Migrator.DEFAULT_HISTORY_TABLE))
          .read(Set.of("")).table(QualifiedName.of("customer")).orElseThrow();
      assertEquals(List.of(new Index("customer_email_lower", List.of("(lower(email))"), false, "btree", Optional.empty()),
          new Index("customer_tier_email", List.of("tier", "(lower(email))"), true, "btree", Optional.of("(tier <> 'free'::text)"))),
          live.indexes());
    }
    SchemacodeCliTest.Run diff = run("diff");
    assertEquals(1, diff.exitCode(), diff.out() + diff.err());
    assertTrue(diff.out().contains("  drop index customer_email_lower on customer"), diff.out());
    // dropped concurrently or not, as the planner decides for an existing table
    assertTrue(java.util.regex.Pattern.compile("DROP INDEX (CONCURRENTLY )?(IF EXISTS )?\"customer_tier_email\";")
        .matcher(diff.out()).find(), diff.out());
  }

  @Test
  void whatRecordedHandWrittenMigrationsCreateIsNotDrift() throws Exception {
    handWritten(2, "audit", """
        CREATE TABLE audit_trail (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(),
          CONSTRAINT audit_trail_at_past CHECK (at <= now() + interval '1 day'));
        CREATE INDEX CONCURRENTLY IF NOT EXISTS "Customer_Email_Lower" ON customer (lower(email));
        ALTER TABLE customer ADD COLUMN IF NOT EXISTS legacy_code text, ADD CONSTRAINT customer_tier_known CHECK (tier <> '');
        CREATE TYPE audit_kind AS ENUM ('insert', 'delete');
        """.replace("CREATE INDEX CONCURRENTLY", "CREATE INDEX"));
    assertEquals(0, run("deploy").exitCode());
    SchemacodeCliTest.Run clean = run("diff");
    assertEquals(0, clean.exitCode(), clean.out() + clean.err());
    assertTrue(clean.out().contains("matches the schema recorded in"), clean.out());

    // a hot-fix beside them is still drift, and so is a change to a declared object
    execute("CREATE TABLE hotfix (id int); ALTER TABLE customer ALTER COLUMN tier DROP NOT NULL;");
    SchemacodeCliTest.Run drift = run("diff");
    assertEquals(1, drift.exitCode(), drift.out() + drift.err());
    assertTrue(drift.out().contains("  drop table hotfix"), drift.out());
    assertTrue(drift.out().contains("customer.tier"), drift.out());
    assertFalse(drift.out().contains("audit"), drift.out());
    assertFalse(drift.out().contains("legacy_code"), drift.out());
    assertFalse(drift.out().contains("Customer_Email_Lower"), drift.out());
  }

  @Test
  void pendingMigrationsAreReportedFirst() throws Exception {
    assertEquals(0, run("deploy").exitCode());
    Schema after = new Schema(List.of(RECORDED.tables().get(0), new Table(QualifiedName.of("invoice"),
        List.of(Column.required("id", "bigint")), Optional.of(PrimaryKey.defaultFor("invoice", List.of("id"))))));
    generated(2, "invoice", RECORDED, after);

    SchemacodeCliTest.Run diff = run("diff");
    assertEquals(1, diff.exitCode(), diff.out() + diff.err());
    String first = diff.out().lines().findFirst().orElseThrow();
    assertTrue(first.contains("1 migration is pending on") && first.contains("(V0002__invoice)")
        && first.contains("run `schemacode deploy`, then diff again"), diff.out());
    assertTrue(diff.out().contains("  create table invoice"), diff.out());

    JsonNode json = new ObjectMapper().readTree(run("diff", "--json").out());
    assertEquals("V0002__invoice", json.get("pending").get(0).asText());

    assertEquals(0, run("deploy").exitCode());
    SchemacodeCliTest.Run after2 = run("diff");
    assertEquals(0, after2.exitCode(), after2.out());
    assertFalse(after2.out().contains("pending"), after2.out());
  }
}

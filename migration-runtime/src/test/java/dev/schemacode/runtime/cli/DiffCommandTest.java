package dev.schemacode.runtime.cli;

import static dev.schemacode.runtime.cli.SchemacodeCliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemacode.model.Checksums;
import dev.schemacode.model.Column;
import dev.schemacode.model.EnumType;
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
import dev.schemacode.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code schemacode diff}: the live database against the schema its ledger records. */
class DiffCommandTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();
  @TempDir Path migrations;

  private static final Schema RECORDED = new Schema(
      List.of(new EnumType(QualifiedName.of("tier"), List.of("FREE", "PAID"))),
      List.of(new Table(QualifiedName.of("customer"),
          List.of(Column.identity("id", "bigint"), Column.required("email", "varchar(200)"),
              Column.required("tier", "tier").withDefault("'FREE'"), Column.optional("created_at", "timestamptz")),
          Optional.of(PrimaryKey.defaultFor("customer", List.of("id"))))));

  /** Migrations and ledger as the processor would write them. */
  @BeforeEach
  void migrationsAndDeploy() throws Exception {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    }
    MigrationFileName file = MigrationFileName.of(1, "init");
    String script = MigrationScript.render(file, SchemaDiff.between(Schema.EMPTY, RECORDED).changes());
    Files.writeString(migrations.resolve(file.fileName()), script);
    Ledger ledger = Ledger.EMPTY.append(file, Checksums.ofScript(script), LedgerEntry.Origin.GENERATED, RECORDED);
    Files.writeString(migrations.resolve(Ledger.FILE_NAME), LedgerCodec.write(ledger));
    assertEquals(0, cli("deploy", "--url", database.jdbcUrlWithCredentials(), "--migrations", migrations.toString()).exitCode());
  }

  @Test
  void aFreshlyMigratedDatabaseHasNoDrift() {
    SchemacodeCliTest.Run run = cli("diff", "--url", database.jdbcUrlWithCredentials(), "--migrations", migrations.toString());
    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("matches the schema recorded in"), run.out());
  }

  @Test
  void manualHotFixesAreReportedWithTheSqlThatReconcilesThem() throws Exception {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute("ALTER TABLE customer ADD COLUMN hotfix text;"
          + "CREATE INDEX manual_idx ON customer (email);"
          + "ALTER TABLE customer ALTER COLUMN email TYPE varchar(255);"
          + "ALTER TABLE customer ALTER COLUMN created_at SET NOT NULL;");
    }
    SchemacodeCliTest.Run run = cli("diff", "--url", database.jdbcUrlWithCredentials(), "--migrations", migrations.toString());
    assertEquals(1, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("  drop column customer.hotfix"), run.out());
    assertTrue(run.out().contains("  drop index manual_idx on customer"), run.out());
    assertTrue(run.out().contains("  change type of customer.email from varchar(255) to varchar(200)"), run.out());
    assertTrue(run.out().contains("  allow NULL in customer.created_at"), run.out());
    assertTrue(run.out().contains("ALTER TABLE \"customer\" DROP COLUMN \"hotfix\";"), run.out());
    // the index is on a column whose type changes, so it goes first in that transaction, not concurrently
    assertTrue(run.out().contains("DROP INDEX \"manual_idx\";"), run.out());

    SchemacodeCliTest.Run json = cli("diff", "--json", "--url", database.jdbcUrlWithCredentials(),
        "--migrations", migrations.toString());
    assertEquals(1, json.exitCode());
    JsonNode root = new ObjectMapper().readTree(json.out());
    assertTrue(root.get("drift").asBoolean());
    assertEquals(4, root.get("changes").size(), json.out());
  }

  @Test
  void withoutALedgerThereIsNothingToCompareWith() throws Exception {
    Files.delete(migrations.resolve(Ledger.FILE_NAME));
    SchemacodeCliTest.Run run = cli("diff", "--url", database.jdbcUrlWithCredentials(), "--migrations", migrations.toString());
    assertEquals(2, run.exitCode(), run.out() + run.err());
    assertTrue(run.err().contains("diff needs schemacode-ledger.json"), run.err());
  }
}

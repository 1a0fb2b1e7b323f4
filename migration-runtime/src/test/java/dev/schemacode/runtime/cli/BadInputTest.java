package dev.schemacode.runtime.cli;

import static dev.schemacode.runtime.cli.SchemacodeCliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemacode.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a user gets wrong, as the CLI answers it (issue 19): every mistake is one line on standard
 * error and exit 2, and nothing is applied. Before, misnamed files were skipped ({@code nothing to
 * apply}, exit 0), a long version crashed, and a misspelled directive was ignored.
 */
class BadInputTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();
  @TempDir Path migrations;

  @BeforeEach
  void emptySchema() throws Exception {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    }
    Files.writeString(migrations.resolve("V0001__init.sql"), "CREATE TABLE item (id int PRIMARY KEY);\n");
  }

  private SchemacodeCliTest.Run deploy(String... more) {
    String[] args = new String[4 + more.length];
    args[0] = "deploy";
    args[1] = "--url";
    args[2] = database.jdbcUrlWithCredentials();
    args[3] = "--migrations";
    System.arraycopy(more, 0, args, 4, more.length);
    return cli(args);
  }

  private static void assertUsageError(SchemacodeCliTest.Run run, String expected) {
    assertEquals(2, run.exitCode(), run.out() + run.err());
    assertEquals(1, run.err().strip().lines().count(), run.err());
    assertTrue(run.err().startsWith("schemacode: error: "), run.err());
    assertTrue(run.err().contains(expected), run.err());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "v0002__lower_case_v.sql | starts with a capital V",
      "V0002__upper_case.SQL | ends in .sql, in lower case",
      "V0002__no_extension | ends in .sql",
      "V99999999999999999999999__too_long.sql | its version has 23 digits, and a version has at most 18",
      "V0002_one_underscore.sql | is named V<version>__<name>.sql",
  })
  void filesThatLookLikeMigrationsButAreNotNamedAsOneAreReported(String name, String expected) throws Exception {
    Files.writeString(migrations.resolve(name), "CREATE TABLE never (id int);\n");
    SchemacodeCliTest.Run run = deploy(migrations.toString());
    assertUsageError(run, name + " is not named V<version>__<name>.sql");
    assertTrue(run.err().contains(expected), run.err());
    assertFalse(tableExists("item"), "nothing is applied");
  }

  @Test
  void backupCopiesAndOtherFilesAreNotMigrations() throws Exception {
    Files.writeString(migrations.resolve("V0001__init.sql.orig"), "garbage");
    Files.writeString(migrations.resolve("README.md"), "notes");
    assertEquals(0, deploy(migrations.toString()).exitCode());
  }

  @Test
  void theMigrationsLocationMustBeADirectory() {
    assertUsageError(deploy(migrations.resolve("V0001__init.sql").toString()), "is a file; give the directory");
    assertUsageError(deploy(migrations.resolve("nowhere").toString()), "does not exist");
  }

  @Test
  void connectTimeoutMustBeANumber() {
    String url = database.jdbcUrlWithCredentials() + (database.jdbcUrlWithCredentials().contains("?") ? "&" : "?")
        + "connectTimeout=abc";
    assertUsageError(cli("status", "--url", url, "--migrations", migrations.toString()),
        "connectTimeout 'abc' is not a whole number of seconds");
    assertUsageError(cli("status", "--url", "postgresql://app@127.0.0.1/db?connect_timeout=abc", "--migrations",
        migrations.toString()), "connect_timeout 'abc' is not a whole number of seconds");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "-- schemacode: no-transaction",
      "-- schemacode:no_transaction",
      "-- SchemaCode:no-transaction",
      "-- schemacode:notransaction",
      "-- schemacode:no-transactions",
      "--schemacode : no-transaction",
  })
  void aMisspelledDirectiveStopsTheDeployBeforeAnythingRuns(String line) throws Exception {
    Files.writeString(migrations.resolve("V0002__index.sql"), line + "\nCREATE INDEX CONCURRENTLY item_id ON item (id);\n");
    SchemacodeCliTest.Run run = deploy(migrations.toString());
    assertUsageError(run, "V0002__index.sql: '" + line.strip() + "' is not a schemacode directive");
    assertFalse(tableExists("item"), "not even V0001 is applied");
    SchemacodeCliTest.Run dryRun = deploy(migrations.toString(), "--dry-run");
    assertUsageError(dryRun, "is not a schemacode directive");
  }

  @Test
  void ordinaryCommentsAndTheRealDirectiveAreFine() throws Exception {
    Files.writeString(migrations.resolve("V0002__index.sql"), "-- V0002__index\n-- schemacode:no-transaction\n"
        + "-- Generated by schemacode from the entity declarations.\n-- a transaction would block the build\n"
        + "CREATE INDEX CONCURRENTLY item_id ON item (id);\n");
    SchemacodeCliTest.Run run = deploy(migrations.toString());
    assertEquals(0, run.exitCode(), run.err());
  }

  /** An editor's byte-order mark never reaches PostgreSQL, and does not hide the directive after it. */
  @Test
  void aByteOrderMarkAtTheStartOfAFileIsNotSql() throws Exception {
    Files.write(migrations.resolve("V0001__init.sql"),
        "\uFEFFCREATE TABLE item (id int PRIMARY KEY);\n".getBytes(StandardCharsets.UTF_8));
    Files.write(migrations.resolve("V0002__index.sql"),
        "\uFEFF-- schemacode:no-transaction\nCREATE INDEX CONCURRENTLY item_id ON item (id);\n".getBytes(StandardCharsets.UTF_8));
    SchemacodeCliTest.Run run = deploy(migrations.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(tableExists("item"));
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_indexes WHERE indexname = 'item_id'")) {
      rows.next();
      assertEquals(1, rows.getInt(1)); // CONCURRENTLY fails inside a transaction: the directive was seen
    }
  }

  private boolean tableExists(String name) throws Exception {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT to_regclass('public." + name + "') IS NOT NULL")) {
      rows.next();
      return rows.getBoolean(1);
    }
  }
}

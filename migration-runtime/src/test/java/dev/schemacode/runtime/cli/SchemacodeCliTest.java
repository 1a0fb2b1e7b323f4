package dev.schemacode.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemacode.testing.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SchemacodeCliTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();

  @TempDir Path migrations;

  record Run(int exitCode, String out, String err) {}

  static Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = SchemacodeCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @BeforeEach
  void emptySchema() throws Exception {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    }
    Files.writeString(migrations.resolve("V0001__init.sql"), "CREATE TABLE item (id int PRIMARY KEY);\n");
  }

  private String url() {
    return database.jdbcUrlWithCredentials();
  }

  @Test
  void deployThenStatus() throws Exception {
    Run deploy = cli("deploy", "--url", url(), "--migrations", migrations.toString());
    assertEquals(0, deploy.exitCode(), deploy.err());
    assertTrue(deploy.out().contains("applied V0001__init"), deploy.out());
    assertTrue(deploy.out().contains("1 migration applied; database is at V0001"), deploy.out());

    Run again = cli("deploy", "--url", url(), "--migrations", migrations.toString());
    assertEquals(0, again.exitCode());
    assertTrue(again.out().contains("nothing to apply; database is at V0001"), again.out());

    Files.writeString(migrations.resolve("V0002__more.sql"), "CREATE TABLE other (id int);\n");
    Run status = cli("status", "--json", "--url", url(), "--migrations", migrations.toString());
    assertEquals(0, status.exitCode(), status.err());
    JsonNode json = new ObjectMapper().readTree(status.out());
    assertEquals("0001", json.get("currentVersion").asText());
    assertEquals(1, json.get("pending").asInt());
    assertEquals("applied", json.get("migrations").get(0).get("state").asText());
    assertEquals("pending", json.get("migrations").get(1).get("state").asText());

    Run table = cli("status", "--url", url(), "--migrations", migrations.toString());
    assertTrue(table.out().contains("0002      more  pending"), table.out());
  }

  @Test
  void statusExitsOneWhenAMigrationWasModified() throws Exception {
    assertEquals(0, cli("deploy", "--url", url(), "--migrations", migrations.toString()).exitCode());
    Files.writeString(migrations.resolve("V0001__init.sql"), "CREATE TABLE item (id bigint PRIMARY KEY);\n");
    Run status = cli("status", "--url", url(), "--migrations", migrations.toString());
    assertEquals(1, status.exitCode());
    assertTrue(status.out().contains("modified"), status.out());
    Run deploy = cli("deploy", "--url", url(), "--migrations", migrations.toString());
    assertEquals(1, deploy.exitCode());
    assertTrue(deploy.err().contains("V0001__init was modified after it was applied"), deploy.err());
  }

  @Test
  void unreachableDatabaseIsOneLineExitOneAndNoPassword() {
    Run run = cli("deploy", "--url", "postgresql://app:Sup3rSecret@127.0.0.1:1/db?connect_timeout=2",
        "--migrations", migrations.toString());
    assertEquals(1, run.exitCode());
    assertEquals(1, run.err().strip().lines().count(), run.err());
    assertTrue(run.err().startsWith("schemacode: error: cannot connect to postgresql://app@127.0.0.1:1/db"), run.err());
    assertFalse((run.out() + run.err()).contains("Sup3rSecret"));
  }

  @Test
  void malformedUrlExitsTwoWithoutPassword() {
    Run run = cli("deploy", "--url", "postgresql://app:Sup3rSecret@host:notaport/db", "--migrations", migrations.toString());
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("malformed database URL"), run.err());
    assertFalse((run.out() + run.err()).contains("Sup3rSecret"));
  }

  @Test
  void usageErrorsExitTwo() {
    assertEquals(2, cli("deploy", "--no-such-option").exitCode());
    assertEquals(2, cli("frobnicate").exitCode());
    assertEquals(2, cli("deploy", "--url", url(), "--migrations", migrations.resolve("absent").toString()).exitCode());
    assertEquals(2, cli("deploy", "--url", url(), "--migrations", migrations.toString(), "--lock-timeout", "soon").exitCode());
  }

  @Test
  void helpExitsZero() {
    Run help = cli("deploy", "--help");
    assertEquals(0, help.exitCode());
    assertTrue(help.out().contains("--migrations"), help.out());
  }
}

package dev.schemacode.example.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemacode.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The packaged example started with {@code java -jar} against a real PostgreSQL, given the
 * platform-style {@code DATABASE_URL} and {@code PORT} a host hands it. Few starts, each one telling.
 */
class ExampleSpringBootIT {
  @RegisterExtension static final TestDatabase database = new TestDatabase();
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeEach
  void emptyDatabase() throws Exception {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    }
  }

  /** A password that must appear nowhere in the output (the local servers trust the connection). */
  private static String password() {
    return database.password().isEmpty() ? "N0t-In-Any-Log" : database.password();
  }

  /** {@code postgresql://user:password@host:port/db}: what Railway, Render and Heroku set. */
  private static Map<String, String> platform() {
    String hostAndDatabase = database.jdbcUrl().substring("jdbc:postgresql://".length());
    return Map.of("DATABASE_URL", "postgresql://" + database.user() + ":" + password() + "@" + hostAndDatabase);
  }

  @Test
  void migratesOnceServesTheApiAndReportsOverActuator() throws Exception {
    try (ExampleProcess app = ExampleProcess.start(platform())) {
      assertThat(app.awaitReady()).as(app.output()).isTrue();

      HttpResponse<String> health = app.get("/actuator/health");
      assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
      JsonNode schemacode = JSON.readTree(health.body()).at("/components/schemacode");
      assertThat(schemacode.at("/status").asString()).isEqualTo("UP");
      assertThat(schemacode.at("/details/currentVersion").asString()).isEqualTo("0001");

      HttpResponse<String> migrations = app.get("/actuator/schemacode");
      assertThat(migrations.statusCode()).isEqualTo(200);
      assertThat(migrations.body()).contains("\"currentVersion\":\"0001\"", "\"version\":\"0001\"",
          "\"description\":\"init\"", "\"state\":\"APPLIED\"", "\"checksum\":\"", "\"appliedAt\":\"", "\"executionTime\":");

      HttpResponse<String> created = app.post("/customers", "{\"email\": \"ada@example.com\", \"displayName\": \"Ada\"}");
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      long id = Long.parseLong(created.body().replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
      assertThat(app.post("/customers/" + id + "/payments", "{\"amount\": 12.50, \"currency\": \"EUR\"}").statusCode())
          .isEqualTo(201);
      assertThat(app.get("/customers/" + id).body()).contains("\"email\":\"ada@example.com\"", "\"amount\":12.50");

      // A duplicate e-mail: a sentence for the client; PostgreSQL's message and the SQL only in the log.
      HttpResponse<String> duplicate = app.post("/customers", "{\"email\": \"ada@example.com\"}");
      assertThat(duplicate.statusCode()).isEqualTo(409);
      assertThat(duplicate.body()).contains("a customer with e-mail ada@example.com already exists")
          .doesNotContainIgnoringCase("insert into").doesNotContain("customer_email_key", "duplicate key");
      assertThat(app.output()).contains("customer_email_key");

      // one line per applied migration (the runtime's), not a second one from the application
      assertThat(app.output().lines().filter(line -> line.contains("V0001__init"))).hasSize(1);
      assertThat(app.output()).doesNotContain(password());
    }
    assertThat(historyRows()).isEqualTo(1);

    try (ExampleProcess again = ExampleProcess.start(platform())) {
      assertThat(again.awaitReady()).as(again.output()).isTrue();
      assertThat(again.output()).contains("schema is up to date at V0001").doesNotContain("applied V0001");
    }
    assertThat(historyRows()).isEqualTo(1);
  }

  @Test
  void aFailingMigrationStopsStartUpWithTheAnalyzersMessage(@TempDir Path migrations) throws Exception {
    Files.copy(Path.of("src/main/resources/db/migration/V0001__init.sql"), migrations.resolve("V0001__init.sql"));
    Files.writeString(migrations.resolve("V0002__broken.sql"),
        "-- a typo in a hand-written migration\nALTER TABLE customer ADD COLUMN phone text;\nUPDATE custmer SET phone = '';\n");
    try (ExampleProcess app = ExampleProcess.start(platform(), "--schemacode.migrations=" + migrations)) {
      assertThat(app.awaitExit()).as(app.output()).isNotZero();
      assertThat(app.output())
          .contains("APPLICATION FAILED TO START")
          .contains("Migration:  V0002__broken")
          .contains("Statement:  line 3: UPDATE custmer SET phone = ''")
          .contains("PostgreSQL: ERROR: relation \"custmer\" does not exist")
          .contains("Fix V0002__broken")
          .doesNotContain(password());
    }
    assertThat(historyRows()).isEqualTo(1); // V0001 applied; V0002 rolled back
  }

  private static long historyRows() throws Exception {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT count(*) FROM schemacode_history")) {
      result.next();
      return result.getLong(1);
    }
  }
}

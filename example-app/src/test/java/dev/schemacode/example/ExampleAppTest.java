package dev.schemacode.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemacode.runtime.ConfigurationException;
import dev.schemacode.runtime.DatabaseUrl;
import dev.schemacode.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Starts the real service on a test database and talks to it over HTTP. */
class ExampleAppTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void emptyDatabase() throws Exception {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    }
  }

  private AppConfig config(boolean migrate) {
    return new AppConfig(Optional.of(DatabaseUrl.parse(database.jdbcUrlWithCredentials())), 0, migrate, Path.of("unused"), 3);
  }

  private HttpResponse<String> health(ExampleApp app) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/health")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesTheShopInSchemacodeUi() throws Exception {
    try (ExampleApp app = ExampleApp.start(config(true));
        dev.schemacode.ui.UiServer ui = ExampleApp.ui(config(false), 0)) {
      HttpResponse<String> schema = http.send(HttpRequest.newBuilder(ui.url().resolve("api/schema")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, schema.statusCode(), schema.body());
      // the ledger in this build's class path says which entity declares each table
      assertTrue(schema.body().contains("\"declaredBy\":\"dev.schemacode.example.Customer\""), schema.body());
      HttpResponse<String> migrations = http.send(HttpRequest.newBuilder(ui.url().resolve("api/migrations")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertTrue(migrations.body().contains("\"pending\":0"), migrations.body());
    }
  }

  @Test
  void migratesOnStartThenReportsHealthy() throws Exception {
    try (ExampleApp app = ExampleApp.start(config(true))) {
      HttpResponse<String> response = health(app);
      assertEquals(200, response.statusCode(), response.body());
      assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
      assertEquals("{\"status\":\"UP\",\"database\":\"reachable\",\"schemaVersion\":\"" + newestVersion() + "\","
          + "\"pendingMigrations\":0,\"migrationProblems\":0}", response.body());
    }
    assertEquals(migrationCount(), historyRows());
    assertEquals(1, count("SELECT count(*) FROM information_schema.tables WHERE table_name = 'payment'"));

    // a restart applies nothing
    try (ExampleApp app = ExampleApp.start(config(true))) {
      assertEquals(200, health(app).statusCode());
    }
    assertEquals(migrationCount(), historyRows());
  }

  @Test
  void eachAppliedMigrationIsLoggedOnce() throws Exception {
    List<String> messages = new CopyOnWriteArrayList<>();
    Logger logger = Logger.getLogger("dev.schemacode"); // the runtime's and the app's loggers are below it
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        messages.add(new SimpleFormatter().formatMessage(record));
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    logger.addHandler(handler);
    try (ExampleApp app = ExampleApp.start(config(true))) {
      assertEquals(200, health(app).statusCode());
    } finally {
      logger.removeHandler(handler);
    }
    assertEquals(1, messages.stream().filter(message -> message.contains("V0001__init")).count(), messages.toString());
    assertEquals(1, messages.stream().filter(message -> message.contains("migration(s) applied")).count(),
        messages.toString());
  }

  @Test
  void withoutMigrationOnStartAFreshDatabaseIsNotReady() throws Exception {
    try (ExampleApp app = ExampleApp.start(config(false))) {
      HttpResponse<String> response = health(app);
      assertEquals(503, response.statusCode());
      assertTrue(response.body().contains("\"pendingMigrations\":" + migrationCount()), response.body());
    }
  }

  /**
   * The development loop's start-up: a database nobody pushed gets the migrations, then the declared
   * schema the build left on the class path (here the committed one, so nothing more), and the health
   * check says up to date. Refused outside a declared non-production environment.
   */
  @Test
  void pushOnStartMigratesAFreshDatabaseAndIsRefusedInProduction() throws Exception {
    AppConfig production = AppConfig.fromEnvironment(Map.of("DATABASE_URL", database.jdbcUrlWithCredentials(),
        "PORT", "0", "MIGRATE_ON_START", "push", "SCHEMACODE_ENV", "production"));
    ConfigurationException refused = assertThrows(ConfigurationException.class, () -> ExampleApp.start(production));
    assertTrue(refused.getMessage().startsWith("refusing to push: the environment is 'production'"), refused.getMessage());
    assertEquals(0, count("SELECT count(*) FROM information_schema.tables WHERE table_name = 'payment'"));

    AppConfig development = AppConfig.fromEnvironment(Map.of("DATABASE_URL", database.jdbcUrlWithCredentials(),
        "PORT", "0", "MIGRATE_ON_START", "push", "SCHEMACODE_ENV", "development"));
    try (ExampleApp app = ExampleApp.start(development)) {
      HttpResponse<String> response = health(app);
      assertEquals(200, response.statusCode(), response.body());
      assertTrue(response.body().contains("\"schemaVersion\":\"" + newestVersion() + "\""), response.body());
    }
    assertEquals(migrationCount(), historyRows());
    assertEquals(0, count("SELECT count(*) FROM pg_tables WHERE tablename = 'schemacode_history_push'"));
  }

  @Test
  void configurationProblemsAreReportedTogether() {
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> AppConfig.fromEnvironment(Map.of(
        "DATABASE_URL", "postgresql://app:Secr3tPass@host:bad/db",
        "PORT", "eighty",
        "MIGRATE_ON_START", "maybe")));
    assertEquals(3, e.getMessage().lines().count(), e.getMessage());
    assertTrue(e.getMessage().contains("PORT: 'eighty' is not a number"), e.getMessage());
    assertTrue(!e.getMessage().contains("Secr3tPass"), e.getMessage());
  }

  @Test
  void defaultsNeedNoEnvironment() {
    AppConfig config = AppConfig.fromEnvironment(Map.of());
    assertTrue(config.databaseUrl().isEmpty());
    assertEquals(8080, config.port());
    assertTrue(config.migrateOnStart());
  }

  /** What the build ships, from the generated index: the test follows the committed history. */
  private static long migrationCount() {
    return SchemacodeMigrations.INDEX.migrations().size();
  }

  private static String newestVersion() {
    var migrations = SchemacodeMigrations.INDEX.migrations();
    String file = migrations.get(migrations.size() - 1).file();
    return file.substring(1, file.indexOf("__"));
  }

  private long historyRows() throws Exception {
    return count("SELECT count(*) FROM schemacode_history");
  }

  private long count(String sql) throws Exception {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }
}

package dev.schemacode.spring.boot3.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemacode.runtime.DatabaseUrl;
import dev.schemacode.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * A Spring Boot 3.5 web application on the starter, with the jars the default build (Boot 4) made: it
 * finds its database through {@code DATABASE_URL} (the environment post-processor), migrates while it
 * starts, and answers {@code /actuator/health} with the {@code schemacode} component and {@code
 * /actuator/schemacode}. The same for Boot 4 is example-spring-boot's ExampleSpringBootIT.
 */
@SpringBootTest(classes = Boot3ApplicationTest.Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"management.endpoints.web.exposure.include=health,schemacode",
        "management.endpoint.health.show-details=always"})
class Boot3ApplicationTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();

  private static final ObjectMapper JSON = new ObjectMapper();

  @SpringBootApplication
  static class Application {}

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired ConfigurableEnvironment environment;

  /** No spring.datasource.url anywhere: only the platform's variable (a system property stands in for it). */
  @BeforeAll
  static void platformDatabaseUrl() {
    System.setProperty("DATABASE_URL", database.jdbcUrlWithCredentials());
  }

  @AfterAll
  static void clearDatabaseUrl() {
    System.clearProperty("DATABASE_URL");
  }

  @Test
  void theApplicationRunsOnBoot35() {
    assertThat(SpringBootVersion.getVersion()).startsWith("3.5.");
  }

  @Test
  void theDataSourceCameFromDatabaseUrl() {
    assertThat(environment.getPropertySources().contains("schemacode-database-url")).isTrue();
    assertThat(environment.getProperty("spring.datasource.url"))
        .isEqualTo(DatabaseUrl.parse(database.jdbcUrlWithCredentials()).jdbcUrl());
  }

  @Test
  void migratedWhileStarting() throws Exception {
    assertThat(count("SELECT count(*) FROM schemacode_history WHERE success")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename IN ('customer', 'payment')"))
        .isEqualTo(2);
  }

  @Test
  void healthHasTheSchemacodeComponentThroughBoot3sApi() throws Exception {
    assertThat(context.getBean("schemacodeHealthIndicator"))
        .isInstanceOf(dev.schemacode.spring.boot.autoconfigure.boot3.SchemacodeHealthIndicator.class);
    HttpResponse<String> health = get("/actuator/health");
    assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
    JsonNode schemacode = JSON.readTree(health.body()).at("/components/schemacode");
    assertThat(schemacode.at("/status").asText()).as(health.body()).isEqualTo("UP");
    assertThat(schemacode.at("/details/currentVersion").asText()).isEqualTo("0001");
  }

  @Test
  void theEndpointListsTheMigrations() throws Exception {
    HttpResponse<String> response = get("/actuator/schemacode");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode listed = JSON.readTree(response.body());
    assertThat(listed.at("/currentVersion").asText()).isEqualTo("0001");
    assertThat(listed.at("/migrations/0/description").asText()).isEqualTo("init");
    assertThat(listed.at("/migrations/0/state").asText()).isEqualTo("APPLIED");
    assertThat(listed.at("/migrations/0/appliedBy").asText()).isEqualTo("migration");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static long count(String sql) throws Exception {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }
}

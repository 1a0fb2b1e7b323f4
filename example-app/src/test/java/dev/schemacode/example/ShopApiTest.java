package dev.schemacode.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemacode.runtime.DatabaseUrl;
import dev.schemacode.runtime.MigrationException;
import dev.schemacode.runtime.Migrator;
import dev.schemacode.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The service's JSON API over HTTP, on a real PostgreSQL migrated at start-up. */
class ShopApiTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static ExampleApp app;

  @BeforeAll
  static void start() throws Exception {
    app = ExampleApp.start(new AppConfig(Optional.of(DatabaseUrl.parse(database.jdbcUrlWithCredentials())), 0, true,
        Path.of("unused"), 3));
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  record Reply(int status, JsonNode body) {}

  private static Reply call(String method, String path, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
        .header("Content-Type", "application/json");
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""), response.body());
    return new Reply(response.statusCode(), JSON.readTree(response.body()));
  }

  private static long customer(String email) throws Exception {
    Reply created = call("POST", "/customers", "{\"email\": \"" + email + "\", \"displayName\": \"Ada\"}");
    assertEquals(201, created.status(), created.body().toString());
    return created.body().get("id").asLong();
  }

  @Test
  void customersAreCreatedAndEmailsStayUnique() throws Exception {
    long id = customer("ada@example.com");
    Reply customer = call("GET", "/customers/" + id, null);
    assertEquals(200, customer.status());
    assertEquals("ada@example.com", customer.body().get("email").asText());
    assertEquals("Ada", customer.body().get("displayName").asText());

    Reply duplicate = call("POST", "/customers", "{\"email\": \"ada@example.com\"}");
    assertEquals(409, duplicate.status(), duplicate.body().toString());
    // a sentence for the client; PostgreSQL's message, the constraint and the SQL go to the log only
    assertEquals("a customer with e-mail ada@example.com already exists", duplicate.body().get("error").asText());
    assertTrue(!duplicate.body().toString().contains("customer_email_key")
        && !duplicate.body().toString().toLowerCase(java.util.Locale.ROOT).contains("insert into"), duplicate.body().toString());
  }

  @Test
  void coveragesArePendingUntilCollected() throws Exception {
    long id = customer("grace@example.com");
    Reply coverage = call("POST", "/customers/" + id + "/coverages",
        "{\"amount\": \"120.50\", \"periodStart\": \"2026-01-01\", \"periodEnd\": \"2026-03-31\"}");
    assertEquals(201, coverage.status(), coverage.body().toString());
    assertEquals("PENDING", coverage.body().get("collectionStatus").asText());
    assertEquals("EUR", coverage.body().get("currency").asText(), "the column default");
    long coverageId = coverage.body().get("id").asLong();

    Reply pending = call("GET", "/coverages?status=pending", null);
    assertEquals(200, pending.status());
    JsonNode listed = find(pending.body(), coverageId);
    assertEquals("grace@example.com", listed.get("customerEmail").asText(), "joined through the foreign key");

    Reply collected = call("POST", "/coverages/" + coverageId + "/collect", null);
    assertEquals(200, collected.status(), collected.body().toString());
    assertEquals("COLLECTED", collected.body().get("collectionStatus").asText());
    assertTrue(collected.body().hasNonNull("collectedAt"));
    assertEquals(409, call("POST", "/coverages/" + coverageId + "/collect", null).status());
    assertEquals(404, call("POST", "/coverages/999999/collect", null).status());
    assertTrue(find(call("GET", "/coverages?status=COLLECTED", null).body(), coverageId) != null);
  }

  @Test
  void theDatabaseEnforcesItsChecks() throws Exception {
    long id = customer("linus@example.com");
    Reply backwards = call("POST", "/customers/" + id + "/coverages",
        "{\"amount\": \"10\", \"periodStart\": \"2026-03-01\", \"periodEnd\": \"2026-01-01\"}");
    assertEquals(409, backwards.status());
    assertEquals("the request breaks the rule funding_coverage_period_check of the stored data",
        backwards.body().get("error").asText());
    assertEquals(409, call("POST", "/customers/" + id + "/coverages",
        "{\"amount\": \"-5\", \"periodStart\": \"2026-01-01\", \"periodEnd\": \"2026-01-02\"}").status());
  }

  @Test
  void paymentsAreReadBackWithTheirOptionalReference() throws Exception {
    long id = customer("barbara@example.com");
    assertEquals(201, call("POST", "/customers/" + id + "/payments",
        "{\"amount\": \"9.99\", \"currency\": \"EUR\", \"reference\": \"INV-1\"}").status());
    assertEquals(201, call("POST", "/customers/" + id + "/payments", "{\"amount\": \"1\", \"currency\": \"USD\"}").status());
    JsonNode payments = call("GET", "/customers/" + id, null).body().get("payments");
    assertEquals(2, payments.size());
    assertEquals("INV-1", payments.get(0).get("reference").asText());
    assertTrue(payments.get(1).get("reference").isNull());
  }

  @Test
  void badRequestsGetClearAnswers() throws Exception {
    assertEquals(400, call("POST", "/customers", "{not json").status());
    assertEquals(400, call("POST", "/customers", "{\"email\": \"no-at-sign\"}").status());
    assertEquals(400, call("GET", "/customers/abc", null).status());
    assertEquals(404, call("GET", "/customers/424242", null).status());
    assertEquals(404, call("GET", "/nowhere", null).status());
    assertEquals(405, call("DELETE", "/customers", null).status());
    assertEquals(400, call("GET", "/coverages?status=LOST", null).status());
  }

  @Test
  void theBackfillMarksOldCoveragesCollectedOnceAndOnlyOnce() throws Exception {
    long id = customer("old@example.com");
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO funding_coverage (customer_id, amount, period_start, period_end, created_at)"
          + " VALUES (" + id + ", 50, '2025-01-01', '2025-02-01', now() - interval '90 days')");
    }
    Migrator migrator = Migrator.builder().dataSource(database.dataSource()).migrations(SchemacodeMigrations.INDEX).build();
    migrator.backfill("mark_old_coverages_collected");
    JsonNode collected = call("GET", "/coverages?status=COLLECTED", null).body();
    assertTrue(java.util.stream.StreamSupport.stream(collected.spliterator(), false)
        .anyMatch(c -> c.get("customerEmail").asText().equals("old@example.com")), collected.toString());
    assertThrows(MigrationException.class, () -> migrator.backfill("mark_old_coverages_collected"));
  }

  private static JsonNode find(JsonNode list, long id) {
    for (JsonNode item : list) {
      if (item.get("id").asLong() == id) {
        return item;
      }
    }
    return null;
  }
}

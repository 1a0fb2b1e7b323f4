package dev.schemacode.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemacode.runtime.Environment;
import dev.schemacode.testing.TestDatabase;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JSON API over HTTP, against the example shop on a real PostgreSQL. */
class UiApiTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();

  private static UiServer server;
  private static Raw api;
  /** Every body the tests received: none may hold the password. */
  private static final List<String> bodies = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    ShopDatabase.prepare(database);
    server = ShopDatabase.serve(database, Environment.named("test"));
    api = new Raw(server.url());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    String password = ShopDatabase.password(database);
    for (String body : bodies) {
      assertFalse(body.contains(password), "a response shows the password: " + body);
    }
  }

  private static Raw.Response get(String route) throws Exception {
    Raw.Response response = api.get(route);
    bodies.add(response.body());
    return response;
  }

  private static Raw.Response change(String method, Object body) throws Exception {
    Raw.Response response = api.change(method, "api/rows", body);
    bodies.add(response.body());
    return response;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  @Test
  void servesThePageAndItsModules() throws Exception {
    Raw.Response page = get("");
    assertEquals(200, page.status(), page.body());
    assertTrue(page.headers().get("content-type").startsWith("text/html"));
    assertTrue(page.headers().get("content-security-policy").contains("default-src 'none'"));
    assertEquals("no-referrer", page.headers().get("referrer-policy"));
    assertEquals(200, get("app.js").status());
    assertEquals(404, get("../pom.xml").status());
  }

  @Test
  void overviewNamesTheDatabaseWithoutItsPassword() throws Exception {
    JsonNode overview = get("api/overview").json();
    assertTrue(overview.get("database").asText().startsWith("postgresql://" + database.user() + "@"), overview.toString());
    assertTrue(overview.get("writable").asBoolean(), overview.toString());
    assertTrue(overview.get("ledger").asBoolean());
  }

  @Test
  void schemaHasColumnsKeysIndexesEnumsAndTheDeclaringEntity() throws Exception {
    JsonNode schema = get("api/schema").json();
    JsonNode customer = table(schema, "customer");
    assertEquals("dev.schemacode.example.Customer", customer.get("declaredBy").asText());
    JsonNode id = column(customer, "id");
    assertEquals("bigint", id.get("type").asText());
    assertTrue(id.get("identity").asBoolean());
    assertTrue(id.get("primaryKey").asBoolean());
    assertEquals("varchar(320)", column(customer, "email").get("type").asText());
    assertTrue(column(customer, "display_name").get("nullable").asBoolean());
    // V0008 (pending) makes the unique index a constraint: until then it is an index
    JsonNode emailKey = StreamSupport.stream(customer.get("indexes").spliterator(), false)
        .filter(index -> index.get("name").asText().equals("customer_email_key")).findFirst().orElseThrow();
    assertTrue(emailKey.get("unique").asBoolean());
    assertEquals("email", emailKey.get("columns").get(0).asText());

    JsonNode coverage = table(schema, "funding_coverage");
    JsonNode key = coverage.get("foreignKeys").get(0);
    assertEquals("customer", key.get("target").asText());
    assertEquals("cascade", key.get("onDelete").asText());
    assertEquals("'PENDING'::collection_status", column(coverage, "collection_status").get("defaultExpression").asText());
    assertEquals("Coverage a customer is funded for, and whether it was collected", coverage.get("comment").asText());
    JsonNode amountCheck = StreamSupport.stream(coverage.get("checks").spliterator(), false)
        .filter(check -> check.get("name").asText().equals("funding_coverage_amount_check")).findFirst().orElseThrow();
    assertEquals("(amount > (0)::numeric)", amountCheck.get("expression").asText(), amountCheck.toString());
    assertTrue(StreamSupport.stream(coverage.get("indexes").spliterator(), false)
        .anyMatch(index -> index.get("name").asText().equals("funding_coverage_collected_at_idx")));
    assertEquals("collection_status", schema.get("enums").get(0).get("name").asText());
    assertEquals(List.of("PENDING", "COLLECTED", "WRITTEN_OFF"),
        StreamSupport.stream(schema.get("enums").get(0).get("labels").spliterator(), false).map(JsonNode::asText).toList());

    // the runtime's own tables are not the application's schema
    assertFalse(schema.toString().contains("schemacode_history"), schema.toString());
    // a table no entity declares is shown too, without an entity
    assertTrue(table(schema, "big_event").get("declaredBy").isNull());
    assertEquals(ShopDatabase.BIG_ROWS, table(schema, "big_event").get("rowEstimate").asLong(), ShopDatabase.BIG_ROWS / 100.0);
  }

  @Test
  void migrationsShowAppliedAndPendingWithScriptsAndDrift() throws Exception {
    JsonNode timeline = get("api/migrations").json();
    assertEquals("0007", timeline.get("currentVersion").asText());
    assertEquals(1, timeline.get("pending").asInt());
    JsonNode migrations = timeline.get("migrations");
    assertEquals(8, migrations.size());
    assertEquals("applied", migrations.get(0).get("state").asText());
    assertNotNull(migrations.get(0).get("appliedAt").textValue());
    assertEquals("pending", migrations.get(7).get("state").asText());
    assertEquals("V0008__unique_customer_email_validate", migrations.get(7).get("label").asText());

    JsonNode script = get("api/migrations/0003").json();
    assertTrue(script.get("sql").asText().contains("VALIDATE CONSTRAINT \"payment_customer_id_fkey\""));
    int header = script.get("headerLines").asInt();
    String[] lines = script.get("sql").asText().split("\n");
    assertTrue(lines[header - 1].startsWith("--") && !lines[header].startsWith("--"), script.toString());
    assertTrue(script.get("sql").asText().contains("-- Risky steps:"));
    assertEquals(404, get("api/migrations/0099").status());

    JsonNode drift = get("api/drift").json();
    assertTrue(drift.get("available").asBoolean(), drift.toString());
    assertEquals("V0008__unique_customer_email_validate", drift.get("pending").get(0).asText());
    // big_event is no entity's: diff reports it with the SQL that reconciles
    assertTrue(drift.get("sql").asText().contains("DROP TABLE \"big_event\""), drift.toString());
  }

  @Test
  void aMillionRowTableOpensWithoutBeingCountedOrScanned() throws Exception {
    long scannedBefore = sequentialTuplesRead("big_event");
    long indexScansBefore = indexScans("big_event");
    JsonNode page = get("api/rows?table=big_event&limit=50").json();
    assertEquals(50, page.get("rows").size());
    assertEquals("1", page.get("rows").get(0).get(0).asText());
    assertTrue(page.get("more").asBoolean());
    assertEquals("estimate", page.get("total").get("kind").asText());
    assertEquals(ShopDatabase.BIG_ROWS, page.get("total").get("rows").asLong(), ShopDatabase.BIG_ROWS / 100.0);
    // a count(*) or a sort of the whole table would have read it all
    awaitIndexScan("big_event", indexScansBefore);
    assertTrue(sequentialTuplesRead("big_event") - scannedBefore < 1_000,
        "the first page read the whole table: " + (sequentialTuplesRead("big_event") - scannedBefore) + " rows");

    JsonNode last = get("api/rows?table=big_event&limit=10&sort=id&dir=desc").json();
    assertEquals(String.valueOf(ShopDatabase.BIG_ROWS), last.get("rows").get(0).get(0).asText());
    JsonNode third = get("api/rows?table=big_event&limit=10&offset=20").json();
    assertEquals("21", third.get("rows").get(0).get(0).asText());
  }

  @Test
  void filtersCountExactlyUpToABound() throws Exception {
    String rare = encode("[{\"column\":\"kind\",\"op\":\"eq\",\"value\":\"rare\"}]");
    JsonNode page = get("api/rows?table=big_event&limit=20&filter=" + rare).json();
    assertEquals("1000", page.get("rows").get(0).get(0).asText());
    assertEquals("exact", page.get("total").get("kind").asText());
    assertEquals(ShopDatabase.BIG_ROWS / 1000, page.get("total").get("rows").asLong());

    String common = encode("[{\"column\":\"kind\",\"op\":\"contains\",\"value\":\"comm\"}]");
    JsonNode many = get("api/rows?table=big_event&limit=20&filter=" + common).json();
    assertEquals("atLeast", many.get("total").get("kind").asText());

    String typed = encode("[{\"column\":\"id\",\"op\":\"gt\",\"value\":\"999995\"}]");
    JsonNode tail = get("api/rows?table=big_event&filter=" + typed).json();
    assertEquals(5, tail.get("rows").size());
    assertEquals("exact", tail.get("total").get("kind").asText());

    // a value PostgreSQL cannot read as the column's type is the page's mistake, said in one line
    Raw.Response wrong = get("api/rows?table=big_event&filter=" + encode("[{\"column\":\"id\",\"op\":\"eq\",\"value\":\"x\"}]"));
    assertEquals(400, wrong.status());
    assertTrue(wrong.json().get("error").asText().contains("invalid input syntax"), wrong.body());
  }

  @Test
  void namesTheCatalogDoesNotHaveAreRefusedNotPasted() throws Exception {
    Raw.Response table = get("api/rows?table=" + encode("customer; DROP TABLE payment"));
    assertEquals(404, table.status());
    Raw.Response column = get("api/rows?table=customer&sort=" + encode("id; DROP TABLE payment"));
    assertEquals(400, column.status());
    assertTrue(column.json().get("error").asText().contains("has no column"));
    Raw.Response operator = get("api/rows?table=customer&filter=" + encode("[{\"column\":\"id\",\"op\":\"= 1 OR\",\"value\":\"1\"}]"));
    assertEquals(400, operator.status());
    // a quote in a value is a value
    String quoted = encode("[{\"column\":\"email\",\"op\":\"eq\",\"value\":\"x' OR '1'='1\"}]");
    assertEquals(0, get("api/rows?table=customer&filter=" + quoted).json().get("rows").size());
  }

  @Test
  void insertsEditsAndDeletesRowsOutsideProduction() throws Exception {
    Raw.Response inserted = change("POST", Map.of("table", "customer",
        "values", Map.of("email", "new@example.com", "created_at", "2026-03-01 10:00:00+00")));
    assertEquals(200, inserted.status(), inserted.body());
    String id = inserted.json().get("row").get("id").asText();
    assertTrue(inserted.json().get("row").get("display_name").isNull());

    Map<String, Object> edit = new java.util.HashMap<>();
    edit.put("table", "customer");
    edit.put("key", Map.of("id", id));
    java.util.Map<String, String> values = new java.util.HashMap<>();
    values.put("display_name", "Ada");
    edit.put("values", values);
    Raw.Response updated = change("PUT", edit);
    assertEquals(200, updated.status(), updated.body());
    assertEquals("Ada", value("SELECT display_name FROM customer WHERE id = " + Long.parseLong(id)));

    values.put("display_name", null); // null is NULL, not the text "null"
    assertEquals(200, change("PUT", edit).status());
    assertEquals(null, value("SELECT display_name FROM customer WHERE id = " + Long.parseLong(id)));

    Raw.Response duplicate = change("POST", Map.of("table", "customer",
        "values", Map.of("email", "new@example.com", "created_at", "2026-03-01 10:00:00+00")));
    assertEquals(400, duplicate.status());
    assertTrue(duplicate.json().get("error").asText().contains("customer_email_key"), duplicate.body());

    Raw.Response deleted = change("DELETE", Map.of("table", "customer", "key", Map.of("id", id)));
    assertEquals(200, deleted.status(), deleted.body());
    assertEquals(null, value("SELECT email FROM customer WHERE id = " + Long.parseLong(id)));
    assertEquals(409, change("DELETE", Map.of("table", "customer", "key", Map.of("id", id))).status());
  }

  @Test
  void refusesRequestsWithoutTheTokenOrFromElsewhere() throws Exception {
    String host = "127.0.0.1:" + api.port();
    String path = "/" + api.token() + "/api/overview";
    assertEquals(200, api.send("GET", path, Map.of("Host", host), null).status());
    assertEquals(200, api.send("GET", path, Map.of("Host", "localhost:" + api.port()), null).status());

    Raw.Response noToken = api.send("GET", "/api/overview", Map.of("Host", host), null);
    assertEquals(403, noToken.status());
    assertTrue(noToken.json().get("error").asText().contains("token"));
    String wrong = api.token().substring(0, api.token().length() - 1) + (api.token().endsWith("A") ? "B" : "A");
    assertEquals(403, api.send("GET", "/" + wrong + "/api/overview", Map.of("Host", host), null).status());
    assertEquals(403, api.send("GET", "/" + wrong + "/", Map.of("Host", host), null).status());

    // DNS rebinding: a page of evil.example whose name now points at 127.0.0.1 sends its own Host
    Raw.Response rebound = api.send("GET", path, Map.of("Host", "evil.example:" + api.port()), null);
    assertEquals(403, rebound.status());
    assertTrue(rebound.json().get("error").asText().contains("Host"));
    assertEquals(403, api.send("GET", path, Map.of(), null).status());

    // another origin, even another port of this machine, cannot read or write
    assertEquals(403, api.send("GET", path, Map.of("Host", host, "Origin", "http://localhost:3000"), null).status());
    assertEquals(403, api.send("GET", path, Map.of("Host", host, "Origin", "null"), null).status());
    String insert = "{\"table\":\"customer\",\"values\":{\"email\":\"x@example.com\",\"created_at\":\"2026-01-01\"}}";
    String rows = "/" + api.token() + "/api/rows";
    assertEquals(403, api.send("POST", rows, Map.of("Host", host, "Origin", "https://evil.example",
        "Content-Type", "application/json"), insert).status());
    assertEquals(403, api.send("POST", rows, Map.of("Host", host, "Content-Type", "application/json"), insert).status());
    // a form post (no preflight) is refused for its content type
    assertEquals(403, api.send("POST", rows, Map.of("Host", host, "Origin", "http://" + host,
        "Content-Type", "text/plain"), insert).status());
    assertEquals(null, value("SELECT email FROM customer WHERE email = 'x@example.com'"));
  }

  @Test
  void listensOnTheLoopbackInterfaceOnly() throws Exception {
    List<InetAddress> elsewhere = Collections.list(NetworkInterface.getNetworkInterfaces())
        .stream().filter(UiApiTest::isUp)
        .flatMap(face -> Collections.list(face.getInetAddresses()).stream())
        .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress()).toList();
    Assumptions.assumeFalse(elsewhere.isEmpty(), "this machine has no address but the loopback");
    for (InetAddress address : elsewhere) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(address, api.port()), 5_000);
        throw new AssertionError("the server answers on " + address.getHostAddress() + ", not only on 127.0.0.1");
      } catch (ConnectException | SocketTimeoutException | NoRouteToHostException refused) {
        // refused: nothing listens there
      }
    }
  }

  private static boolean isUp(NetworkInterface face) {
    try {
      return face.isUp();
    } catch (SocketException e) {
      return false;
    }
  }

  @Test
  void productionIsReadOnly() throws Exception {
    try (UiServer production = ShopDatabase.serve(database, Environment.named("production"))) {
      assertReadOnly(new Raw(production.url()), "the environment is 'production'");
    }
    try (UiServer undeclared = ShopDatabase.serve(database, Environment.unset())) {
      assertReadOnly(new Raw(undeclared.url()), "no environment is declared");
    }
  }

  @Test
  void aDatabaseThatSaysProductionIsReadOnlyWhateverTheEnvironment() throws Exception {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute("ALTER DATABASE \"" + database.name() + "\" SET schemacode.environment = 'production'");
    }
    try (UiServer marked = ShopDatabase.serve(database, Environment.named("test"))) {
      assertReadOnly(new Raw(marked.url()), "the database says it is 'production'");
    } finally {
      try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
        statement.execute("ALTER DATABASE \"" + database.name() + "\" RESET schemacode.environment");
      }
    }
  }

  private static void assertReadOnly(Raw readOnly, String reason) throws Exception {
    JsonNode overview = readOnly.get("api/overview").json();
    assertFalse(overview.get("writable").asBoolean(), overview.toString());
    assertTrue(overview.get("readOnlyReason").asText().contains(reason), overview.toString());
    assertEquals(200, readOnly.get("api/rows?table=customer").status());
    String before = value("SELECT count(*) FROM customer");
    Raw.Response insert = readOnly.change("POST", "api/rows", Map.of("table", "customer",
        "values", Map.of("email", "prod@example.com", "created_at", "2026-01-01")));
    assertEquals(403, insert.status(), insert.body());
    assertTrue(insert.json().get("error").asText().startsWith("read-only: refusing to change rows"), insert.body());
    assertEquals(403, readOnly.change("PUT", "api/rows", Map.of("table", "customer", "key", Map.of("id", "1"),
        "values", Map.of("display_name", "x"))).status());
    assertEquals(403, readOnly.change("DELETE", "api/rows", Map.of("table", "customer", "key", Map.of("id", "1"))).status());
    assertEquals(before, value("SELECT count(*) FROM customer"));
    assertEquals("Customer 1", value("SELECT display_name FROM customer WHERE id = 1"));
    bodies.add(overview.toString());
    bodies.add(insert.body());
  }

  private static JsonNode table(JsonNode schema, String name) {
    return StreamSupport.stream(schema.get("tables").spliterator(), false)
        .filter(table -> table.get("name").asText().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no table " + name + " in " + schema));
  }

  private static JsonNode column(JsonNode table, String name) {
    return StreamSupport.stream(table.get("columns").spliterator(), false)
        .filter(column -> column.get("name").asText().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no column " + name + " in " + table));
  }

  private static String value(String sql) throws Exception {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      return result.next() ? result.getString(1) : null;
    }
  }

  private static long sequentialTuplesRead(String table) throws Exception {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute("SELECT pg_stat_clear_snapshot()");
      try (ResultSet result = statement.executeQuery(
          "SELECT coalesce(seq_tup_read, 0) FROM pg_stat_user_tables WHERE relname = '" + table + "'")) {
        result.next();
        return result.getLong(1);
      }
    }
  }

  private static long indexScans(String table) throws Exception {
    return Long.parseLong(value("SELECT coalesce(idx_scan, 0) FROM pg_stat_user_tables WHERE relname = '" + table + "'"));
  }

  /**
   * Statistics reach other sessions with a delay: waits (bounded, never asserted as a time) until the
   * page's index scan shows, so that a whole-table read would show by then too.
   */
  private static void awaitIndexScan(String table, long before) throws Exception {
    for (int i = 0; i < 300; i++) {
      if (indexScans(table) > before) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the page's index scan of " + table + " never showed in pg_stat_user_tables");
  }
}

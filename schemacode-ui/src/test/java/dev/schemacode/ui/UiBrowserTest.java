package dev.schemacode.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemacode.runtime.Environment;
import dev.schemacode.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The page in a real headless Chromium, driven as a person would: the diagram, a pending migration,
 * a big table paged and filtered, a foreign key followed, a row edited. Screenshots of each view are
 * kept in {@code target/ui-screenshots}. Skipped, saying so, only where no Chromium can be found.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UiBrowserTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();
  static final Path SCREENSHOTS = Path.of("target", "ui-screenshots");
  private static final int BIG_ROWS = 200_000;

  private static UiServer server;
  private static Chromium browser;

  @BeforeAll
  static void start() throws Exception {
    Path binary = Chromium.find().orElse(null);
    Assumptions.assumeTrue(binary != null, "no Chromium on this machine (install the Debian package `chromium`,"
        + " or set CHROMIUM to a Chrome or Chromium binary): the browser tests are skipped");
    ShopDatabase.prepare(database, BIG_ROWS);
    server = ShopDatabase.serve(database, Environment.named("development"));
    browser = Chromium.launch(binary, 1400, 860);
    browser.navigate(server.url().toString());
    browser.waitUntil("document.querySelectorAll('#tables li').length === 4");
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private static int count(String selector) throws Exception {
    return browser.evaluate("document.querySelectorAll(" + Raw.JSON.writeValueAsString(selector) + ").length").asInt();
  }

  private static String text(String selector) throws Exception {
    return browser.evaluate("document.querySelector(" + Raw.JSON.writeValueAsString(selector) + ").textContent").asText();
  }

  @Test
  @Order(1)
  void theDiagramShowsEveryTableAndItsForeignKeys() throws Exception {
    browser.click(".tabs a[data-view=schema]");
    browser.waitUntil("document.querySelectorAll('svg.er g.table').length === 4");
    assertEquals(2, count("svg.er .edges path")); // payment and funding_coverage → customer, the example's
    assertTrue(text("section.enums").contains("collection_status") && text("section.enums").contains("PENDING, COLLECTED, WRITTEN_OFF"),
        text("section.enums"));
    browser.type("#diagram-search", "payment");
    browser.waitUntil("document.querySelector('svg.er g.table.match')");
    assertEquals("payment", browser.evaluate("document.querySelector('svg.er g.table.match').dataset.table").asText());
    browser.screenshot(SCREENSHOTS.resolve("schema.png"));

    browser.click("g.table[data-table=customer] rect.head");
    browser.waitUntil("location.hash === '#/schema/customer'");
    browser.waitUntil("document.querySelector('main .entity')");
    assertEquals("dev.schemacode.example.Customer", text("main .entity"));
    browser.screenshot(SCREENSHOTS.resolve("structure.png"));

    // a table's comment, checks, enum-typed default, foreign key with its action, and indexes
    browser.navigate(server.url() + "#/schema/funding_coverage");
    browser.waitUntil("document.querySelector('main h2') && document.querySelector('main h2').textContent === 'funding_coverage'"
        + " && document.querySelector('main .entity')");
    assertEquals("Coverage a customer is funded for, and whether it was collected", text("main p.comment"));
    String structure = text("main");
    for (String shown : new String[] {"funding_coverage_amount_check", "(amount > (0)::numeric)", "'PENDING'::collection_status",
        "FK → customer", "on delete cascade", "funding_coverage_collected_at_idx", "identity", "not null"}) {
      assertTrue(structure.contains(shown), shown + " is not in the structure: " + structure);
    }
  }

  @Test
  @Order(2)
  void theTimelineShowsThePendingMigrationAndItsSql() throws Exception {
    browser.click(".tabs a[data-view=migrations]");
    browser.waitUntil("document.querySelectorAll('#timeline li').length === 8");
    assertEquals(7, count("#timeline li.state-applied"));
    assertTrue(text("#timeline li.state-pending").contains("V0008__unique_customer_email_validate"));
    browser.click("#timeline li.state-pending a");
    browser.waitUntil("document.querySelector('#script pre.sql .header')");
    assertTrue(text("#script pre.sql").contains("ADD CONSTRAINT \"customer_email_key\" UNIQUE USING INDEX"));
    assertTrue(text("#script pre.sql .header").startsWith("-- V0008__unique_customer_email_validate"));
    assertTrue(text("#drift").contains("V0008__unique_customer_email_validate"), text("#drift"));
    assertEquals(0, count("#script .header.risky"), "V0008 has no risky step");
    browser.screenshot(SCREENSHOTS.resolve("migrations.png"));

    // an applied migration's risky step stands out from the rest of its header
    browser.click("#timeline li[data-version='0003'] a");
    browser.waitUntil("document.querySelector('#script h3') && document.querySelector('#script h3').textContent"
        + ".startsWith('V0003') && document.querySelector('#script .header.risky')");
    assertEquals(1, count("#script .header.risky"));
    assertTrue(text("#script .header.risky").contains("scans payment under a SHARE UPDATE EXCLUSIVE lock"),
        text("#script .header.risky"));
    assertTrue(text("#script pre.sql").contains("--   validate payment_customer_id_fkey on payment"));
    browser.screenshot(SCREENSHOTS.resolve("migrations-risky.png"));
  }

  @Test
  @Order(3)
  void aBigTablePagesAndFiltersOnTheServer() throws Exception {
    browser.click(".tabs a[data-view=data]");
    browser.click("#tables a[data-table=big_event]");
    awaitGrid("big_event", 50);
    assertTrue(text("#page-info").startsWith("rows 1–50 of ≈ "), text("#page-info"));
    browser.click("#page-next");
    browser.waitUntil("document.querySelector('#page-info').textContent.startsWith('rows 51–100')");
    assertEquals("51", firstCell());

    browser.click("th[data-column=id]"); // sort by id
    browser.waitUntil("document.querySelector('th[data-column=id]').textContent.endsWith('▲')");
    browser.click("th[data-column=id]"); // and again: descending
    browser.waitUntil("document.querySelector('#grid tbody tr td:nth-child(2)').textContent === '" + BIG_ROWS + "'");

    browser.evaluate("document.getElementById('filter-column').value = 'kind'");
    browser.type("#filter-value", "rare");
    browser.click("#filter-add");
    browser.waitUntil("document.querySelector('.chip')");
    browser.waitUntil("document.querySelector('#page-info').textContent.endsWith('of " + (BIG_ROWS / 1000) + "')");
    assertEquals(String.valueOf(BIG_ROWS), firstCell());
    assertTrue(text(".chip").startsWith("kind = rare"));
  }

  @Test
  @Order(4)
  void aForeignKeyLeadsToTheReferencedRow() throws Exception {
    browser.click("#tables a[data-table=payment]");
    awaitGrid("payment", 50);
    String customer = text("#grid tbody tr a.fk");
    browser.click("#grid tbody tr a.fk");
    browser.waitUntil("location.hash.startsWith('#/data/customer?filter=')");
    awaitGrid("customer", 1);
    assertEquals(customer, firstCell());
  }

  @Test
  @Order(5)
  void aRowIsEditedInPlace() throws Exception {
    browser.click("#tables a[data-table=customer]");
    awaitGrid("customer", 50);
    browser.click("#grid tbody tr:nth-child(3) button.edit");
    browser.waitUntil("document.querySelector('#editor input[name=display_name]')");
    browser.type("#editor input[name=display_name]", "Edited in the browser");
    browser.screenshot(SCREENSHOTS.resolve("data-editing.png"));
    browser.click("#editor-save");
    browser.waitUntil("[...document.querySelectorAll('#grid td')].some(td => td.textContent === 'Edited in the browser')");
    browser.screenshot(SCREENSHOTS.resolve("data.png"));
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT display_name FROM customer WHERE id = 3")) {
      result.next();
      assertEquals("Edited in the browser", result.getString(1));
    }
  }

  @Test
  @Order(6)
  void aRowIsInsertedThenDeletedAndAViolatedKeyIsSaidOnThePage() throws Exception {
    browser.click("#tables a[data-table=customer]");
    awaitGrid("customer", 50);
    browser.click("#row-insert");
    browser.waitUntil("document.querySelector('#editor input[name=email]')");
    assertEquals("default", browser.evaluate("document.querySelector('#editor input[name=id]').placeholder").asText());
    browser.type("#editor input[name=email]", "inserted@example.com");
    browser.type("#editor input[name=created_at]", "2026-05-01 12:00:00+00");
    browser.click("#editor-save");
    browser.waitUntil("!document.querySelector('#editor')"); // the grid is drawn again once the row is in
    assertEquals("1", value("SELECT count(*) FROM customer WHERE email = 'inserted@example.com' AND display_name IS NULL"));

    browser.click("#row-insert"); // the same e-mail again: the unique key says no, on the page, in one line
    browser.waitUntil("document.querySelector('#editor input[name=email]')");
    browser.type("#editor input[name=email]", "inserted@example.com");
    browser.type("#editor input[name=created_at]", "2026-05-01 12:00:00+00");
    browser.click("#editor-save");
    browser.waitUntil("document.querySelector('#data-message.error')");
    assertTrue(text("#data-message").contains("customer_email_key"), text("#data-message"));
    assertEquals("1", value("SELECT count(*) FROM customer WHERE email = 'inserted@example.com'"));

    browser.evaluate("location.hash = '#/data/customer?filter=' + encodeURIComponent(JSON.stringify("
        + "[{column: 'email', op: 'eq', value: 'inserted@example.com'}]))");
    awaitGrid("customer", 1);
    browser.click("#grid tbody tr button.delete");
    browser.waitUntil("document.querySelector('#grid tbody tr button.delete').textContent === 'Delete?'");
    assertEquals("1", value("SELECT count(*) FROM customer WHERE email = 'inserted@example.com'"), "one click deletes nothing");
    browser.click("#grid tbody tr button.delete");
    awaitGrid("customer", 0);
    assertEquals("0", value("SELECT count(*) FROM customer WHERE email = 'inserted@example.com'"));
  }

  @Test
  @Order(7)
  void inProductionThePageOffersNoChange() throws Exception {
    try (UiServer production = ShopDatabase.serve(database, Environment.named("production"))) {
      browser.navigate(production.url() + "#/data/customer");
      awaitGrid("customer", 50);
      assertEquals("read-only", text("#mode"));
      assertTrue(browser.evaluate("document.getElementById('mode').title").asText()
          .contains("the environment is 'production'"));
      assertEquals(0, count("#grid button"), "no Edit or Delete on a row");
      assertEquals(0, count("#row-insert"));
      assertEquals("id", text("#grid thead th"), "no column of buttons");
      browser.screenshot(SCREENSHOTS.resolve("data-production.png"));
    }
  }

  /** The grid of that table, with that many rows: the page re-renders after each answer. */
  private static void awaitGrid(String table, int rows) throws Exception {
    browser.waitUntil("document.querySelector('main h2') && document.querySelector('main h2').textContent === '" + table
        + "' && document.querySelectorAll('#grid tbody tr').length === " + rows);
  }

  private static String value(String sql) throws Exception {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      return result.next() ? result.getString(1) : null;
    }
  }

  private static String firstCell() throws Exception {
    // the first column holds the row's buttons when rows are editable
    return text("#grid tbody tr td:nth-child(2)");
  }
}

package dev.schemacode.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemacode.runtime.Environment;
import dev.schemacode.runtime.MigrationSource;
import dev.schemacode.runtime.Migrator;
import dev.schemacode.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The diagram of a 60-table schema in Chromium: laid out without overlaps, searchable, zoomable, pannable. */
class DiagramBrowserTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();
  static final int TABLES = 60;

  @TempDir static Path migrations;
  private static UiServer server;
  private static Chromium browser;

  @BeforeAll
  static void start() throws Exception {
    Path binary = Chromium.find().orElse(null);
    Assumptions.assumeTrue(binary != null, "no Chromium on this machine (install the Debian package `chromium`,"
        + " or set CHROMIUM to a Chrome or Chromium binary): the browser tests are skipped");
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      // a tree of references (each table to the one a third of its number), some second references, and
      // a few tables that reference nothing and nothing references
      for (int i = 1; i <= TABLES; i++) {
        StringBuilder sql = new StringBuilder("CREATE TABLE t_" + i + " (id bigint PRIMARY KEY, name text NOT NULL,"
            + " created_at timestamptz NOT NULL DEFAULT now()");
        boolean isolated = i > TABLES - 6;
        if (i > 1 && !isolated) {
          sql.append(", parent_id bigint REFERENCES t_").append(i / 3 == 0 ? 1 : i / 3);
        }
        if (i % 7 == 0 && !isolated) {
          sql.append(", owner_id bigint REFERENCES t_").append(i - 5);
        }
        statement.execute(sql.append(")").toString());
      }
    }
    Files.writeString(migrations.resolve("V0001__nothing.sql"), "SELECT 1;\n");
    Environment test = Environment.named("test");
    server = UiServer.start(new UiServer.Settings(ShopDatabase.url(database),
        Migrator.builder().url(ShopDatabase.url(database)).migrations(MigrationSource.directory(migrations)).build(),
        MigrationSource.directory(migrations), Migrator.DEFAULT_HISTORY_TABLE, test, 0));
    browser = Chromium.launch(binary, 1400, 860);
    browser.navigate(server.url() + "#/schema");
    browser.waitUntil("document.querySelectorAll('svg.er g.table').length === " + TABLES);
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

  @Test
  void sixtyTablesDoNotOverlapAndFitTheView() throws Exception {
    browser.click("#zoom-fit"); // the other tests zoom and pan
    JsonNode boxes = browser.evaluate("[...document.querySelectorAll('svg.er g.table')].map(g => {"
        + " const r = g.getBoundingClientRect(); return [g.dataset.table, r.left, r.top, r.right, r.bottom]; })");
    assertEquals(TABLES, boxes.size());
    for (int i = 0; i < boxes.size(); i++) {
      for (int j = i + 1; j < boxes.size(); j++) {
        JsonNode a = boxes.get(i);
        JsonNode b = boxes.get(j);
        boolean apart = a.get(3).asDouble() <= b.get(1).asDouble() || b.get(3).asDouble() <= a.get(1).asDouble()
            || a.get(4).asDouble() <= b.get(2).asDouble() || b.get(4).asDouble() <= a.get(2).asDouble();
        assertTrue(apart, a.get(0).asText() + " overlaps " + b.get(0).asText() + ": " + a + " " + b);
      }
    }
    JsonNode view = browser.evaluate("(() => { const r = document.querySelector('svg.er').getBoundingClientRect();"
        + " return [r.left, r.top, r.right, r.bottom]; })()");
    for (JsonNode box : boxes) { // "Fit" (the first view) shows every table
      assertTrue(box.get(1).asDouble() >= view.get(0).asDouble() - 1 && box.get(3).asDouble() <= view.get(2).asDouble() + 1
          && box.get(2).asDouble() >= view.get(1).asDouble() - 1 && box.get(4).asDouble() <= view.get(3).asDouble() + 1,
          box.get(0).asText() + " is outside the fitted view " + view + ": " + box);
    }
    int edges = browser.evaluate("document.querySelectorAll('svg.er .edges path').length").asInt();
    assertEquals(TABLES - 6 - 1 + (TABLES - 6) / 7, edges);
    browser.screenshot(UiBrowserTest.SCREENSHOTS.resolve("diagram-60-tables.png"));
  }

  @Test
  void searchBringsATableIntoViewReadably() throws Exception {
    browser.type("#diagram-search", "t_42");
    browser.waitUntil("document.querySelector('svg.er g.table.match')");
    JsonNode match = browser.evaluate("(() => { const g = document.querySelector('svg.er g.table.match');"
        + " const r = g.getBoundingClientRect(); const v = document.querySelector('svg.er').getBoundingClientRect();"
        + " return {name: g.dataset.table, inside: r.left >= v.left && r.right <= v.right && r.top >= v.top && r.bottom <= v.bottom,"
        + " scale: Number(document.querySelector('svg.er').dataset.scale),"
        + " dimmed: document.querySelectorAll('svg.er g.table.dim').length}; })()");
    assertEquals("t_42", match.get("name").asText());
    assertTrue(match.get("inside").asBoolean(), match.toString());
    assertTrue(match.get("scale").asDouble() >= 0.9, "text at its size or larger: " + match);
    assertEquals(TABLES - 1, match.get("dimmed").asInt());
    browser.screenshot(UiBrowserTest.SCREENSHOTS.resolve("diagram-search.png"));
    browser.type("#diagram-search", "");
    browser.evaluate("document.getElementById('diagram-search').dispatchEvent(new Event('input'))");
  }

  @Test
  void zoomsWithTheButtonsAndTheWheelAndPansByDragging() throws Exception {
    double before = scale();
    browser.click("#zoom-in");
    assertTrue(scale() > before);
    browser.click("#zoom-out");
    browser.click("#zoom-out");
    assertTrue(scale() < before);

    JsonNode centre = browser.evaluate("(() => { const r = document.querySelector('svg.er').getBoundingClientRect();"
        + " return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()");
    double wheelBefore = scale();
    browser.send("Input.dispatchMouseEvent", Raw.JSON.createObjectNode().put("type", "mouseWheel")
        .put("x", centre.get("x").asDouble()).put("y", centre.get("y").asDouble()).put("deltaX", 0).put("deltaY", -300));
    browser.waitUntil("Number(document.querySelector('svg.er').dataset.scale) > " + wheelBefore);

    String transform = transform();
    double x = centre.get("x").asDouble();
    double y = centre.get("y").asDouble();
    browser.send("Input.dispatchMouseEvent", Raw.JSON.createObjectNode().put("type", "mousePressed").put("x", x).put("y", y)
        .put("button", "left").put("clickCount", 1));
    browser.send("Input.dispatchMouseEvent", Raw.JSON.createObjectNode().put("type", "mouseMoved").put("x", x + 120).put("y", y + 80)
        .put("button", "left"));
    browser.send("Input.dispatchMouseEvent", Raw.JSON.createObjectNode().put("type", "mouseReleased").put("x", x + 120).put("y", y + 80)
        .put("button", "left").put("clickCount", 1));
    assertNotEquals(transform, transform());
    assertEquals("#/schema", browser.evaluate("location.hash").asText(), "a drag over a table is no click on it");
  }

  private static double scale() throws Exception {
    return browser.evaluate("Number(document.querySelector('svg.er').dataset.scale)").asDouble();
  }

  private static String transform() throws Exception {
    return browser.evaluate("document.querySelector('svg.er > g').getAttribute('transform')").asText();
  }
}

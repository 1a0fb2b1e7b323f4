package dev.schemacode.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemacode.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code --schemas}, {@code --targets}, {@code --parallel}, {@code --fail-fast} on deploy, status and validate. */
class FleetCommandsTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();

  @TempDir Path migrations;
  @TempDir Path work;

  @BeforeEach
  void tenants() throws Exception {
    sql("DROP SCHEMA IF EXISTS t1, t2, t3, t4, t5, other CASCADE; CREATE SCHEMA t1; CREATE SCHEMA t2; CREATE SCHEMA t3;"
        + " CREATE SCHEMA t4; CREATE SCHEMA t5; CREATE SCHEMA other; DROP TABLE IF EXISTS public.schemacode_history, public.item, public.tag");
    Files.writeString(migrations.resolve("V0001__item.sql"), "CREATE TABLE item (id int PRIMARY KEY);\n");
    Files.writeString(migrations.resolve("V0002__tag.sql"), "CREATE TABLE tag (id int PRIMARY KEY);\n");
  }

  private SchemacodeCliTest.Run run(String command, String... args) {
    List<String> all = new ArrayList<>(List.of(command, "--url", database.jdbcUrlWithCredentials(),
        "--migrations", migrations.toString()));
    all.addAll(List.of(args));
    return SchemacodeCliTest.cli(all.toArray(String[]::new));
  }

  @Test
  void deployAcrossSchemasNamesTheFailedTargetAndARerunFinishesIt() throws Exception {
    sql("CREATE TABLE t3.tag (conflict text)");
    SchemacodeCliTest.Run first = run("deploy", "--schemas", "t%", "--parallel", "2");
    assertEquals(1, first.exitCode(), first.out() + first.err());
    for (String tenant : List.of("t1", "t2", "t4", "t5")) {
      assertTrue(first.out().contains("schemacode: " + tenant + ": applied 2 migrations; at V0002"), first.out());
    }
    assertTrue(first.out().contains("schemacode: t3: deploy failed at V0002__tag: "), first.out());
    assertTrue(first.out().contains("schemacode: 5 targets: 4 applied, 0 up to date, 1 failed"), first.out());
    assertTrue(first.out().contains("schemacode: failed: t3 (V0002__tag)"), first.out());
    assertFalse(first.out().contains("other:"), "not matched by the pattern");

    sql("DROP TABLE t3.tag");
    SchemacodeCliTest.Run second = run("deploy", "--schemas", "t%");
    assertEquals(0, second.exitCode(), second.out() + second.err());
    assertTrue(second.out().contains("schemacode: 5 targets: 1 applied, 4 up to date, 0 failed"), second.out());

    SchemacodeCliTest.Run validate = run("validate", "--schemas", "t1,t2,other");
    assertEquals(0, validate.exitCode(), validate.out());
    assertTrue(validate.out().contains("schemacode: other: 2 pending; at (empty)"), validate.out());
    assertTrue(validate.out().contains("schemacode: 3 targets: 2 up to date, 1 pending, 0 failed"), validate.out());
  }

  @Test
  void statusJsonAcrossTheFleet() throws Exception {
    run("deploy", "--schemas", "t1,t2");
    Files.writeString(migrations.resolve("V0001__item.sql"), "CREATE TABLE item (id bigint PRIMARY KEY);\n");
    sql("DROP TABLE t2.tag"); // harmless to status; t1 and t2 both see V0001 modified
    SchemacodeCliTest.Run status = run("status", "--json", "--schemas", "t%");
    assertEquals(1, status.exitCode(), status.out() + status.err());
    JsonNode root = new ObjectMapper().readTree(status.out());
    assertEquals(5, root.get("summary").get("targets").asInt());
    assertEquals(2, root.get("summary").get("failed").asInt());
    assertEquals(3, root.get("summary").get("pending").asInt());
    JsonNode t1 = root.get("targets").get(0);
    assertEquals("t1", t1.get("schema").asText());
    assertEquals("failed", t1.get("outcome").asText());
    assertEquals("V0001__item", t1.get("failedMigration").asText());
    assertTrue(database.password().isEmpty() || !root.toString().contains(database.password()), "no password in the JSON");
  }

  @Test
  void targetsFileWithAnUnreachableDatabase() throws Exception {
    TestDatabase second = new TestDatabase();
    second.create("FleetCommandsTest_second");
    try {
      Path file = work.resolve("targets.txt");
      Files.writeString(file, "# shards\n" + database.jdbcUrlWithCredentials() + "\n\n"
          + "postgresql://fleet:hunter2-secret@127.0.0.1:1/gone?connectTimeout=2   # decommissioned\n"
          + second.jdbcUrlWithCredentials() + "\n");
      SchemacodeCliTest.Run deploy = SchemacodeCliTest.cli("deploy", "--targets", file.toString(),
          "--migrations", migrations.toString());
      assertEquals(1, deploy.exitCode(), deploy.out() + deploy.err());
      assertTrue(deploy.out().contains("schemacode: 3 targets: 2 applied, 0 up to date, 1 failed"), deploy.out());
      List<String> unreachable = deploy.out().lines().filter(line -> line.contains("127.0.0.1:1/gone")).toList();
      assertEquals(2, unreachable.size(), "its line as it finished, and the failure list: " + deploy.out());
      assertFalse(deploy.out().contains("hunter2") || deploy.err().contains("hunter2"), deploy.out() + deploy.err());
    } finally {
      second.drop();
    }
  }

  @Test
  void seedAndBackfillAcrossSchemas() throws Exception {
    Files.createDirectories(migrations.resolve("seeds"));
    Files.writeString(migrations.resolve("seeds/items.sql"), "INSERT INTO item VALUES (1);\n");
    Files.createDirectories(migrations.resolve("backfills"));
    Files.writeString(migrations.resolve("backfills/more_items.sql"), "INSERT INTO item VALUES (2);\n");
    assertEquals(0, run("deploy", "--schemas", "t1,t2").exitCode());
    SchemacodeCliTest.Run refused = run("seed", "--schemas", "t1,t2", "--environment", "production");
    assertEquals(2, refused.exitCode(), refused.out() + refused.err());
    SchemacodeCliTest.Run seed = run("seed", "--schemas", "t1,t2", "--environment", "development");
    assertEquals(0, seed.exitCode(), seed.out() + seed.err());
    assertTrue(seed.out().contains("schemacode: t2: seeded 1 script"), seed.out());
    SchemacodeCliTest.Run backfill = run("backfill", "more_items", "--schemas", "t1,t2");
    assertEquals(0, backfill.exitCode(), backfill.out() + backfill.err());
    assertTrue(backfill.out().contains("schemacode: 2 targets: 2 applied, 0 up to date, 0 failed"), backfill.out());
    SchemacodeCliTest.Run again = run("backfill", "more_items", "--schemas", "t1,t2");
    assertTrue(again.out().contains("schemacode: t1: backfill had run already"), again.out());
    assertEquals(2, run("backfill", "--list", "--schemas", "t1").exitCode());
  }

  @Test
  void badFleetUsageIsExitTwo() throws Exception {
    assertEquals(2, run("deploy", "--schemas", "t1", "--dry-run").exitCode());
    Path file = work.resolve("targets.txt");
    Files.writeString(file, "postgresql://u:pa55word@host/db\nnot a url with pa55word\n");
    SchemacodeCliTest.Run both = run("status", "--schemas", "t1", "--targets", file.toString());
    assertEquals(2, both.exitCode(), both.err());
    SchemacodeCliTest.Run bad = SchemacodeCliTest.cli("status", "--targets", file.toString(), "--migrations", migrations.toString());
    assertEquals(2, bad.exitCode(), bad.err());
    assertTrue(bad.err().contains("line 2"), bad.err());
    assertFalse(bad.err().contains("pa55word"), bad.err());
    assertEquals(2, run("deploy", "--schemas", "t1", "--parallel", "0").exitCode());
  }

  private static void sql(String sql) throws Exception {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}

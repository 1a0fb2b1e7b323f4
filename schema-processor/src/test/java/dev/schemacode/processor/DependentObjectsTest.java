package dev.schemacode.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.schemacode.model.Ledger;
import dev.schemacode.model.LedgerCodec;
import dev.schemacode.model.Schema;
import dev.schemacode.model.SchemaDiff;
import dev.schemacode.model.introspect.LiveSchemas;
import dev.schemacode.model.introspect.PostgresIntrospector;
import dev.schemacode.runtime.MigrationSource;
import dev.schemacode.runtime.Migrator;
import dev.schemacode.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Changes to what other objects depend on: checks, partial indexes and defaults over a column whose
 * enum type is rebuilt, expressions naming columns that are dropped or renamed, and tables moving to
 * another schema. Each generated history is applied to a real PostgreSQL with rows in the tables, and
 * the live schema must then be the declared one.
 */
class DependentObjectsTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();
  @TempDir Path migrations;

  private static final String IMPORTS = "package desk;\nimport dev.schemacode.annotations.*;\n"
      + "import org.jspecify.annotations.Nullable;\n";

  private static JavaFileObject java(String name, String body) {
    return ProcessorHarness.source("desk." + name, IMPORTS + body);
  }

  @BeforeEach
  void emptyDatabase() throws SQLException {
    execute("DROP SCHEMA IF EXISTS web CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
  }

  // ---- enum rebuilds under checks, partial indexes and defaults

  private static final String TICKET = """
      @Table
      @Check(name = "ticket_open_check", value = "status <> 'CLOSED' OR closed_by IS NOT NULL")
      @Index(name = "ticket_open_idx", columns = "id", unique = true, where = "status = 'OPEN'")
      public class Ticket {
        @Id @Identity long id;
        @Default("'OPEN'") Status status;
        @Nullable String closedBy;
      }""";

  @Test
  void anEnumRebuiltUnderAChecksAndAPartialIndexesLiteralsAppliesWithRowsInTheTable() throws Exception {
    generateAndApply(java("Status", "public enum Status { OPEN, CLOSED, ARCHIVED }"), java("Ticket", TICKET));
    execute("INSERT INTO ticket (status) VALUES ('OPEN'); INSERT INTO ticket (status, closed_by) VALUES ('CLOSED', 'ada')");

    // reordered and a value removed: PostgreSQL cannot do either in place, so the type is rebuilt
    String v2 = generateAndApply(java("Status",
        "@AcknowledgeDataLoss(\"drop enum value status.ARCHIVED\") public enum Status { CLOSED, OPEN }"), java("Ticket", TICKET));
    assertTrue(v2.indexOf("DROP CONSTRAINT \"ticket_open_check\";") < v2.indexOf("ALTER TYPE \"status\" RENAME TO \"status__old\";")
        && v2.indexOf("DROP INDEX \"ticket_open_idx\";") < v2.indexOf("ALTER TYPE \"status\" RENAME"), v2);
    assertTrue(v2.contains("CREATE UNIQUE INDEX \"ticket_open_idx\" ON \"ticket\" (\"id\") WHERE status = 'OPEN';"), v2);
    assertEquals("OPEN,CLOSED", column("SELECT string_agg(status::text, ',' ORDER BY id) FROM ticket"));
    assertEquals("CLOSED", column("SELECT min(status)::text FROM ticket"), "the new order holds");
    assertThrowsSql("INSERT INTO ticket (status) VALUES ('CLOSED')", "ticket_open_check");
  }

  @Test
  void handWrittenExpressionIndexesAndChecksOverTheColumnAreSavedAndMadeAgainAroundTheRebuild() throws Exception {
    generateAndApply(java("Status", "public enum Status { OPEN, CLOSED, ARCHIVED }"), java("Ticket", TICKET));
    // what annotations cannot declare, in a hand-written migration: the next build records it
    long next = LedgerCodec.read(Files.readString(migrations.resolve(Ledger.FILE_NAME)), "ledger").nextSequence();
    Files.writeString(migrations.resolve(String.format("V%04d__by_hand.sql", next)), """
        CREATE INDEX ticket_closed_expr_idx ON ticket ((status = 'CLOSED'), lower(closed_by));
        CREATE INDEX ticket_mixed_idx ON ticket (id, status) WHERE status <> 'ARCHIVED' OR closed_by IS NULL;
        ALTER TABLE ticket ADD CONSTRAINT ticket_by_hand_check CHECK (status <> 'OPEN' OR closed_by IS NULL);
        INSERT INTO ticket (status) VALUES ('OPEN');
        INSERT INTO ticket (status, closed_by) VALUES ('CLOSED', 'Ada');
        """);
    String v3 = generateAndApplyOnly(java("Status", "public enum Status { CLOSED, ARCHIVED, OPEN }"), java("Ticket", TICKET));
    assertTrue(v3.contains("ALTER TYPE \"status\" RENAME TO \"status__old\";"), v3);
    assertEquals("CREATE INDEX ticket_closed_expr_idx ON public.ticket USING btree (((status = 'CLOSED'::status)), lower(closed_by))",
        column("SELECT pg_get_indexdef('ticket_closed_expr_idx'::regclass)"));
    assertEquals("CREATE INDEX ticket_mixed_idx ON public.ticket USING btree (id, status)"
        + " WHERE ((status <> 'ARCHIVED'::status) OR (closed_by IS NULL))", column("SELECT pg_get_indexdef('ticket_mixed_idx'::regclass)"));
    assertEquals("CHECK (((status <> 'OPEN'::status) OR (closed_by IS NULL)))",
        column("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'ticket_by_hand_check'"));
    assertThrowsSql("INSERT INTO ticket (status, closed_by) VALUES ('OPEN', 'x')", "ticket_by_hand_check");
    assertEquals("1", column("SELECT count(*) FROM ticket WHERE status = 'CLOSED' AND lower(closed_by) = 'ada'"));
    // the model holds none of them: without them the database is exactly the declared schema
    execute("DROP INDEX ticket_closed_expr_idx; DROP INDEX ticket_mixed_idx; ALTER TABLE ticket DROP CONSTRAINT ticket_by_hand_check");
    assertNoDrift();
  }

  // ---- expressions naming columns that go

  @Test
  void aCheckNamingADroppedColumnIsACompileErrorOnItsTable() throws Exception {
    generateAndApply(java("Ticket", TICKET.replace("Status status", "String status")));
    JavaFileObject withoutClosedBy = java("Ticket", """
        @Table @AcknowledgeDataLoss("drop column ticket.closed_by")
        @Check(name = "ticket_open_check", value = "status <> 'CLOSED' OR closed_by IS NOT NULL")
        @Index(name = "ticket_open_idx", columns = "id", unique = true, where = "status = 'OPEN'")
        public class Ticket {
          @Id @Identity long id;
          @Default("'OPEN'") String status;
        }""");
    Map<String, String> before = ProcessorHarness.snapshot(migrations);
    Compilation compilation = ProcessorHarness.compile(migrations, withoutClosedBy);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[schemacode:ExpressionNamesGoneColumn] check ticket_open_check on ticket"
        + " (status <> 'CLOSED' OR closed_by IS NOT NULL) names column closed_by, which this change drops")
        .inFile(withoutClosedBy).onLineContaining("public class Ticket");
    assertEquals(before, ProcessorHarness.snapshot(migrations), "nothing written");
  }

  @Test
  void aCheckStillNamingARenamedColumnIsAnErrorAndOneThatFollowsTheRenameIsJustTheRename() throws Exception {
    generateAndApply(java("Ticket", TICKET.replace("Status status", "String status")));
    execute("INSERT INTO ticket (status, closed_by) VALUES ('CLOSED', 'ada')");
    String renamed = """
        @Table
        @Check(name = "ticket_open_check", value = "status <> 'CLOSED' OR %s IS NOT NULL")
        @Index(name = "ticket_open_idx", columns = "id", unique = true, where = "status = 'OPEN'")
        public class Ticket {
          @Id @Identity long id;
          @Default("'OPEN'") String status;
          @RenamedFrom("closed_by") @Nullable String resolver;
        }""";
    JavaFileObject stale = java("Ticket", renamed.formatted("closed_by"));
    Compilation compilation = ProcessorHarness.compile(migrations, stale);
    assertThat(compilation).hadErrorContaining("names column closed_by, which is renamed to resolver (write resolver instead")
        .inFile(stale).onLineContaining("public class Ticket");

    String v2 = generateAndApply(java("Ticket", renamed.formatted("resolver")));
    assertTrue(v2.contains("ALTER TABLE \"ticket\" RENAME COLUMN \"closed_by\" TO \"resolver\";"), v2);
    assertTrue(!v2.contains("CONSTRAINT"), "PostgreSQL renamed the column in the check itself: " + v2);
    assertEquals("ada", column("SELECT resolver FROM ticket"));
  }

  // ---- tables moving between schemas

  private static final String REQUEST = """
      @Table(name = "http_request"%s) %s
      @Index(columns = "path", where = "status >= 500")
      public class HttpRequest {
        @Id @Identity long id;
        String path;
        int status;
      }""";

  @Test
  void aTableMovesToAnotherSchemaWithItsRowsWhateverWayTheOldNameIsWritten() throws Exception {
    generateAndApply(java("HttpRequest", REQUEST.formatted("", "")));
    execute("INSERT INTO http_request (path, status) VALUES ('/', 200), ('/boom', 503)");

    // the same name in another schema: it moves there from the default schema
    String v2 = generateAndApply(java("HttpRequest", REQUEST.formatted(", schema = \"web\"", "@RenamedFrom(\"http_request\")")));
    assertTrue(v2.contains("ALTER TABLE \"http_request\" SET SCHEMA \"web\";"), v2);
    assertTrue(!v2.contains("DROP TABLE"), v2);
    assertEquals("2", column("SELECT count(*) FROM web.http_request"));

    // back, naming the old schema
    String v3 = generateAndApply(java("HttpRequest", REQUEST.formatted("", "@RenamedFrom(\"web.http_request\")")));
    assertTrue(v3.contains("ALTER TABLE \"web\".\"http_request\" SET SCHEMA \"public\";"), v3);
    assertEquals("/boom", column("SELECT path FROM http_request WHERE status >= 500"));

    // and "public" for the default schema, with a new name
    String v4 = generateAndApply(java("HttpRequest", REQUEST.formatted(", name = \"request\", schema = \"web\"",
        "@RenamedFrom(\"public.http_request\")").replace("name = \"http_request\", ", "")));
    assertTrue(v4.contains("ALTER TABLE \"http_request\" SET SCHEMA \"web\";\nALTER TABLE \"web\".\"http_request\" RENAME TO \"request\";"), v4);
    assertEquals("2", column("SELECT count(*) FROM web.request"));
  }

  // ---- helpers

  /** Compiles, expects a new migration, applies everything and checks the live schema; returns the new SQL. */
  private String generateAndApply(JavaFileObject... sources) throws Exception {
    String sql = generateAndApplyOnly(sources);
    assertNoDrift();
    return sql;
  }

  private String generateAndApplyOnly(JavaFileObject... sources) throws Exception {
    Set<String> before = ProcessorHarness.snapshot(migrations).keySet();
    Compilation compilation = ProcessorHarness.compile(migrations, sources);
    assertThat(compilation).succeeded();
    Map<String, String> files = ProcessorHarness.snapshot(migrations);
    List<String> added = new ArrayList<>(files.keySet());
    added.removeAll(before);
    added.remove(Ledger.FILE_NAME);
    assertTrue(!added.isEmpty(), "no migration was written");
    Migrator.builder().dataSource(database.dataSource()).migrations(MigrationSource.directory(migrations)).build().migrate();
    return added.stream().sorted().map(files::get).collect(Collectors.joining());
  }

  private void assertNoDrift() throws Exception {
    Path file = migrations.resolve(Ledger.FILE_NAME);
    Schema declared = LedgerCodec.read(Files.readString(file), file.toString()).schema();
    Schema live;
    try (Connection connection = database.connect()) {
      live = new PostgresIntrospector(connection, Migrator.runtimeTables(Migrator.DEFAULT_HISTORY_TABLE)).read(declared.schemaNames());
    }
    SchemaDiff drift = LiveSchemas.drift(live, declared);
    assertTrue(drift.isEmpty(), "the live schema differs from the declared one: "
        + drift.changes().stream().map(c -> c.describe()).toList());
  }

  private static void execute(String sql) throws SQLException {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static String column(String sql) throws SQLException {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getString(1);
    }
  }

  private static void assertThrowsSql(String sql, String expected) {
    SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, () -> execute(sql));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}

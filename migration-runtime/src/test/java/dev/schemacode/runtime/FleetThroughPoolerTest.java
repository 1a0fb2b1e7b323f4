package dev.schemacode.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemacode.testing.PgBouncer;
import dev.schemacode.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet of tenant schemas deployed through PgBouncer in transaction mode with two server
 * connections for four fleet threads: every tenant's migrations land in its own schema (the
 * search_path travels inside each migration's transaction), and nothing stays behind on the shared
 * server connections.
 */
class FleetThroughPoolerTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();
  private static PgBouncer pooler;

  @TempDir Path migrations;

  @BeforeAll
  static void start() {
    pooler = PgBouncer.start(database.server(), PgBouncer.PoolMode.TRANSACTION, 2);
  }

  @AfterAll
  static void stop() {
    if (pooler != null) {
      pooler.close();
    }
  }

  private static String pooled() {
    return pooler.jdbcUrl(database.name()) + "&user=" + database.user()
        + (database.password().isEmpty() ? "" : "&password=" + database.password());
  }

  @Test
  void everyTenantGetsItsOwnTablesAndTheSharedConnectionsKeepTheirSearchPath() throws Exception {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute("DO $$ BEGIN FOR i IN 1..24 LOOP EXECUTE format('CREATE SCHEMA %I', 'shop_' || i); END LOOP; END $$");
    }
    Files.writeString(migrations.resolve("V0001__item.sql"), "CREATE TABLE item (id int PRIMARY KEY);\n");
    Files.writeString(migrations.resolve("V0002__item_name.sql"), "ALTER TABLE item ADD COLUMN name text;\n"
        + "INSERT INTO item VALUES (1, current_schema());\n");
    Fleet fleet = Fleet.builder().url(DatabaseUrl.parse(pooled())).schemas(List.of("shop\\_%")).parallel(4)
        .migrator(builder -> builder.migrations(MigrationSource.directory(migrations))).build();

    FleetResult first = fleet.deploy();
    assertTrue(first.ok(), first.failures().toString());
    assertEquals(24, first.count(FleetResult.Outcome.APPLIED));
    assertEquals(24, fleet.deploy().count(FleetResult.Outcome.UP_TO_DATE));

    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      for (int i = 1; i <= 24; i++) {
        try (ResultSet row = statement.executeQuery("SELECT name FROM shop_" + i + ".item")) {
          assertTrue(row.next());
          assertEquals("shop_" + i, row.getString(1), "the migration ran with the tenant's search_path");
        }
      }
      try (ResultSet tables = statement.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")) {
        tables.next();
        assertEquals(0, tables.getInt(1));
      }
    }
    // both server connections behind the pooler: their search_path is the default again
    try (Connection a = DriverManager.getConnection(pooled()); Connection b = DriverManager.getConnection(pooled())) {
      a.setAutoCommit(false);
      b.setAutoCommit(false);
      for (Connection connection : List.of(a, b)) {
        try (Statement statement = connection.createStatement(); ResultSet path = statement.executeQuery("SHOW search_path")) {
          path.next();
          assertEquals("\"$user\", public", path.getString(1));
        }
      }
      a.rollback();
      b.rollback();
    }
  }
}

package dev.schemacode.ui;

import dev.schemacode.runtime.DatabaseUrl;
import dev.schemacode.runtime.Environment;
import dev.schemacode.runtime.MigrationSource;
import dev.schemacode.runtime.Migrator;
import dev.schemacode.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The example shop's migrations (with their ledger) applied up to V0007, so V0008 is pending, plus a
 * table of a million rows and a few shop rows: what the API and browser tests look at.
 */
final class ShopDatabase {
  static final Path MIGRATIONS = Path.of("..", "example-app", "src", "main", "resources", "db", "migration");
  static final int BIG_ROWS = 1_000_000;

  private ShopDatabase() {}

  static void prepare(TestDatabase database) throws SQLException {
    prepare(database, BIG_ROWS);
  }

  static void prepare(TestDatabase database, int bigRows) throws SQLException {
    if (!Files.isDirectory(MIGRATIONS)) {
      throw new IllegalStateException("the example app's migrations are missing: " + MIGRATIONS.toAbsolutePath());
    }
    migrator(database, Environment.named("test")).migrateTo("0007");
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO customer (email, display_name, created_at)"
          + " SELECT 'c' || i || '@example.com', 'Customer ' || i, timestamptz '2026-01-01' + i * interval '1 hour'"
          + " FROM generate_series(1, 120) i");
      statement.execute("INSERT INTO payment (customer_id, amount, currency, reference, created_at)"
          + " SELECT 1 + i % 120, i * 1.5, 'EUR', 'ref-' || i, timestamptz '2026-02-01' + i * interval '1 minute'"
          + " FROM generate_series(1, 300) i");
      statement.execute("CREATE TABLE big_event (id bigint PRIMARY KEY, kind text NOT NULL, payload text)");
      statement.execute("INSERT INTO big_event SELECT i, CASE WHEN i % 1000 = 0 THEN 'rare' ELSE 'common' END, 'p' || i"
          + " FROM generate_series(1, " + bigRows + ") i");
      statement.execute("ANALYZE big_event");
    }
  }

  static Migrator migrator(TestDatabase database, Environment environment) {
    return Migrator.builder().url(url(database)).migrations(MigrationSource.directory(MIGRATIONS))
        .environment(environment).build();
  }

  /**
   * The URL as platforms hand it out, always with a password, which no response may show: the
   * server's own, or, where the server trusts local connections, one it ignores.
   */
  static DatabaseUrl url(TestDatabase database) {
    String hostAndDatabase = database.jdbcUrl().substring("jdbc:postgresql://".length());
    return DatabaseUrl.parse("postgresql://" + database.user() + ":" + password(database) + "@" + hostAndDatabase);
  }

  static String password(TestDatabase database) {
    return database.password().isEmpty() ? "N0tPrinted-s3cret" : database.password();
  }

  static UiServer serve(TestDatabase database, Environment environment) {
    return UiServer.start(new UiServer.Settings(url(database), migrator(database, environment),
        MigrationSource.directory(MIGRATIONS), Migrator.DEFAULT_HISTORY_TABLE, environment, 0));
  }
}

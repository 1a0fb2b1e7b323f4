package dev.schemacode.runtime;

import dev.schemacode.runtime.internal.AdvisoryLock;
import dev.schemacode.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** One-line SQL for tests: run a statement, read one value. */
public final class Queries {
  private Queries() {}

  public static void execute(TestDatabase database, String sql) throws SQLException {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  static long count(TestDatabase database, String sql) throws SQLException {
    return Long.parseLong(text(database, sql));
  }

  public static String text(TestDatabase database, String sql) throws SQLException {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      return result.next() ? result.getString(1) : null;
    }
  }

  /** Takes the migration lock as a session-level lock, as a migrator of an earlier version would; false when taken. */
  static boolean tryMigrationLock(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(
        "SELECT pg_try_advisory_lock(" + AdvisoryLock.NAMESPACE + ", " + AdvisoryLock.keySql(Migrator.DEFAULT_HISTORY_TABLE) + ")")) {
      result.next();
      return result.getBoolean(1);
    }
  }

  /** Advisory locks held or awaited in the test's database, by anyone. */
  static long advisoryLocks(TestDatabase database) throws SQLException {
    return count(database, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
        + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");
  }

  static void emptySchema(TestDatabase database) throws SQLException {
    execute(database, "DROP SCHEMA public CASCADE; CREATE SCHEMA public AUTHORIZATION CURRENT_USER;"
        + " GRANT USAGE ON SCHEMA public TO PUBLIC;");
  }

  /** Waits (up to a generous bound, never asserted as a time) until the query returns true. */
  static void awaitTrue(TestDatabase database, String sql, String what) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!"t".equals(text(database, sql))) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("gave up waiting until " + what);
      }
      Thread.sleep(20);
    }
  }
}

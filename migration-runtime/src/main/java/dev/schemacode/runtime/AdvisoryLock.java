package dev.schemacode.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A session-level PostgreSQL advisory lock that serialises concurrent migrators on one database
 * and schema. PostgreSQL releases it when the session ends, so a migrator that dies never leaves
 * the database locked.
 *
 * <p>Waiters poll with {@code pg_try_advisory_lock} instead of blocking in {@code pg_advisory_lock}.
 * A blocked {@code SELECT pg_advisory_lock(…)} is a running statement with a snapshot, and {@code
 * CREATE INDEX CONCURRENTLY} in the lock holder waits for every such snapshot in the database to go
 * away: holder and waiter would wait for each other until the deadlock detector kills one of them
 * (Flyway #1654). A polling waiter holds a snapshot only for the microseconds of each attempt.
 */
final class AdvisoryLock {
  /** "schc" as an int: the first key, so our locks do not collide with an application's own. */
  private static final int NAMESPACE = 0x73636863;
  private static final long FIRST_PAUSE_MILLIS = 10;
  private static final long MAX_PAUSE_MILLIS = 500;

  private final String resource;

  AdvisoryLock(String historyTable) {
    this.resource = historyTable;
  }

  /** Takes the lock without waiting; false when another session holds it. */
  boolean tryAcquire(Connection connection) throws SQLException {
    return call(connection, "SELECT pg_try_advisory_lock(?, hashtext(coalesce(current_schema(), '') || '.' || ?))");
  }

  /** Waits for the lock, calling {@code onWait} once if it has to wait at all. */
  void acquire(Connection connection, Runnable onWait) throws SQLException {
    long pause = FIRST_PAUSE_MILLIS;
    boolean waited = false;
    while (!tryAcquire(connection)) {
      if (!waited) {
        onWait.run();
        waited = true;
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new MigrationException("interrupted while waiting for the migration lock", e);
      }
      pause = Math.min(pause * 2, MAX_PAUSE_MILLIS);
    }
  }

  void release(Connection connection) throws SQLException {
    call(connection, "SELECT pg_advisory_unlock(?, hashtext(coalesce(current_schema(), '') || '.' || ?))");
  }

  private boolean call(Connection connection, String sql) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setInt(1, NAMESPACE);
      statement.setString(2, resource);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getBoolean(1);
      }
    }
  }
}

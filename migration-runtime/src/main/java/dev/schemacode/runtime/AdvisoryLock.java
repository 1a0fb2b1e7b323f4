package dev.schemacode.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A session-level PostgreSQL advisory lock that serialises concurrent migrators on one database
 * and schema. PostgreSQL releases it when the session ends, so a migrator that dies never leaves
 * the database locked.
 */
final class AdvisoryLock {
  /** "schc" as an int: the first key, so our locks do not collide with an application's own. */
  private static final int NAMESPACE = 0x73636863;

  private final String resource;

  AdvisoryLock(String historyTable) {
    this.resource = historyTable;
  }

  /** Takes the lock without waiting; false when another session holds it. */
  boolean tryAcquire(Connection connection) throws SQLException {
    return call(connection, "SELECT pg_try_advisory_lock(?, hashtext(coalesce(current_schema(), '') || '.' || ?))");
  }

  void acquire(Connection connection) throws SQLException {
    call(connection, "SELECT pg_advisory_lock(?, hashtext(coalesce(current_schema(), '') || '.' || ?)) IS NULL");
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

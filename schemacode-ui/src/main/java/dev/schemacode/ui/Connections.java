package dev.schemacode.ui;

import dev.schemacode.runtime.DatabaseUrl;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A few idle connections kept for the page's requests (a page opens several at once), so that each
 * request does not pay a connection set-up. A connection that saw an error is closed, not kept.
 */
final class Connections implements AutoCloseable {
  private static final int KEEP = 4;

  private final DatabaseUrl url;
  private final Deque<Connection> idle = new ArrayDeque<>();

  Connections(DatabaseUrl url) {
    this.url = url;
  }

  /** Work on a connection in one transaction, read-only unless {@code write}; committed when it returns. */
  <T> T inTransaction(boolean write, Work<T> work) throws SQLException {
    Connection connection = take();
    boolean healthy = false;
    try {
      connection.setAutoCommit(false);
      connection.setReadOnly(!write);
      try (Statement statement = connection.createStatement()) {
        // a filter on an unindexed column of a huge table must not hold a connection for ever
        statement.execute("SET LOCAL statement_timeout = '30s'");
      }
      T result = work.run(connection);
      connection.commit();
      healthy = true;
      return result;
    } finally {
      if (!healthy) {
        try {
          connection.rollback();
        } catch (SQLException ignored) {
          // closed below
        }
      }
      give(connection, healthy);
    }
  }

  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private Connection take() {
    synchronized (idle) {
      Connection connection = idle.pollFirst();
      if (connection != null) {
        return connection;
      }
    }
    return url.connect();
  }

  private void give(Connection connection, boolean healthy) {
    synchronized (idle) {
      if (healthy && idle.size() < KEEP) {
        idle.addFirst(connection);
        return;
      }
    }
    close(connection);
  }

  private static void close(Connection connection) {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // nothing to do: it is gone either way
    }
  }

  @Override
  public void close() {
    synchronized (idle) {
      idle.forEach(Connections::close);
      idle.clear();
    }
  }
}

package dev.schemacode.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One connection for one operation, always in auto-commit mode between scripts: a session that sat
 * in an open transaction while it holds the migration lock would make {@code CREATE INDEX
 * CONCURRENTLY} wait for it. Gives the connection back as it came (auto-commit, settings), because
 * it may belong to the application's pool.
 */
final class Session implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("dev.schemacode.runtime");
  /** How often the server checks that a migrator is still there while one of its statements runs. */
  static final String CLIENT_CHECK_INTERVAL = "1s";

  private final Connection connection;
  private final boolean autoCommitBefore;
  private boolean watchingClient;

  private Session(Connection connection, boolean autoCommitBefore) {
    this.connection = connection;
    this.autoCommitBefore = autoCommitBefore;
  }

  static Session open(ConnectionFactory connections) throws SQLException {
    Connection connection = connections.open();
    try {
      boolean autoCommit = connection.getAutoCommit();
      if (!autoCommit) {
        connection.setAutoCommit(true);
      }
      return new Session(connection, autoCommit);
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  Connection connection() {
    return connection;
  }

  /**
   * Without this a migrator killed during a long statement leaves its backend running that
   * statement, holding its table locks and the migration lock, until the statement ends on its own.
   * PostgreSQL 14+ can notice the closed socket while the statement runs and cancel it. Costs one
   * round trip, and only once the lock is held, never on the start-up fast path.
   */
  void watchClient() {
    try {
      if (connection.getMetaData().getDatabaseMajorVersion() < 14) {
        return;
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET client_connection_check_interval = '" + CLIENT_CHECK_INTERVAL + "'");
        watchingClient = true;
      }
    } catch (SQLException e) {
      // Not every platform supports the check; the migration still runs, a crash just frees late.
      LOG.log(System.Logger.Level.DEBUG, "client_connection_check_interval unavailable: {0}", e.getMessage());
    }
  }

  @Override
  public void close() throws SQLException {
    try {
      if (watchingClient && !connection.isClosed()) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("RESET client_connection_check_interval");
        } catch (SQLException e) {
          LOG.log(System.Logger.Level.DEBUG, "cannot reset client_connection_check_interval: {0}", e.getMessage());
        }
      }
      if (!autoCommitBefore && !connection.isClosed()) {
        connection.setAutoCommit(false);
      }
    } finally {
      connection.close();
    }
  }
}

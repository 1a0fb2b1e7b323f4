package dev.schemacode.runtime.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.jdbc.PgConnection;

/**
 * One connection for one operation, always in auto-commit mode between scripts: a session that sat
 * in an open transaction while it holds the migration lock would make {@code CREATE INDEX
 * CONCURRENTLY} wait for it. Gives the connection back as it came (auto-commit, settings, prepare
 * threshold), because it may belong to the application's pool.
 *
 * <p>It may not be a session at all: through a pooler in transaction mode (PgBouncer) each
 * transaction may run on another server connection, shared with other clients. So nothing here
 * relies on session state unless {@link #behindPooler()} said there is none in between, and no
 * statement is prepared by name on the server ({@code S_1} would meet another client's {@code S_1}).
 */
public final class Session implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("dev.schemacode.runtime");
  /** How often the server checks that a migrator is still there while one of its statements runs. */
  static final String CLIENT_CHECK_INTERVAL = "1s";

  private final Connection connection;
  private final boolean autoCommitBefore;
  /** The driver's own connection, when the pool lets us at it; null otherwise. */
  private final PgConnection driver;
  private final int prepareThresholdBefore;
  private final boolean forceBinaryBefore;
  private boolean watchingClient;
  private Boolean behindPooler;

  private Session(Connection connection, boolean autoCommitBefore, PgConnection driver) {
    this.connection = connection;
    this.autoCommitBefore = autoCommitBefore;
    this.driver = driver;
    this.prepareThresholdBefore = driver == null ? 0 : driver.getPrepareThreshold();
    this.forceBinaryBefore = driver != null && driver.getForceBinary();
    if (driver != null) {
      // Whatever the data source says (PgJDBC's default is 5; -1 forces binary transfer, which names
      // every statement): statements created from now on are never named server-side prepared
      // statements, which a transaction pooler cannot carry.
      driver.setPrepareThreshold(0);
      driver.setForceBinary(false);
    }
  }

  static Session open(ConnectionFactory connections) throws SQLException {
    Connection connection = connections.open();
    try {
      boolean autoCommit = connection.getAutoCommit();
      if (!autoCommit) {
        connection.setAutoCommit(true);
      }
      return new Session(connection, autoCommit, driver(connection));
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  private static PgConnection driver(Connection connection) {
    try {
      return connection.isWrapperFor(PgConnection.class) ? connection.unwrap(PgConnection.class) : null;
    } catch (SQLException e) {
      LOG.log(System.Logger.Level.DEBUG, "the data source does not unwrap to PgJDBC: {0}", e.getMessage());
      return null;
    }
  }

  /**
   * Whether something stands between us and PostgreSQL that may hand our statements to different
   * server connections (PgBouncer, Supavisor, RDS Proxy, pgcat …). A pooler cannot give clients the
   * server's process id in the start-up handshake (it would not know which server answers later),
   * so it makes one up; PostgreSQL itself tells the truth. One round trip, the first time only.
   * Without access to the driver's connection we cannot tell, and say no.
   */
  boolean behindPooler() throws SQLException {
    if (behindPooler == null) {
      if (driver == null) {
        behindPooler = false;
      } else {
        try (Statement statement = connection.createStatement();
            ResultSet result = statement.executeQuery("SELECT pg_backend_pid()")) {
          result.next();
          behindPooler = result.getInt(1) != driver.getBackendPID();
        }
      }
    }
    return behindPooler;
  }

  public Connection connection() {
    return connection;
  }

  /**
   * Whether this session set the driver's prepare threshold to 0 (it could reach PgJDBC's own
   * connection), so that even a {@link java.sql.PreparedStatement} executed many times is sent unnamed.
   */
  public boolean statementsStayUnnamed() {
    return driver != null;
  }

  /**
   * Without this a migrator killed during a long statement leaves its backend running that
   * statement, holding its table locks and the migration lock, until the statement ends on its own.
   * PostgreSQL 14+ can notice the closed socket while the statement runs and cancel it. Costs one
   * round trip, and only once the session lock is held, never on the start-up fast path. A session
   * setting: only for a real session; transactions set it locally ({@link Timeouts#setLocal()}).
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
      if (driver != null) {
        driver.setPrepareThreshold(prepareThresholdBefore);
        driver.setForceBinary(forceBinaryBefore);
      }
    } finally {
      connection.close();
    }
  }
}

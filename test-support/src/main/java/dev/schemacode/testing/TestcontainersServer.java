package dev.schemacode.testing;

import java.util.Optional;

/**
 * The Testcontainers path. Kept in its own class so that nothing of Testcontainers loads when it is
 * not on the class path, and so that a machine without a Docker engine simply skips it.
 */
final class TestcontainersServer {
  static final int DEFAULT_MAJOR = 17;

  private TestcontainersServer() {}

  static Optional<PostgresServer> startIfDockerAnswers(Optional<Integer> version) {
    if (!onClassPath() || !dockerAnswers()) {
      return Optional.empty();
    }
    return Optional.of(Container.start(image(version)));
  }

  /** {@code postgres:17-alpine}, or the requested major version's image. */
  static String image(Optional<Integer> version) {
    return "postgres:" + version.orElse(DEFAULT_MAJOR) + "-alpine";
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
    static PostgresServer start(String image) {
      var container = new org.testcontainers.postgresql.PostgreSQLContainer(image);
      container.start();
      return JdbcUrls.server(container.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/postgres$1"),
          "Testcontainers " + image)
          .withCredentials(container.getUsername(), container.getPassword());
    }
  }
}

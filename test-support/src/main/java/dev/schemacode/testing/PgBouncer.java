package dev.schemacode.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PgBouncer in front of the test server, as hosting platforms put one in front of theirs:
 *
 * <pre>{@code
 * try (PgBouncer pooler = PgBouncer.start(database.server(), PgBouncer.PoolMode.TRANSACTION, 3)) {
 *   String url = pooler.jdbcUrl(database.name());   // credentials as for database.jdbcUrl()
 * }
 * }</pre>
 *
 * Started from the operating system's package ({@code apt-get install pgbouncer}; {@code .ci/run}
 * installs it); a test that needs it is skipped, with a message saying so, where it is not
 * installed. Clients are trusted (the user must exist in the generated auth file, which holds the
 * server's password when it has one, for PgBouncer's own logins). PgBouncer refuses to run as root,
 * so as root it is started with {@code -u nobody}.
 */
public final class PgBouncer implements AutoCloseable {
  /** PgBouncer's {@code pool_mode}. */
  public enum PoolMode {
    /** A server connection per client for the client's whole session. */
    SESSION,
    /** A server connection per transaction; between transactions another client may get it. */
    TRANSACTION
  }

  private static final List<Path> CANDIDATES = List.of(Path.of("/usr/sbin/pgbouncer"), Path.of("/usr/bin/pgbouncer"),
      Path.of("/usr/local/bin/pgbouncer"), Path.of("/opt/homebrew/bin/pgbouncer"));
  private static final Pattern HOST_PORT = Pattern.compile("jdbc:postgresql://([^/:?,]+)(?::(\\d+))?/");

  private final Process process;
  private final int port;
  private final PoolMode mode;
  private final Path directory;
  private final Path log;

  private PgBouncer(Process process, int port, PoolMode mode, Path directory, Path log) {
    this.process = process;
    this.port = port;
    this.mode = mode;
    this.directory = directory;
    this.log = log;
  }

  /** The installed binary, if any. */
  public static Optional<Path> binary() {
    return CANDIDATES.stream().filter(Files::isExecutable).findFirst();
  }

  /**
   * Starts PgBouncer for every database of the server, with a pool of {@code poolSize} server
   * connections per database and user; skips the calling test when PgBouncer is not installed.
   */
  public static PgBouncer start(PostgresServer server, PoolMode mode, int poolSize) {
    Path binary = binary().orElse(null);
    Assumptions.assumeTrue(binary != null, "PgBouncer is not installed (apt-get install pgbouncer): skipping the"
        + " tests through a connection pooler");
    Matcher matcher = HOST_PORT.matcher(server.jdbcUrl("postgres"));
    if (!matcher.find()) {
      throw new IllegalStateException("cannot put PgBouncer in front of " + server + ": unexpected URL form");
    }
    String host = matcher.group(1);
    int serverPort = matcher.group(2) == null ? 5432 : Integer.parseInt(matcher.group(2));
    try {
      Path directory = Files.createTempDirectory("schemacode-pgbouncer");
      int port = freePort();
      Path users = directory.resolve("users.txt");
      Files.writeString(users, quote(server.user()) + " " + quote(server.password()) + "\n");
      Path ini = directory.resolve("pgbouncer.ini");
      Files.writeString(ini, String.join("\n",
          "[databases]",
          "* = host=" + host + " port=" + serverPort,
          "[pgbouncer]",
          "listen_addr = 127.0.0.1",
          "listen_port = " + port,
          "unix_socket_dir =",
          "auth_type = trust",
          "auth_file = " + users,
          "pool_mode = " + mode.name().toLowerCase(Locale.ROOT),
          "default_pool_size = " + poolSize,
          "max_client_conn = 500",
          // PgJDBC sends it in the start-up packet; PgBouncer before 1.20 refuses what it does not know
          "ignore_startup_parameters = extra_float_digits",
          ""), StandardCharsets.UTF_8);
      boolean root = "root".equals(System.getProperty("user.name"));
      if (root) { // the unprivileged user must read the files
        for (Path path : List.of(directory, users, ini)) {
          Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
              Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
        }
      }
      List<String> command = new ArrayList<>(List.of(binary.toString()));
      if (root) {
        command.addAll(List.of("-u", "nobody"));
      }
      command.add(ini.toString());
      Path log = directory.resolve("pgbouncer.log");
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      PgBouncer pooler = new PgBouncer(process, port, mode, directory, log);
      Runtime.getRuntime().addShutdownHook(new Thread(pooler::stop, "schemacode-pgbouncer-stop"));
      pooler.awaitListening();
      return pooler;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start PgBouncer", e);
    }
  }

  private static String quote(String text) {
    return '"' + text.replace("\"", "\"\"") + '"';
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private void awaitListening() throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException notYet) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          stop();
          throw new IllegalStateException("PgBouncer did not start: " + Files.readString(log));
        }
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while starting PgBouncer", e);
        }
      }
    }
  }

  public int port() {
    return port;
  }

  public PoolMode mode() {
    return mode;
  }

  /** A JDBC URL of the database through the pooler, without credentials (use the server's). */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?sslmode=disable&gssEncMode=disable";
  }

  /** What PgBouncer logged so far, for failure messages. */
  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private synchronized void stop() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() {
    stop();
    try (var files = Files.list(directory)) {
      for (Path file : files.toList()) {
        Files.deleteIfExists(file);
      }
      Files.deleteIfExists(directory);
    } catch (IOException ignored) {
      // a temporary directory; nothing depends on it any more
    }
  }

  @Override
  public String toString() {
    return "PgBouncer (" + mode.name().toLowerCase(Locale.ROOT) + " mode) on 127.0.0.1:" + port;
  }
}

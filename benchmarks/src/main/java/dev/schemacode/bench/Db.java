package dev.schemacode.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server every measurement uses: by default the local one at 127.0.0.1:5432 as
 * {@code postgres} without a password (trust). Override with {@code BENCH_PGHOST}, {@code
 * BENCH_PGPORT}, {@code BENCH_PGUSER}, {@code BENCH_PGPASSWORD}. The benchmarks create and drop
 * their own databases, all named {@code schemacode_bench_*} ({@code BENCH_DB_PREFIX} changes that, so
 * that two runs on one server do not drop each other's databases).
 */
final class Db {
  static final String HOST = env("BENCH_PGHOST", "127.0.0.1");
  static final int PORT = Integer.parseInt(env("BENCH_PGPORT", "5432"));
  static final String USER = env("BENCH_PGUSER", "postgres");
  static final String PASSWORD = env("BENCH_PGPASSWORD", "");
  static final String PREFIX = env("BENCH_DB_PREFIX", "schemacode_bench_");
  private static final java.util.Set<String> CREATED = new java.util.LinkedHashSet<>();

  private Db() {}

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  /**
   * The URL every tool gets, the same for all: no TLS (the wire counter must read the protocol, and
   * a local TLS handshake would only add noise) and {@code assumeMinServerVersion=10}, which lets
   * PgJDBC put its session settings into the start-up packet instead of a {@code SET} round trip
   * afterwards (schemacode asks for that itself; here every tool gets it).
   */
  static String url(String database) {
    return url(HOST, PORT, database);
  }

  static String url(String host, int port, String database) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database + "?user=" + USER
        + (PASSWORD.isEmpty() ? "" : "&password=" + PASSWORD)
        + "&sslmode=disable&gssEncMode=disable&assumeMinServerVersion=10";
  }

  static Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(url(database));
  }

  static void recreate(String database) throws SQLException {
    synchronized (CREATED) {
      CREATED.add(database);
    }
    try (Connection admin = connect("postgres"); Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      statement.execute("CREATE DATABASE " + database);
    }
  }

  static void drop(String database) throws SQLException {
    try (Connection admin = connect("postgres"); Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }

  /**
   * Drops the databases this run created. Only those: several checkouts may benchmark on one server
   * at once, and dropping every {@code schemacode_bench_*} database would pull another run's from
   * under it. A killed run's leftovers are dropped by the next run that recreates them.
   */
  static void dropAll() throws SQLException {
    java.util.List<String> names;
    synchronized (CREATED) {
      names = new java.util.ArrayList<>(CREATED);
    }
    for (String name : names) {
      drop(name);
    }
  }

  static String serverVersion() throws SQLException {
    try (Connection connection = connect("postgres"); Statement statement = connection.createStatement();
        var rows = statement.executeQuery("SELECT version(), current_setting('fsync'), current_setting('synchronous_commit')")) {
      rows.next();
      return rows.getString(1).replaceAll(" on .*", "") + " (fsync=" + rows.getString(2) + ", synchronous_commit="
          + rows.getString(3) + ")";
    }
  }
}

package dev.schemacode.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.schemacode.model.MigrationIndex;
import dev.schemacode.bench.tools.Runner;
import dev.schemacode.runtime.MigrationSource;
import dev.schemacode.runtime.Migrator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The nothing-pending check through a pool, against the floor (borrow, {@code SELECT 1}, return), in
 * measures that a busy machine disturbs less than wall time of a few calls (issue 14 §1): not a
 * benchmark of record, a probe for finding what a call still costs.
 *
 * <ul>
 *   <li><b>client CPU, few calls</b>: the calling thread's CPU time per call, in rounds as the start-up
 *       suite's warm phase makes them (10 + 15 rounds, the three in turn), so the code runs as
 *       interpreted as it does there and at an application's start;
 *   <li><b>wall, many calls</b>: after 2,000 rounds, the median of 5,000 (JIT-compiled, steady);
 *   <li><b>server CPU</b>: the backend's CPU time per call (from {@code /proc}, so only with the
 *       server on this machine), over 20,000 rounds on one pooled connection.
 * </ul>
 *
 * {@code java -cp <bench class path> dev.schemacode.bench.StartupProbe 200 1000}: the databases
 * ({@code <prefix>probe_<n>}) are made and migrated once and kept for the next run.
 */
public final class StartupProbe {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private interface Call {
    void run() throws Exception;
  }

  private StartupProbe() {}

  public static void main(String[] args) throws Exception {
    Tool.quiet();
    Path work = Path.of("benchmarks/target/work").toAbsolutePath();
    for (String arg : args) {
      probe(work, Integer.parseInt(arg));
    }
  }

  private static void probe(Path work, int n) throws Exception {
    Migrations.Set migrations = Migrations.write(work, n);
    String database = Db.PREFIX + "probe_" + n;
    try (URLClassLoader loader = new URLClassLoader(new URL[] {migrations.jar().toUri().toURL()},
        StartupProbe.class.getClassLoader())) {
      MigrationIndex index = (MigrationIndex) loader.loadClass(Runner.INDEX_CLASS).getField("INDEX").get(null);
      if (!migrated(database, n)) {
        Db.recreate(database);
        Migrator.builder().url(dev.schemacode.runtime.DatabaseUrl.parse(Db.url(database)))
            .migrations(MigrationSource.index(index, loader)).build().migrate();
      }
      try (HikariDataSource pool = pool(database, 3); HikariDataSource single = pool(database, 1)) {
        Map<String, Call> calls = calls(pool, index, loader, migrations.directory());
        Map<String, Double> cpu = medians(calls, 10, 15, true);
        Map<String, Double> wall = medians(calls, 2_000, 5_000, false);
        Map<String, Double> server = serverCpu(calls(single, index, loader, migrations.directory()), single);
        System.out.printf("N=%d, load %s%n", n, Machine.loadAverage());
        for (String name : calls.keySet()) {
          System.out.printf("  %-6s client CPU, few calls %7.1f us (%.2fx)   wall, many calls %7.1f us (%.2fx)   server CPU %s%n",
              name, cpu.get(name), cpu.get(name) / cpu.get("floor"), wall.get(name), wall.get(name) / wall.get("floor"),
              server == null ? "(server not on this machine)"
                  : String.format("%5.1f us (%.2fx)", server.get(name), server.get(name) / server.get("floor")));
        }
      }
    }
  }

  private static Map<String, Call> calls(HikariDataSource pool, MigrationIndex index, ClassLoader loader, Path directory) {
    Map<String, Call> calls = new LinkedHashMap<>();
    calls.put("floor", () -> {
      try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT 1")) {
        rows.next();
      }
    });
    calls.put("index", () -> Migrator.builder().dataSource(pool).migrations(MigrationSource.index(index, loader)).build().migrate());
    calls.put("dir", () -> Migrator.builder().dataSource(pool).migrations(MigrationSource.directory(directory)).build().migrate());
    return calls;
  }

  private static Map<String, Double> medians(Map<String, Call> calls, int warmUp, int rounds, boolean threadCpu)
      throws Exception {
    List<String> names = new ArrayList<>(calls.keySet());
    Map<String, List<Double>> micros = new LinkedHashMap<>();
    for (int round = -warmUp; round < rounds; round++) {
      for (String name : StartupBench.rotate(names, round)) {
        long started = threadCpu ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
        calls.get(name).run();
        long ended = threadCpu ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
        if (round >= 0) {
          micros.computeIfAbsent(name, k -> new ArrayList<>()).add((ended - started) / 1e3);
        }
      }
    }
    Map<String, Double> medians = new LinkedHashMap<>();
    micros.forEach((name, values) -> {
      Collections.sort(values);
      medians.put(name, values.get(values.size() / 2));
    });
    return medians;
  }

  /** 20,000 rounds of the calls on the single pooled connection; its backend's user + system CPU per call. Null off this machine. */
  private static Map<String, Double> serverCpu(Map<String, Call> calls, HikariDataSource single) throws Exception {
    int pid;
    try (Connection connection = single.getConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT pg_backend_pid()")) {
      rows.next();
      pid = rows.getInt(1);
    }
    Path stat = Path.of("/proc/" + pid + "/stat");
    if (!Files.isReadable(stat)) {
      return null;
    }
    int rounds = 20_000;
    List<String> names = new ArrayList<>(calls.keySet());
    Map<String, Long> ticks = new LinkedHashMap<>();
    for (int round = -1_000; round < rounds; round++) { // in turn, as elsewhere: a load that changes meets all three
      for (String name : StartupBench.rotate(names, round)) {
        long before = ticks(stat);
        calls.get(name).run();
        if (round >= 0) {
          ticks.merge(name, ticks(stat) - before, Long::sum);
        }
      }
    }
    Map<String, Double> perCall = new LinkedHashMap<>();
    ticks.forEach((name, sum) -> perCall.put(name, sum * 1e6 / 100 / rounds)); // USER_HZ is 100 on Linux
    return perCall;
  }

  private static long ticks(Path stat) throws Exception {
    String line = Files.readString(stat);
    String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
  }

  private static boolean migrated(String database, int n) {
    try (Connection connection = Db.connect(database); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM schemacode_history")) {
      return rows.next() && rows.getInt(1) == n;
    } catch (java.sql.SQLException e) {
      return false;
    }
  }

  private static HikariDataSource pool(String database, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(Db.url(database));
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(size);
    config.setPoolName("probe-" + database + "-" + size);
    return new HikariDataSource(config);
  }
}

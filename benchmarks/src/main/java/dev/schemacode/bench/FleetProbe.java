package dev.schemacode.bench;

import dev.schemacode.bench.tools.Runner;
import dev.schemacode.model.MigrationIndex;
import dev.schemacode.runtime.DatabaseUrl;
import dev.schemacode.runtime.Fleet;
import dev.schemacode.runtime.FleetResult;
import dev.schemacode.runtime.MigrationSource;
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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fleet's nothing-pending check per target, against the floor of one query per tenant (issue 16),
 * in measures that a busy machine disturbs less than the wall time of a fleet run: not a benchmark of
 * record, a probe for finding what a target still costs. At parallelism 1, over every tenant but the
 * first (the listing and the first connect left out):
 *
 * <ul>
 *   <li><b>client CPU</b>: the CPU time of the thread that does the work (the fleet's one thread; the
 *       floor's loop), per target;
 *   <li><b>server CPU</b>: its backend's time on a CPU ({@code /proc/<pid>/schedstat}, nanoseconds; so
 *       only with the server on this machine), per target;
 *   <li><b>wall</b> per target, for what it is worth under load.
 * </ul>
 *
 * The floor is FleetBench's: {@code SELECT * FROM "tenant".schemacode_history_summary} per tenant on one
 * kept connection. {@code java -cp <bench class path> dev.schemacode.bench.FleetProbe [N [rounds]]}
 * (default 1,000 tenants, 5 rounds, the three variants in turn; medians printed): the database
 * ({@code schemacode_fleet_bench_probe_<N>}, N tenants × 20 migrations) is made once and kept.
 */
public final class FleetProbe {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final int MIGRATIONS = 20;

  private FleetProbe() {}

  /** What one variant cost per target in one round. */
  private record Cost(double clientMicros, double serverMicros, double wallMicros) {}

  private interface Variant {
    Cost run() throws Exception;
  }

  public static void main(String[] args) throws Exception {
    Tool.quiet();
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path work = Path.of("benchmarks/target/work").toAbsolutePath();
    Migrations.Set migrations = Migrations.write(work, MIGRATIONS);
    String database = "schemacode_fleet_bench_probe_" + n;
    try (URLClassLoader loader = new URLClassLoader(new URL[] {migrations.jar().toUri().toURL()},
        FleetProbe.class.getClassLoader())) {
      MigrationIndex index = (MigrationIndex) loader.loadClass(Runner.INDEX_CLASS).getField("INDEX").get(null);
      MigrationSource source = MigrationSource.index(index, loader);
      if (tenants(database) != n) {
        Bench.log("probe: making " + database + " (" + n + " tenants × " + MIGRATIONS + " migrations, once)");
        Db.recreate(database);
        try (Connection connection = Db.connect(database); Statement statement = connection.createStatement()) {
          statement.execute("DROP SCHEMA public CASCADE");
          statement.execute("DO $$ BEGIN FOR i IN 1.." + n + " LOOP EXECUTE format('CREATE SCHEMA tenant_%s',"
              + " lpad(i::text, 4, '0')); END LOOP; END $$");
        }
        FleetResult made = fleet(database, source, 4, target -> {}).deploy();
        if (!made.ok()) {
          throw new IllegalStateException("probe: the fleet did not deploy: " + made.failures());
        }
      }
      List<String> schemas = FleetBench.schemas(database);
      Map<String, Variant> variants = new LinkedHashMap<>();
      variants.put("floor", () -> floor(database, schemas));
      variants.put("deploy", () -> fleetCost(database, source, schemas.size(), false));
      variants.put("status", () -> fleetCost(database, source, schemas.size(), true));
      List<String> names = new ArrayList<>(variants.keySet());
      Map<String, List<Cost>> costs = new LinkedHashMap<>();
      for (int round = -2; round < rounds; round++) { // two rounds to warm up (JIT), not counted
        for (String name : StartupBench.rotate(names, round)) {
          Cost cost = variants.get(name).run();
          if (round >= 0) {
            costs.computeIfAbsent(name, k -> new ArrayList<>()).add(cost);
          }
        }
      }
      System.out.printf("N=%d, %d rounds, load %s; per target, median of the rounds (min-max):%n", schemas.size(), rounds,
          Machine.loadAverage());
      Cost floor = median(costs.get("floor"));
      for (String name : names) {
        List<Cost> list = costs.get(name);
        Cost median = median(list);
        System.out.printf("  %-7s client CPU %6.1f us (%.2fx) [%s]   server CPU %6.1f us (%.2fx) [%s]   client+server %6.1f us"
                + " (%.2fx)   wall %6.1f us (%.2fx)%n",
            name, median.clientMicros(), median.clientMicros() / floor.clientMicros(), range(list, Cost::clientMicros),
            median.serverMicros(), median.serverMicros() / floor.serverMicros(), range(list, Cost::serverMicros),
            median.clientMicros() + median.serverMicros(),
            (median.clientMicros() + median.serverMicros()) / (floor.clientMicros() + floor.serverMicros()),
            median.wallMicros(), median.wallMicros() / floor.wallMicros());
      }
    }
  }

  /** One query per tenant on one kept connection, as FleetBench's floor. */
  private static Cost floor(String database, List<String> schemas) throws Exception {
    try (Connection connection = Db.connect(database)) {
      Path stat = schedstat(connection);
      long cpu = 0;
      long server = 0;
      long wall = 0;
      for (int i = 0; i < schemas.size(); i++) {
        if (i == 1) { // as for the fleet: every tenant but the first
          cpu = THREADS.getCurrentThreadCpuTime();
          server = nanos(stat);
          wall = System.nanoTime();
        }
        try (Statement statement = connection.createStatement();
            ResultSet row = statement.executeQuery("SELECT * FROM \"" + schemas.get(i) + "\".schemacode_history_summary")) {
          if (!row.next()) {
            throw new IllegalStateException("no summary row in " + schemas.get(i));
          }
        }
      }
      int counted = schemas.size() - 1;
      return new Cost((THREADS.getCurrentThreadCpuTime() - cpu) / 1e3 / counted, (nanos(stat) - server) / 1e3 / counted,
          (System.nanoTime() - wall) / 1e3 / counted);
    }
  }

  /**
   * A fleet run at parallelism 1, measured from its listener, which runs on the fleet's one thread
   * after each target: at the first target (its backend found from another connection) and at the last.
   */
  private static Cost fleetCost(String database, MigrationSource source, int n, boolean status) throws Exception {
    AtomicInteger done = new AtomicInteger();
    long[] first = new long[3];
    long[] last = new long[3];
    Path[] stat = new Path[1];
    Exception[] failed = new Exception[1];
    Fleet fleet = fleet(database, source, 1, target -> {
      int count = done.incrementAndGet();
      try {
        if (count == 1) {
          stat[0] = fleetBackend(database);
          first[0] = THREADS.getCurrentThreadCpuTime();
          first[1] = nanos(stat[0]);
          first[2] = System.nanoTime();
        } else if (count == n) {
          last[0] = THREADS.getCurrentThreadCpuTime();
          last[1] = nanos(stat[0]);
          last[2] = System.nanoTime();
        }
      } catch (Exception e) {
        failed[0] = e;
      }
    });
    FleetResult result = status ? fleet.status() : fleet.deploy();
    if (failed[0] != null) {
      throw failed[0];
    }
    if (result.count(FleetResult.Outcome.UP_TO_DATE) != n) {
      throw new IllegalStateException("probe: not every target up to date: " + result.failures());
    }
    int counted = n - 1;
    return new Cost((last[0] - first[0]) / 1e3 / counted, (last[1] - first[1]) / 1e3 / counted,
        (last[2] - first[2]) / 1e3 / counted);
  }

  private static Fleet fleet(String database, MigrationSource source, int p,
      java.util.function.Consumer<FleetResult.Target> listener) {
    return Fleet.builder().url(DatabaseUrl.parse(Db.url(database))).schemas(List.of("tenant\\_%")).parallel(p)
        .migrator(builder -> builder.migrations(source)).onFinished(listener).build();
  }

  /**
   * The one other client backend on the database: the fleet's (parallelism 1), asked from a connection of
   * our own; the backends of an earlier run may take a moment to go.
   */
  private static Path fleetBackend(String database) throws Exception {
    try (Connection connection = Db.connect(database); Statement statement = connection.createStatement()) {
      List<Integer> pids = new ArrayList<>();
      for (int attempt = 0; attempt < 500; attempt++) {
        pids.clear();
        try (ResultSet rows = statement.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
            + " AND pid <> pg_backend_pid() AND backend_type = 'client backend'")) {
          while (rows.next()) {
            pids.add(rows.getInt(1));
          }
        }
        if (pids.size() == 1) {
          return checked(Path.of("/proc/" + pids.get(0) + "/schedstat"));
        }
        Thread.sleep(10);
      }
      throw new IllegalStateException("probe: not one other backend on " + database + " but " + pids);
    }
  }

  private static Path schedstat(Connection connection) throws Exception {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT pg_backend_pid()")) {
      rows.next();
      return checked(Path.of("/proc/" + rows.getInt(1) + "/schedstat"));
    }
  }

  private static Path checked(Path stat) {
    if (!Files.isReadable(stat)) {
      throw new IllegalStateException("probe: " + stat + " is not readable (the server must run on this machine)");
    }
    return stat;
  }

  /** The process's time on a CPU, in nanoseconds (a backend is one thread). */
  private static long nanos(Path schedstat) throws Exception {
    String line = Files.readString(schedstat);
    return Long.parseLong(line.substring(0, line.indexOf(' ')));
  }

  private static int tenants(String database) {
    try (Connection connection = Db.connect(database); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname LIKE 'tenant\\_%' AND c.relname = 'schemacode_history_summary'")) {
      return rows.next() ? rows.getInt(1) : -1;
    } catch (java.sql.SQLException e) {
      return -1;
    }
  }

  private static Cost median(List<Cost> costs) {
    return new Cost(median(costs, Cost::clientMicros), median(costs, Cost::serverMicros), median(costs, Cost::wallMicros));
  }

  private static double median(List<Cost> costs, java.util.function.ToDoubleFunction<Cost> field) {
    List<Double> values = new ArrayList<>();
    costs.forEach(cost -> values.add(field.applyAsDouble(cost)));
    Collections.sort(values);
    return values.get(values.size() / 2);
  }

  private static String range(List<Cost> costs, java.util.function.ToDoubleFunction<Cost> field) {
    double min = costs.stream().mapToDouble(field).min().orElse(0);
    double max = costs.stream().mapToDouble(field).max().orElse(0);
    return String.format("%.0f-%.0f", min, max);
  }
}

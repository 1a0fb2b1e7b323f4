package dev.schemacode.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.schemacode.bench.tools.Runner;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Start-up with nothing pending, the cost every application start pays: each tool finds its N
 * migrations applied and has nothing to do. Measured as a fresh JVM (whole process, as a deploy
 * step or a container start) and warm in one JVM (the tool call alone, after warm-up), with a new
 * connection per call and with a connection pool, and with the connections, round trips and
 * statements each makes counted on the wire.
 */
final class StartupBench {
  private static final List<Tool> TOOLS = List.of(Tool.SCHEMACODE, Tool.SCHEMACODE_DIR, Tool.FLYWAY, Tool.LIQUIBASE,
      Tool.CHECK_QUERY, Tool.CONNECT, Tool.JVM);
  private static final List<Tool> IN_PROCESS = TOOLS.subList(0, TOOLS.size() - 1);
  private static final List<Tool> MIGRATORS = List.of(Tool.SCHEMACODE, Tool.FLYWAY, Tool.LIQUIBASE);
  /** The pause before each timed warm call ({@link #settle()}). */
  private static final long SETTLE_MILLIS = 50;

  private final Settings settings;
  private final Report report;

  StartupBench(Settings settings, Report report) {
    this.settings = settings;
    this.report = report;
  }

  void run() throws Exception {
    StringBuilder md = report.section("Start-up with nothing pending");
    md.append("""
        Each tool finds its N migrations applied (each in its own database, applied by the tool
        itself beforehand) and has nothing to do: the check every application start pays. The
        migrations ship the way applications ship them, in a jar on the class path
        (`db/migration/`): Flyway scans `classpath:db/migration`, Liquibase reads
        `db/migration/changelog.xml` (one change set per file), schemacode reads the index class
        its processor generates (`MigrationSource.index(SchemacodeMigrations.INDEX)`).
        *schemacode, directory* is `schemacode deploy --migrations dir`: the same files from a
        directory, with the ledger the processor keeps beside them, whose recorded checksums the
        check compares (a file is read only when something is pending; see `docs/performance.md`).

        * *fresh JVM*: the whole process, from `fork` to exit, of a `main` that makes the one call,
          with only that tool's jars on the class path (*…of it the call*: the call alone, timed
          inside that process);
        * *warm, new connection*: the call alone in one long-running JVM after warm-up, a fresh
          tool object and a new connection each time;
        * *warm, pool*: the same, given a warmed-up HikariCP pool (`dataSource(pool)`), as an
          application with a pool does;
        * floors: *1 connection + 1 query* (`getConnection` and `SELECT 1`, or with the pool
          borrow, `SELECT 1`, return) and *empty JVM* (a `main` that does nothing);
        * *1 connection + schemacode's check query*: the same with, instead of `SELECT 1`, the one
          query schemacode's check sends (its check function called with the digest the index
          expects), sent by hand: schemacode's own floor, the server's answer without the runtime's
          client code;
        * *wire*: connections / round trips / statements (Query and Execute messages), counted by
          a protocol-reading proxy (`WireCounter`) in a fresh process.

        """);
    for (int n : settings.startupSizes) {
      boolean schemacodeOnly = n >= Settings.SCHEMACODE_ONLY_FROM;
      List<Tool> tools = schemacodeOnly ? without(TOOLS) : TOOLS;
      List<Tool> inProcess = schemacodeOnly ? without(IN_PROCESS) : IN_PROCESS;
      List<Tool> migrators = schemacodeOnly ? without(MIGRATORS) : MIGRATORS;
      Migrations.Set migrations = Migrations.write(settings.work, n);
      Map<Tool, String> databases = new EnumMap<>(Tool.class);
      for (Tool tool : tools) {
        databases.put(tool, migrators.contains(tool) || tool == Tool.SCHEMACODE_DIR ? tool.database("startup", n)
            : Tool.SCHEMACODE.database("startup", n));
      }
      Map<Tool, List<Double>> wall = new EnumMap<>(Tool.class);
      Map<Tool, List<Double>> inner = new EnumMap<>(Tool.class);
      Map<Tool, List<Double>> warm = new EnumMap<>(Tool.class);
      Map<Tool, List<Double>> pooled = new EnumMap<>(Tool.class);
      Map<Tool, double[]> counts = new EnumMap<>(Tool.class);
      try (URLClassLoader loader = new URLClassLoader(new URL[] {migrations.jar().toUri().toURL()},
          StartupBench.class.getClassLoader())) {
        Bench.log("start-up N=" + n + ": applying " + n + " migrations with each tool (untimed)");
        for (Tool tool : migrators) {
          Db.recreate(databases.get(tool));
          tool.migrate(new Runner.Target(Db.url(databases.get(tool)), null, loader, migrations.directory()));
        }

        for (Tool tool : inProcess) {
          Child.Run run = Child.tool(tool, databases.get(tool), migrations, true, settings.work);
          counts.put(tool, new double[] {run.field("COUNT", 1), run.field("COUNT", 2), run.field("COUNT", 3)});
        }

        Bench.log("start-up N=" + n + ": fresh JVMs, " + settings.freshReps + " rounds");
        for (int rep = -1; rep < settings.freshReps; rep++) { // round -1 warms the page cache, not counted
          for (Tool tool : rotate(tools, rep)) {
            Child.Run run = Child.tool(tool, databases.get(tool), migrations, false, settings.work);
            if (rep >= 0) {
              wall.computeIfAbsent(tool, t -> new ArrayList<>()).add(run.wallMillis());
              inner.computeIfAbsent(tool, t -> new ArrayList<>()).add(run.toolMillis());
            }
          }
        }

        Bench.log("start-up N=" + n + ": warm, " + settings.warmWarmup + " + " + settings.warmReps + " rounds");
        Map<Tool, HikariDataSource> pools = new EnumMap<>(Tool.class);
        try {
          for (Tool tool : inProcess) {
            pools.put(tool, pool(databases.get(tool)));
          }
          for (int rep = -settings.warmWarmup; rep < settings.warmReps; rep++) {
            for (Tool tool : rotate(inProcess, rep)) {
              for (boolean withPool : new boolean[] {false, true}) {
                Runner.Target target = new Runner.Target(Db.url(databases.get(tool)), withPool ? pools.get(tool) : null,
                    loader, migrations.directory());
                settle();
                long started = System.nanoTime();
                tool.migrate(target);
                double millis = (System.nanoTime() - started) / 1e6;
                if (rep >= 0) {
                  (withPool ? pooled : warm).computeIfAbsent(tool, t -> new ArrayList<>()).add(millis);
                }
              }
            }
          }
        } finally {
          pools.values().forEach(HikariDataSource::close);
        }
      }

      Map<Tool, Stats> wallStats = new EnumMap<>(Tool.class);
      Map<Tool, Stats> innerStats = new EnumMap<>(Tool.class);
      Map<Tool, Stats> warmStats = new EnumMap<>(Tool.class);
      Map<Tool, Stats> poolStats = new EnumMap<>(Tool.class);
      for (Tool tool : tools) {
        wallStats.put(tool, report.record("startup", "fresh " + tool.label + " N=" + n, "ms", wall.get(tool)));
        innerStats.put(tool, report.record("startup", "fresh call " + tool.label + " N=" + n, "ms", inner.get(tool)));
        if (warm.containsKey(tool)) {
          warmStats.put(tool, report.record("startup", "warm " + tool.label + " N=" + n, "ms", warm.get(tool)));
          poolStats.put(tool, report.record("startup", "warm pool " + tool.label + " N=" + n, "ms", pooled.get(tool)));
        }
      }

      md.append("### N = ").append(n).append(" applied migrations\n\n");
      if (schemacodeOnly) {
        md.append("Flyway and Liquibase are left out at this size (applying ").append(n)
            .append(" migrations with each would take most of an hour); the floors are measured as at the other sizes.\n\n");
      }
      List<List<String>> rows = new ArrayList<>();
      for (Tool tool : tools) {
        double[] c = counts.get(tool);
        rows.add(List.of(tool == Tool.SCHEMACODE ? "**schemacode**" : tool.label,
            wallStats.get(tool).cell() + " (" + ratio(wallStats.get(Tool.SCHEMACODE), wallStats.get(tool)) + ")",
            innerStats.get(tool).cell(),
            cellWithRatio(warmStats, tool),
            cellWithRatio(poolStats, tool),
            c == null ? "0" : String.format("%.0f / %.0f / %.0f", c[0], c[1], c[2])));
      }
      md.append(Report.table(List.of("tool", "fresh JVM, ms (÷ schemacode)", "…of it the call, ms",
          "warm, new connection, ms (÷ schemacode)", "warm, pool, ms (÷ schemacode)", "wire"), rows));
      md.append("\nms: median <sub>min–p90</sub> of ").append(settings.freshReps).append(" fresh processes and ")
          .append(settings.warmReps).append(" warm calls each; (÷ schemacode) = the tool's median divided by")
          .append(" schemacode's.\n\n");

      report.panels.add(new Report.Panel("Start-up, nothing pending, N=" + n + ", fresh JVM", "ms",
          tools.stream().map(t -> new Report.Bar(t.label, wallStats.get(t), t == Tool.SCHEMACODE)).toList()));
      report.panels.add(new Report.Panel("Start-up, nothing pending, N=" + n + ", warm JVM with a pool", "ms",
          inProcess.stream().map(t -> new Report.Bar(t.label, poolStats.get(t), t == Tool.SCHEMACODE)).toList()));

      for (String mode : List.of("warm, pool", "warm, new connection", "fresh JVM")) {
        Map<Tool, Stats> stats = mode.equals("fresh JVM") ? wallStats : mode.equals("warm, pool") ? poolStats : warmStats;
        double sc = stats.get(Tool.SCHEMACODE).median();
        for (Tool tool : List.of(Tool.SCHEMACODE, Tool.SCHEMACODE_DIR)) {
          double ratio = stats.get(tool).median() / stats.get(Tool.CONNECT).median();
          report.headline("start-up, nothing pending, N=" + n + ", " + mode + ": " + tool.label
                  + " ÷ (1 connection + 1 query), issue 14",
              Stats.ratio(ratio) + " (" + Stats.fmt(stats.get(tool).median()) + " vs "
                  + Stats.fmt(stats.get(Tool.CONNECT).median()) + " ms)", "≤ 1.5×", ratio <= 1.5);
        }
        double ownFloor = stats.get(Tool.SCHEMACODE).median() / stats.get(Tool.CHECK_QUERY).median();
        double queryOverSelect1 = stats.get(Tool.CHECK_QUERY).median() / stats.get(Tool.CONNECT).median();
        report.headline("start-up, nothing pending, N=" + n + ", " + mode + ": schemacode ÷ (1 connection + its check"
                + " query sent by hand); that query ÷ (1 connection + 1 query)",
            Stats.ratio(ownFloor) + "; " + Stats.ratio(queryOverSelect1) + " (" + Stats.fmt(stats.get(Tool.CHECK_QUERY).median())
                + " ms)", "(floor)", null);
        if (schemacodeOnly) {
          continue;
        }
        double flyway = stats.get(Tool.FLYWAY).median() / sc;
        double floor = sc / stats.get(Tool.CONNECT).median();
        report.headline("start-up, nothing pending, N=" + n + ", " + mode + ": Flyway ÷ schemacode",
            Stats.ratio(flyway) + " (" + Stats.fmt(stats.get(Tool.FLYWAY).median()) + " vs " + Stats.fmt(sc) + " ms)",
            "≥ 10×", flyway >= 10);
        report.headline("start-up, nothing pending, N=" + n + ", " + mode + ": schemacode ÷ (1 connection + 1 query)",
            Stats.ratio(floor) + " (" + Stats.fmt(sc) + " vs " + Stats.fmt(stats.get(Tool.CONNECT).median()) + " ms)",
            "≤ 3×", floor <= 3);
      }
      double[] sc = counts.get(Tool.SCHEMACODE);
      if (schemacodeOnly) {
        report.headline("start-up, nothing pending, N=" + n + ": round trips, schemacode",
            String.format("%.0f (connections %.0f)", sc[1], sc[0]), "1 round trip", sc[1] <= 1);
        continue;
      }
      report.headline("start-up, nothing pending, N=" + n + ": Liquibase ÷ schemacode (pool / new connection / fresh JVM)",
          ratio(poolStats.get(Tool.SCHEMACODE), poolStats.get(Tool.LIQUIBASE)) + " / "
              + ratio(warmStats.get(Tool.SCHEMACODE), warmStats.get(Tool.LIQUIBASE)) + " / "
              + ratio(wallStats.get(Tool.SCHEMACODE), wallStats.get(Tool.LIQUIBASE)), "(none)", null);
      report.headline("start-up, nothing pending, N=" + n + ": round trips, schemacode / Flyway / Liquibase",
          String.format("%.0f / %.0f / %.0f (connections %.0f / %.0f / %.0f)", sc[1], counts.get(Tool.FLYWAY)[1],
              counts.get(Tool.LIQUIBASE)[1], sc[0], counts.get(Tool.FLYWAY)[0], counts.get(Tool.LIQUIBASE)[0]),
          "1 round trip", sc[1] <= 1);
    }
  }

  /**
   * A pause before each timed warm call, so that it does not overlap the server's end of the call
   * before it (a closed connection's backend exits, and with 2 cores that shows in the next call: the
   * pooled calls' medians moved between 0.5 and 2–3 ms from run to run without it). An application's
   * calls (a start, a health check) come apart in time too.
   */
  private static void settle() throws InterruptedException {
    Thread.sleep(SETTLE_MILLIS);
  }

  private static List<Tool> without(List<Tool> tools) {
    return tools.stream().filter(tool -> tool != Tool.FLYWAY && tool != Tool.LIQUIBASE).toList();
  }

  private static String cellWithRatio(Map<Tool, Stats> stats, Tool tool) {
    Stats s = stats.get(tool);
    return s == null ? "–" : s.cell() + " (" + ratio(stats.get(Tool.SCHEMACODE), s) + ")";
  }

  private static HikariDataSource pool(String database) throws Exception {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(Db.url(database));
    config.setMaximumPoolSize(3);
    config.setMinimumIdle(3);
    config.setPoolName("bench-" + database);
    HikariDataSource pool = new HikariDataSource(config);
    try (var connection = pool.getConnection()) {
      connection.isValid(1);
    }
    return pool;
  }

  static String ratio(Stats base, Stats other) {
    return Stats.ratio(other.median() / base.median());
  }

  /** The tools in a different order each round. */
  static <T> List<T> rotate(List<T> items, int round) {
    int shift = Math.floorMod(round, items.size());
    List<T> rotated = new ArrayList<>(items.subList(shift, items.size()));
    rotated.addAll(items.subList(0, shift));
    return rotated;
  }
}

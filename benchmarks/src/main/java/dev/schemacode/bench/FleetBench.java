package dev.schemacode.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.schemacode.bench.tools.Runner;
import dev.schemacode.model.MigrationIndex;
import dev.schemacode.runtime.DatabaseUrl;
import dev.schemacode.runtime.Fleet;
import dev.schemacode.runtime.FleetResult;
import dev.schemacode.runtime.MigrationSource;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;

/**
 * A fleet of tenant schemas in one database (issue 16): N schemas × 20 migrations applied from
 * empty, then the nothing-pending check across the same fleet, each at parallelism 1, 4 and 8:
 * schemacode's {@link Fleet}; Flyway as its documentation recommends for many schemas (a loop of
 * {@code Flyway.configure().schemas(tenant)...migrate()}, run on the same number of threads, from a
 * HikariCP pool); and the floors (applying: the same SQL with one new connection per schema;
 * checking: one query per tenant on one kept connection per thread). Everything in the harness JVM,
 * warm after a first untimed round, so the figures are the fleets' work and not a JVM's start.
 * Then what the runtime holds per target, measured on the heap.
 */
final class FleetBench {
  private static final int MIGRATIONS = 20;
  private static final String SCHEMACODE = "schemacode";
  private static final String FLYWAY = "Flyway";
  private static final String FLOOR = "floor";
  /**
   * Not {@link Db#PREFIX}: a run of another suite on the same server (another checkout's) drops every
   * {@code schemacode_bench_*} database it finds, and this suite's take the better part of an hour to build.
   */
  private static final String PREFIX = "schemacode_fleet_bench_";

  private final Settings settings;
  private final Report report;

  FleetBench(Settings settings, Report report) {
    this.settings = settings;
    this.report = report;
  }

  void run() throws Exception {
    StringBuilder md = report.section("A fleet of tenant schemas (issue 16)");
    md.append("""
        One database, N tenant schemas (`tenant_0001` …), the same 20 migrations as above (a table
        with identity key, unique, default, foreign key and an index each; every tenth also an
        `ALTER TABLE … ADD COLUMN`) in every schema, each tenant with its own history inside its
        schema. Every variant runs in the harness JVM (warm: one untimed round first) on *p* threads:

        * **schemacode**: `Fleet.builder().url(…).schemas(List.of("tenant_%")).parallel(p)
          .migrator(b -> b.migrations(MigrationSource.index(SchemacodeMigrations.INDEX))).build().deploy()`
          (a deploy checks the tenants for nothing pending 16 to a statement, and makes a `Migrator` only for
          a tenant that is not up to date);
        * **Flyway**, as its documentation recommends for many schemas: a loop of
          `Flyway.configure().dataSource(pool).schemas(tenant).locations("classpath:db/migration").load().migrate()`
          per schema, the loop spread over *p* threads; the pool is HikariCP with 2*p* connections
          (Flyway holds two per `migrate()`), created and closed inside the timing;
        * **floor, apply**: per schema a new connection (`currentSchema=tenant`) that runs the 20
          migrations' SQL concatenated, in one statement and so one transaction, recording nothing;
        * **floor, check**: one query per tenant (its history summary row, `SELECT * FROM
          "tenant_0001".schemacode_history_summary`), on one connection per thread kept across tenants.

        Apply rounds start each from a new database with the N empty schemas; the nothing-pending
        check then runs on the databases the last round left (schemacode `deploy`, and `status`; Flyway
        `migrate()`), each variant interleaved round by round.

        """);
    Migrations.Set migrations = Migrations.write(settings.work, MIGRATIONS);
    String allSql = Files.readString(migrations.directory().resolve(Migrations.ALL), StandardCharsets.UTF_8);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {migrations.jar().toUri().toURL()},
        FleetBench.class.getClassLoader())) {
      MigrationIndex index = (MigrationIndex) loader.loadClass(Runner.INDEX_CLASS).getField("INDEX").get(null);
      for (int n : settings.fleetSizes) {
        new Size(n, loader, index, allSql, md).run();
      }
    }
  }

  /** One fleet size: apply, check and memory. */
  private final class Size {
    private final int n;
    private final ClassLoader loader;
    private final MigrationIndex index;
    private final String allSql;
    private final StringBuilder md;
    private final Map<String, String> databases = new LinkedHashMap<>();

    Size(int n, ClassLoader loader, MigrationIndex index, String allSql, StringBuilder md) {
      this.n = n;
      this.loader = loader;
      this.index = index;
      this.allSql = allSql;
      this.md = md;
      for (String tool : List.of(SCHEMACODE, FLYWAY, FLOOR)) {
        databases.put(tool, PREFIX + tool.toLowerCase(Locale.ROOT) + "_" + n);
      }
    }

    void run() throws Exception {
      List<String> variants = new ArrayList<>();
      // sizes from --fleet-apply-once-from on: the apply only sets the fleet up, once per tool, at the highest parallelism
      boolean once = n >= settings.fleetApplyOnceFrom;
      List<Integer> applyParallel = once ? List.of(settings.fleetParallel.get(settings.fleetParallel.size() - 1))
          : settings.fleetParallel;
      for (int p : applyParallel) {
        for (String tool : List.of(FLOOR, SCHEMACODE, FLYWAY)) {
          variants.add(tool + " p=" + p);
        }
      }
      boolean reuse = n >= settings.fleetReuseFrom;
      int reps = reuse ? 0 : once ? 1 : n >= 1000 ? settings.fleetRepsLarge : settings.fleetReps;
      Map<String, List<Double>> apply = new LinkedHashMap<>();
      if (reuse) {
        // the fleets an earlier run left (--fleet-keep): checked, then a nothing-pending round warms up
        Bench.log("fleet N=" + n + ": reusing the fleets an earlier run built; warm-up round (untimed)");
        for (String tool : List.of(SCHEMACODE, FLYWAY)) {
          verify(databases.get(tool), n, tool + " (reused)");
        }
        for (String tool : List.of(FLOOR, SCHEMACODE, SCHEMACODE + " status", FLYWAY)) {
          check(tool, 8);
        }
        variants.clear();
      } else {
        Bench.log("fleet N=" + n + ": warm-up round (untimed, 5 schemas)");
        warmUp();
      }
      for (int rep = 0; rep < reps; rep++) {
        Bench.log("fleet N=" + n + ": apply round " + (rep + 1) + " of " + reps);
        for (String variant : StartupBench.rotate(variants, rep)) {
          String tool = variant.substring(0, variant.indexOf(" p="));
          int p = Integer.parseInt(variant.substring(variant.indexOf("p=") + 2));
          String database = databases.get(tool);
          create(database, n);
          double millis = time(() -> apply(tool, database, p, n));
          verify(database, n, variant);
          apply.computeIfAbsent(variant, v -> new ArrayList<>()).add(millis);
          Bench.log("  " + variant + ": " + Stats.fmt(millis) + " ms");
        }
      }

      List<String> checks = new ArrayList<>();
      for (int p : settings.fleetParallel) {
        for (String tool : List.of(FLOOR, SCHEMACODE, SCHEMACODE + " status", FLYWAY)) {
          checks.add(tool + " p=" + p);
        }
      }
      Map<String, List<Double>> check = new LinkedHashMap<>();
      int checkReps = settings.fleetCheckReps;
      for (int rep = 0; rep < checkReps; rep++) { // warm already: the warm-up round and the apply rounds ran every path
        Bench.log("fleet N=" + n + ": nothing-pending round " + (rep + 1) + " of " + checkReps);
        for (String variant : StartupBench.rotate(checks, rep)) {
          String tool = variant.substring(0, variant.indexOf(" p="));
          int p = Integer.parseInt(variant.substring(variant.indexOf("p=") + 2));
          double millis = time(() -> check(tool, p));
          check.computeIfAbsent(variant, v -> new ArrayList<>()).add(millis);
          Bench.log("  " + variant + ": " + Stats.fmt(millis) + " ms");
        }
      }
      Memory memory = memory();
      if (!settings.fleetKeep) {
        for (String database : databases.values()) {
          Db.drop(database);
        }
      }
      write(applyParallel, variants, apply, checks, check, reps, checkReps, memory);
    }

    private void write(List<Integer> applyParallel, List<String> variants, Map<String, List<Double>> apply, List<String> checks,
        Map<String, List<Double>> check, int reps, int checkReps, Memory memory) {
      Map<String, Stats> applyStats = new LinkedHashMap<>();
      variants.forEach(v -> applyStats.put(v, report.record("fleet", "apply " + v + " N=" + n, "ms", apply.get(v))));
      Map<String, Stats> checkStats = new LinkedHashMap<>();
      checks.forEach(v -> checkStats.put(v, report.record("fleet", "check " + v + " N=" + n, "ms", check.get(v))));

      md.append("### N = ").append(String.format(Locale.ROOT, "%,d", n)).append(" tenant schemas × ")
          .append(MIGRATIONS).append(" migrations\n\n");
      List<List<String>> rows = new ArrayList<>();
      boolean ahead = true;
      for (int p : variants.isEmpty() ? List.<Integer>of() : applyParallel) { // none when the fleets were reused
        Stats floor = applyStats.get(FLOOR + " p=" + p);
        Stats ours = applyStats.get(SCHEMACODE + " p=" + p);
        Stats flyway = applyStats.get(FLYWAY + " p=" + p);
        ahead &= ours.median() < flyway.median();
        rows.add(List.of(String.valueOf(p), floor.cell(), ours.cell(), Stats.ratio(ours.median() / floor.median()),
            flyway.cell(), Stats.ratio(flyway.median() / floor.median()),
            Stats.ratio(flyway.median() / ours.median()),
            Stats.fmt(ours.median() / n)));
      }
      if (variants.isEmpty()) {
        md.append("**Applying from empty:** not measured in this run (the fleets were built by an earlier one).\n\n");
      } else {
      md.append("**Applying from empty** (whole fleet, ms):\n\n");
      md.append(Report.table(List.of("parallel", "floor (SQL, 1 connection per schema)", "**schemacode**",
          "÷ floor", "Flyway loop", "÷ floor", "Flyway ÷ schemacode", "schemacode ms per tenant"), rows));
      md.append("\nms: median <sub>min–p90</sub> of ").append(reps).append(reps == 1 ? " run" : " runs each")
          .append(applyParallel.size() < settings.fleetParallel.size() ? "; at this size the apply sets the fleet up and"
              + " is measured once, at the highest parallelism only" : "").append(".\n\n");
      }

      rows = new ArrayList<>();
      boolean within = true;
      for (int p : settings.fleetParallel) {
        Stats floor = checkStats.get(FLOOR + " p=" + p);
        Stats ours = checkStats.get(SCHEMACODE + " p=" + p);
        Stats status = checkStats.get(SCHEMACODE + " status p=" + p);
        Stats flyway = checkStats.get(FLYWAY + " p=" + p);
        within &= ours.median() <= 2 * floor.median();
        rows.add(List.of(String.valueOf(p), floor.cell(), ours.cell(), Stats.ratio(ours.median() / floor.median()),
            status.cell(), Stats.ratio(status.median() / floor.median()), flyway.cell(),
            Stats.ratio(flyway.median() / floor.median())));
      }
      md.append("**Nothing pending** (whole fleet, ms):\n\n");
      md.append(Report.table(List.of("parallel", "floor (1 query per tenant)", "**schemacode deploy**", "÷ floor",
          "schemacode status", "÷ floor", "Flyway loop", "÷ floor"), rows));
      md.append("\nms: median <sub>min–p90</sub> of ").append(checkReps).append(" runs each.\n\n");
      md.append("**Memory.** ").append(memory.describe()).append("\n\n");

      if (!variants.isEmpty()) {
        report.panels.add(new Report.Panel("Fleet of " + n + " schemas × 20 migrations, apply", "ms",
            variants.stream().map(v -> new Report.Bar(v, applyStats.get(v), v.startsWith(SCHEMACODE))).toList()));
      }
      report.panels.add(new Report.Panel("Fleet of " + n + " schemas, nothing pending", "ms",
          checks.stream().map(v -> new Report.Bar(v, checkStats.get(v), v.startsWith(SCHEMACODE))).toList()));
      report.headline("fleet N=" + n + ": nothing-pending deploy ÷ one query per tenant (p = "
          + settings.fleetParallel + ")", settings.fleetParallel.stream().map(p -> Stats.ratio(
              checkStats.get(SCHEMACODE + " p=" + p).median() / checkStats.get(FLOOR + " p=" + p).median())).toList()
              .toString(), "≤ 2×", within);
      if (!variants.isEmpty()) {
      report.headline("fleet N=" + n + ": apply, Flyway loop ÷ schemacode fleet (p = " + applyParallel + ")",
          applyParallel.stream().map(p -> Stats.ratio(applyStats.get(FLYWAY + " p=" + p).median()
              / applyStats.get(SCHEMACODE + " p=" + p).median())).toList().toString(), "> 1× at every p", ahead);
      }
      report.headline("fleet N=" + n + ": heap the runtime keeps per target", memory.perTarget(), "flat in N",
          memory.flat());
    }

    private void warmUp() throws Exception {
      for (String tool : List.of(SCHEMACODE, FLYWAY, FLOOR)) { // the floor's check reads schemacode's database
        create(databases.get(tool), 5);
        apply(tool, databases.get(tool), 2, 5);
        check(tool.equals(FLYWAY) ? FLYWAY : tool, 2);
      }
    }

    private void apply(String tool, String database, int p, int count) throws Exception {
      switch (tool) {
        case SCHEMACODE -> {
          FleetResult result = fleet(database, p, null).deploy();
          if (!result.ok() || result.count(FleetResult.Outcome.APPLIED) != count) {
            throw new IllegalStateException("schemacode fleet: " + result.failures());
          }
        }
        case FLYWAY -> flyway(database, p);
        case FLOOR -> parallel(p, schemas(database), schema -> {
          try (Connection connection = DriverManager.getConnection(Db.url(database) + "&currentSchema=" + schema);
              Statement statement = connection.createStatement()) {
            statement.execute(allSql);
          }
        });
        default -> throw new IllegalArgumentException(tool);
      }
    }

    private void check(String tool, int p) throws Exception {
      switch (tool) {
        case SCHEMACODE -> {
          FleetResult result = fleet(databases.get(SCHEMACODE), p, null).deploy();
          if (!result.ok() || result.count(FleetResult.Outcome.APPLIED) != 0) {
            throw new IllegalStateException("schemacode fleet applied something: " + result.failures());
          }
        }
        case SCHEMACODE + " status" -> {
          FleetResult result = fleet(databases.get(SCHEMACODE), p, null).status();
          if (result.count(FleetResult.Outcome.UP_TO_DATE) != result.targets().size()) {
            throw new IllegalStateException("schemacode status: not all up to date");
          }
        }
        case FLYWAY -> flyway(databases.get(FLYWAY), p);
        case FLOOR -> {
          String database = databases.get(SCHEMACODE);
          List<String> schemas = schemas(database);
          ThreadLocal<Connection> kept = new ThreadLocal<>();
          List<Connection> all = java.util.Collections.synchronizedList(new ArrayList<>());
          try {
            parallel(p, schemas, schema -> {
              Connection connection = kept.get();
              if (connection == null) {
                connection = DriverManager.getConnection(Db.url(database));
                kept.set(connection);
                all.add(connection);
              }
              try (Statement statement = connection.createStatement();
                  ResultSet row = statement.executeQuery("SELECT * FROM \"" + schema + "\".schemacode_history_summary")) {
                if (!row.next()) {
                  throw new IllegalStateException("no summary row in " + schema);
                }
              }
            });
          } finally {
            for (Connection connection : all) {
              connection.close();
            }
          }
        }
        default -> throw new IllegalArgumentException(tool);
      }
    }

    private Fleet fleet(String database, int p, List<String> schemas) {
      return Fleet.builder().url(DatabaseUrl.parse(Db.url(database)))
          .schemas(schemas == null ? List.of("tenant\\_%") : schemas).parallel(p)
          .migrator(builder -> builder.migrations(MigrationSource.index(index, loader))).build();
    }

    private void flyway(String database, int p) throws Exception {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(Db.url(database));
      config.setMaximumPoolSize(2 * p);
      config.setPoolName("flyway-fleet");
      try (HikariDataSource pool = new HikariDataSource(config)) {
        parallel(p, schemas(database), schema -> Flyway.configure(loader).dataSource(pool).schemas(schema)
            .locations("classpath:" + Runner.FOLDER).load().migrate());
      }
    }

    /**
     * Heap the runtime keeps for a fleet: what a finished run's result retains per target, and the
     * live heap during a run (a full GC once 90 % of the targets are done, from the listener) at N/5
     * and N targets: the difference, per target, is what a target in flight costs.
     */
    private Memory memory() throws Exception {
      List<String> all = schemas(databases.get(SCHEMACODE));
      List<String> fifth = all.subList(0, Math.max(1, all.size() / 5));
      long base = liveAfterGc();
      FleetResult result = fleet(databases.get(SCHEMACODE), 4, all).status();
      long retained = liveAfterGc() - base;
      if (result.targets().size() != all.size()) {
        throw new IllegalStateException("status saw " + result.targets().size() + " targets");
      }
      result = null;
      long liveSmall = liveDuring(fifth) - base;
      long liveAll = liveDuring(all) - base;
      return new Memory(all.size(), retained, fifth.size(), liveSmall, liveAll);
    }

    private long liveDuring(List<String> schemas) throws Exception {
      int at = schemas.size() * 9 / 10;
      AtomicLong live = new AtomicLong();
      java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
      liveAfterGc();
      Fleet.builder().url(DatabaseUrl.parse(Db.url(databases.get(SCHEMACODE)))).schemas(schemas).parallel(4)
          .migrator(builder -> builder.migrations(MigrationSource.index(index, loader)))
          .onFinished(target -> {
            if (done.incrementAndGet() == at) {
              try {
                live.set(liveAfterGc());
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
          }).build().status();
      return live.get();
    }
  }

  /** Heap measured around fleet runs: retained by the result, and live during a run at two sizes. */
  record Memory(int targets, long retained, int smallTargets, long liveSmall, long liveAll) {
    long inFlightPerTarget() {
      return (liveAll - liveSmall) / (targets - smallTargets);
    }

    String perTarget() {
      return String.format(Locale.ROOT, "%,d bytes per target in the result; live heap during a run +%,d kB at %,d"
          + " targets, +%,d kB at %,d (%,d bytes per extra target)", retained / targets, liveSmall / 1024, smallTargets,
          liveAll / 1024, targets, inFlightPerTarget());
    }

    /** Flat: a target costs no more than a kilobyte of heap, whatever N. */
    boolean flat() {
      return inFlightPerTarget() <= 1024 && retained / targets <= 1024;
    }

    String describe() {
      return "The `FleetResult` of a `status` of all " + String.format(Locale.ROOT, "%,d", targets) + " targets holds "
          + String.format(Locale.ROOT, "%,d", retained / targets) + " bytes of heap per target (live heap after a full"
          + " GC, with and without it). During a run (p = 4; a full GC once 90 % of the targets were done) the live heap"
          + " above the idle harness was " + String.format(Locale.ROOT, "%,d", liveSmall / 1024) + " kB with "
          + String.format(Locale.ROOT, "%,d", smallTargets) + " targets and " + String.format(Locale.ROOT, "%,d",
              liveAll / 1024) + " kB with " + String.format(Locale.ROOT, "%,d", targets) + ": "
          + String.format(Locale.ROOT, "%,d", inFlightPerTarget()) + " bytes per additional target.";
    }
  }

  private interface Task {
    void run(String schema) throws Exception;
  }

  /** Runs {@code task} for each schema on {@code p} threads; the first failure fails the run. */
  private static void parallel(int p, List<String> schemas, Task task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(p);
    try {
      List<Future<?>> futures = new ArrayList<>(schemas.size());
      for (String schema : schemas) {
        futures.add(pool.submit(() -> {
          task.run(schema);
          return null;
        }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private interface Timed {
    void run() throws Exception;
  }

  private static double time(Timed work) throws Exception {
    long started = System.nanoTime();
    work.run();
    return (System.nanoTime() - started) / 1e6;
  }

  /** A new database holding {@code n} empty schemas tenant_0001 … */
  private static void create(String database, int n) throws Exception {
    Db.recreate(database);
    try (Connection connection = Db.connect(database); Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA public CASCADE");
      statement.execute("DO $$ BEGIN FOR i IN 1.." + n + " LOOP EXECUTE format('CREATE SCHEMA tenant_%s',"
          + " lpad(i::text, 4, '0')); END LOOP; END $$");
    }
  }

  static List<String> schemas(String database) throws Exception {
    try (Connection connection = Db.connect(database); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant\\_%'"
            + " ORDER BY nspname")) {
      List<String> names = new ArrayList<>();
      while (rows.next()) {
        names.add(rows.getString(1));
      }
      return names;
    }
  }

  /** Every schema must have all its tables, or the time means nothing. */
  private static void verify(String database, int n, String who) throws Exception {
    try (Connection connection = Db.connect(database); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname LIKE 'tenant\\_%'"
            + " AND tablename ~ '^t[0-9]+$'")) {
      rows.next();
      if (rows.getLong(1) != (long) n * MIGRATIONS) {
        throw new IllegalStateException(who + " left " + rows.getLong(1) + " of " + n * MIGRATIONS + " tables");
      }
    }
  }

  private static long liveAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}

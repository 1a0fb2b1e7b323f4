package dev.schemacode.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CLI as operators run it, a whole process each time (issue 14 §3): {@code java -jar
 * schemacode-cli.jar deploy --migrations dir} and the {@code schemacode} launcher beside the jar (C1
 * only, and its class-data sharing archive, made by an untimed first deploy), applying N migrations
 * to an empty database against {@code psql -1 -f}, and finding them all applied against the floors
 * ({@code psql -c 'SELECT 1'}, and a JVM that opens one connection and runs one query).
 */
final class CliBench {
  private static final String PSQL = "psql -1 -f";
  private static final String JAR = "java -jar schemacode-cli.jar";
  private static final String LAUNCHER = "schemacode (launcher)";
  private static final String PSQL_FLOOR = "psql -c 'SELECT 1'";
  private static final String JVM_FLOOR = "JVM: 1 connection + 1 query";

  private final Settings settings;
  private final Report report;
  private final Path jar = Path.of("migration-runtime/target/schemacode-cli.jar").toAbsolutePath();
  private final Path launcher = Path.of("migration-runtime/target/schemacode").toAbsolutePath();
  private final Path archives;

  CliBench(Settings settings, Report report) {
    this.settings = settings;
    this.report = report;
    this.archives = settings.work.resolve("cds");
  }

  void run() throws Exception {
    StringBuilder md = report.section("The CLI as a process");
    md.append("""
        `deploy --migrations dir` of the packaged CLI, each run a new process, as a pre-deploy step or a
        container runs it: `java -jar schemacode-cli.jar` with the JVM's defaults, and the `schemacode`
        launcher beside the jar (`-XX:TieredStopAtLevel=1` and its class-data sharing archive, which an
        untimed first deploy made; see `docs/performance.md`). *Apply*: N migrations into a new empty
        database, against `psql -X -q -1 -f all.sql`. *Nothing pending*: the same database with all N
        applied, against `psql -c 'SELECT 1'` and a JVM that opens one connection and runs `SELECT 1`
        (the floor of any Java tool).

        """);
    deleteArchives();
    for (int n : settings.applySizes) {
      Migrations.Set migrations = Migrations.write(settings.work, n);
      String database = Db.PREFIX + "cli_" + n;
      Bench.log("cli N=" + n + ": the launcher's archive (an untimed first deploy)");
      Db.recreate(database);
      run(List.of("sh", launcher.toString(), "deploy", "--url", Db.url(database), "--migrations",
          migrations.directory().toString()));
      awaitArchive();

      List<String> applyVariants = List.of(PSQL, JAR, LAUNCHER);
      Map<String, List<Double>> apply = new LinkedHashMap<>();
      int reps = n >= 1000 ? settings.applyRepsLarge : settings.applyReps;
      Bench.log("cli N=" + n + ": apply, " + reps + " rounds");
      for (int rep = 0; rep < reps; rep++) {
        for (String variant : StartupBench.rotate(applyVariants, rep)) {
          Db.recreate(database);
          apply.computeIfAbsent(variant, v -> new ArrayList<>()).add(run(command(variant, database, migrations)));
          check(database, n, variant);
        }
      }
      // nothing pending needs the CLI's own history: psql, which may have run last, records nothing
      Db.recreate(database);
      run(command(JAR, database, migrations));

      List<String> upVariants = List.of(PSQL_FLOOR, JVM_FLOOR, JAR, LAUNCHER);
      Map<String, List<Double>> up = new LinkedHashMap<>();
      Bench.log("cli N=" + n + ": nothing pending, " + settings.freshReps + " rounds");
      for (int rep = -1; rep < settings.freshReps; rep++) { // round -1 warms the page cache
        for (String variant : StartupBench.rotate(upVariants, rep)) {
          double millis = variant.equals(JVM_FLOOR)
              ? Child.tool(Tool.CONNECT, database, migrations, false, settings.work).wallMillis()
              : run(command(variant, database, migrations));
          if (rep >= 0) {
            up.computeIfAbsent(variant, v -> new ArrayList<>()).add(millis);
          }
        }
      }
      Db.drop(database);

      Map<String, Stats> applyStats = new LinkedHashMap<>();
      apply.forEach((variant, samples) -> applyStats.put(variant, report.record("cli", "apply " + variant + " N=" + n, "ms", samples)));
      Map<String, Stats> upStats = new LinkedHashMap<>();
      up.forEach((variant, samples) -> upStats.put(variant, report.record("cli", "up to date " + variant + " N=" + n, "ms", samples)));
      Stats psql = applyStats.get(PSQL);
      Stats jvmFloor = upStats.get(JVM_FLOOR);
      md.append("### N = ").append(n).append(" migrations\n\n");
      List<List<String>> rows = new ArrayList<>();
      for (String variant : applyVariants) {
        rows.add(List.of("apply: " + variant, applyStats.get(variant).cell(),
            Stats.ratio(applyStats.get(variant).median() / psql.median()) + " `psql -1 -f`"));
      }
      for (String variant : upVariants) {
        rows.add(List.of("nothing pending: " + variant, upStats.get(variant).cell(),
            Stats.ratio(upStats.get(variant).median() / jvmFloor.median()) + " JVM floor"));
      }
      md.append(Report.table(List.of("process", "ms", "ratio"), rows));
      md.append("\nms: median <sub>min–p90</sub>; apply ").append(reps).append(" runs each, nothing pending ")
          .append(settings.freshReps).append(".\n\n");
      double launcherRatio = applyStats.get(LAUNCHER).median() / psql.median();
      report.headline("CLI apply N=" + n + ": `schemacode` launcher ÷ `psql -1 -f` (java -jar)",
          Stats.ratio(launcherRatio) + " (" + Stats.ratio(applyStats.get(JAR).median() / psql.median()) + ")",
          "≤ 1.2×", launcherRatio <= 1.2);
      report.headline("CLI nothing pending N=" + n + ": launcher ÷ JVM floor (java -jar)",
          Stats.ratio(upStats.get(LAUNCHER).median() / jvmFloor.median()) + " ("
              + Stats.ratio(upStats.get(JAR).median() / jvmFloor.median()) + ")", "(none)", null);
    }
  }

  private List<String> command(String variant, String database, Migrations.Set migrations) {
    return switch (variant) {
      case PSQL -> List.of("psql", "-X", "-q", "-1", "-v", "ON_ERROR_STOP=1", "-h", Db.HOST, "-p",
          String.valueOf(Db.PORT), "-U", Db.USER, "-d", database, "-f",
          migrations.directory().resolve(Migrations.ALL).toString());
      case PSQL_FLOOR -> List.of("psql", "-X", "-q", "-h", Db.HOST, "-p", String.valueOf(Db.PORT), "-U", Db.USER,
          "-d", database, "-c", "SELECT 1");
      case JAR -> List.of(Child.java(), "-jar", jar.toString(), "deploy", "--url", Db.url(database), "--migrations",
          migrations.directory().toString());
      case LAUNCHER -> List.of("sh", launcher.toString(), "deploy", "--url", Db.url(database), "--migrations",
          migrations.directory().toString());
      default -> throw new IllegalArgumentException(variant);
    };
  }

  private double run(List<String> command) throws IOException {
    return Child.run(command, Map.of("SCHEMACODE_CDS_DIR", archives.toString(),
        "JAVA_HOME", System.getProperty("java.home")), settings.work).wallMillis();
  }

  private void awaitArchive() throws Exception {
    long deadline = System.nanoTime() + 600_000_000_000L;
    while (System.nanoTime() < deadline) {
      try (Stream<Path> files = Files.list(archives)) {
        if (files.anyMatch(file -> file.toString().endsWith(".jsa"))) {
          return;
        }
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("the launcher made no archive in " + archives + " within 10 minutes");
  }

  private void deleteArchives() throws IOException {
    Files.createDirectories(archives);
    try (Stream<Path> files = Files.list(archives)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.delete(file);
      }
    }
  }

  /** Every apply must have built the whole schema, or its time means nothing. */
  private static void check(String database, int n, String who) throws Exception {
    try (Connection connection = Db.connect(database); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
            + " AND tablename ~ '^t[0-9]+$'")) {
      rows.next();
      if (rows.getInt(1) != n) {
        throw new IllegalStateException(who + " left " + rows.getInt(1) + " of " + n + " tables in " + database);
      }
    }
  }
}

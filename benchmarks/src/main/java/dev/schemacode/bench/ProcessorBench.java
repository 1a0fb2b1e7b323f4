package dev.schemacode.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import dev.schemacode.bench.processors.TimedProcessor;
import javax.tools.ToolProvider;

/**
 * The processor's cost in {@code javac}: the same generated entities compiled without any
 * processor, with the schemacode processor (first build, nothing changed, one entity changed) and
 * with Hibernate's JPA metamodel generator, as a fresh {@code javac} process (what {@code mvn
 * compile} pays from a cold start) and in one warm JVM (an IDE or a build daemon).
 */
final class ProcessorBench {
  private static final String SCHEMACODE = TimedProcessor.Schemacode.class.getName();
  private static final String HIBERNATE = TimedProcessor.Hibernate.class.getName();
  private static final String NOOP = TimedProcessor.Noop.class.getName();
  private static final String WRITING_NOOP = TimedProcessor.WritingNoop.class.getName();
  /**
   * Histories of this many migrations for the "nothing changed" compile: the first build's
   * {@code V0001} followed by hand-written ones (realistic sizes, about 1 kB each), recorded by a
   * compile, so that only the history's length differs from the one-migration case.
   */
  static final int SHORT_HISTORY = 10;
  static final int LONG_HISTORY = 1000;
  /** Where the processor puts the migrations in the class output (its default for a directory outside src/main/resources). */
  private static final String RESOURCE_PATH = "db/migration";

  /** One way to compile: what it compiles, with which options, compared with which baseline. */
  record Variant(String key, String label, String baseline, boolean changedSources, boolean onlyChangedFile,
      String processor, String migrations) {}

  private static final List<Variant> VARIANTS = List.of(
      new Variant("javac", "javac, no processor", null, false, false, null, null),
      new Variant("noop", "+ a processor that does nothing", "javac", false, false, NOOP, null),
      new Variant("noop-writes", "+ a processor that does nothing but write one class", "javac", false, false,
          WRITING_NOOP, null),
      new Variant("first", "+ schemacode, first build (writes V0001)", "javac", false, false, SCHEMACODE, "empty"),
      new Variant("same", "+ schemacode, nothing changed", "javac", false, false, SCHEMACODE, "recorded"),
      new Variant("same-10", "+ schemacode, nothing changed, " + SHORT_HISTORY + " recorded migrations", "javac", false,
          false, SCHEMACODE, "short"),
      new Variant("same-1000", "+ schemacode, nothing changed, " + LONG_HISTORY + " recorded migrations", "javac", false,
          false, SCHEMACODE, "long"),
      new Variant("same-1000-clean", "+ schemacode, nothing changed, " + LONG_HISTORY
          + " recorded migrations, clean build (no stamp)", "javac", false, false, SCHEMACODE, "long-clean"),
      new Variant("same-1000-bare", "+ schemacode, nothing changed, " + LONG_HISTORY
          + " recorded migrations, no resources step", "javac", false, false, SCHEMACODE, "long-bare"),
      new Variant("hibernate", "+ Hibernate JPA metamodel generator", "javac", false, false, HIBERNATE, null),
      new Variant("javac-changed", "javac, one entity changed", null, true, false, null, null),
      new Variant("changed", "+ schemacode, one entity changed (writes V0002)", "javac-changed", true, false, SCHEMACODE,
          "recorded"),
      new Variant("javac-one", "javac, only the changed file (IDE-style)", null, true, true, null, null),
      new Variant("one", "+ schemacode, only the changed file", "javac-one", true, true, SCHEMACODE, "recorded"));

  private final Settings settings;
  private final Report report;

  ProcessorBench(Settings settings, Report report) {
    this.settings = settings;
    this.report = report;
  }

  void run() throws Exception {
    StringBuilder md = report.section("The processor's cost in javac");
    md.append("""
        The same generated entities (10–20 columns each: identity key, unique `varchar`, foreign keys
        to two earlier entities, a two-column and a one-column index, a shared enum, decimals, dates,
        UUIDs, nullable columns; annotated for schemacode *and* for Jakarta Persistence) compiled by
        `javac --release 17`:

        * *javac, no processor*: `-proc:none`, the baseline;
        * *+ schemacode, first build*: `-processor SchemaProcessor -Aschemacode.migrations=<empty dir>`:
          writes `V0001__init.sql`, the ledger and the `SchemacodeMigrations` index class;
        * *+ schemacode, nothing changed*: the same with the ledger of that first build in place (the
          common build: diffs, writes nothing new, copies the migrations to the class output);
        * *+ Hibernate JPA metamodel generator*: `-processor org.hibernate.processor.HibernateProcessor`
          (`hibernate-jpamodelgen`'s current name), which writes one `E0001_` class per entity;
        * *+ a processor that does nothing but write one class*: the floor of any processor that
          generates Java (javac runs one more round and enters every class again);
        * *nothing changed, 10 / 1,000 recorded migrations*: the first build's `V0001` and then
          hand-written migrations of about 1 kB each, recorded long ago: only the history's length
          differs. An incremental build: the migrations directory is untouched since the last compile,
          whose stamp of the history check is in the build directory (`<build>/schemacode/`), so the
          recorded files are listed, not read; *clean build* deletes the stamp first (as `mvn clean`
          and CI do), so every recorded file is read and hashed; *no resources step* leaves the class
          output empty, so the processor copies every migration;
        * *one entity changed*: entity N/2 gains a nullable column; schemacode writes `V0002`;
        * *only the changed file*: an IDE-style compile of that one file against the classes of a full
          build; schemacode keeps the other N−1 tables from the ledger.

        Before each schemacode compile the class output holds the migrations as Maven's
        `process-resources` phase would have copied them (untimed), except in the *no resources step* row.
        Each processor gets its own processor path (its jar and its dependencies), as
        `annotationProcessorPaths` would give it. *Fresh* is a new `javac` process each time (what a
        cold `mvn compile` pays); *warm* is `ToolProvider.getSystemJavaCompiler()` in the harness JVM
        after warm-up (an IDE or a build daemon). *+%* is the time added over the baseline named in
        the row above it.

        """);
    String compileClasspath = Classpath.select("/schema-annotations", "/schema-model", "/jakarta.persistence-api",
        "/jspecify");
    // Each processor's path: the harness's classes (for the timing wrapper) and the processor's jars.
    Map<String, String> processorPaths = Map.of(
        SCHEMACODE, Classpath.select("/benchmarks/target/classes", "/schema-processor", "/schema-annotations",
            "/schema-model", "/javapoet", "/jackson-"),
        HIBERNATE, Classpath.select("/benchmarks/target/classes", "/org/hibernate/", "/jakarta/", "/io/smallrye/",
            "/org/glassfish/", "/org/eclipse/angus/", "/com/sun/istack/", "/org/antlr/", "/net/bytebuddy/",
            "/org/jboss/logging/"),
        NOOP, Classpath.select("/benchmarks/target/classes"),
        WRITING_NOOP, Classpath.select("/benchmarks/target/classes"));
    Path timing = settings.work.resolve("processor-time.txt");
    for (int n : settings.entityCounts) {
      Path root = settings.work.resolve("processor-" + n);
      deleteTree(root);
      List<Path> base = Entities.write(root.resolve("src"), n, false);
      List<Path> changed = Entities.write(root.resolve("src-changed"), n, true);
      Path changedFile = changed.get(Entities.changed(n)); // index 0 is Status.java
      Path recorded = root.resolve("recorded");
      Path fullBuild = root.resolve("full-build");
      // The recorded state: one first build's migrations directory and class output.
      Files.createDirectories(recorded);
      javacInProcess(args(new Variant("prepare", "", null, false, false, SCHEMACODE, "x"), base, changedFile,
          compileClasspath, processorPaths, recorded, fullBuild, root));
      for (int length : List.of(SHORT_HISTORY, LONG_HISTORY)) {
        Path history = root.resolve("recorded-" + length);
        copyFiles(recorded, history);
        for (int i = 2; i <= length; i++) {
          Files.writeString(history.resolve(String.format(java.util.Locale.ROOT, "V%04d__data_fix_%04d.sql", i, i)),
              Migrations.migration(i), StandardCharsets.UTF_8);
        }
        javacInProcess(args(new Variant("prepare", "", null, false, false, SCHEMACODE, "x"), base, changedFile,
            compileClasspath, processorPaths, history, root.resolve("history-build-" + length), root));
        age(history); // recorded long ago, as a checked-out history is
      }
      for (String key : List.of("same-10", "same-1000")) {
        // the compile before: it checks every file and leaves its stamp, as the build before this one did
        javacInProcess(prepare(variant(key), base, changed, changedFile, compileClasspath, processorPaths, recorded,
            fullBuild, root));
      }

      Map<String, List<Double>> fresh = new LinkedHashMap<>();
      Map<String, List<Double>> warm = new LinkedHashMap<>();
      Map<String, List<Double>> freshInside = new LinkedHashMap<>();
      Map<String, List<Double>> warmInside = new LinkedHashMap<>();
      // CPU time of the compiling thread (javac compiles on the caller's thread): far less disturbed than
      // wall time by other work on a shared machine; JIT and GC threads are not in it
      Map<String, List<Double>> warmCpu = new LinkedHashMap<>();
      java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
      Bench.log("processor N=" + n + ": fresh javac, " + settings.javacReps + " rounds");
      for (int rep = 0; rep < settings.javacReps; rep++) {
        for (Variant variant : StartupBench.rotate(VARIANTS, rep * 3)) {
          List<String> args = prepare(variant, base, changed, changedFile, compileClasspath, processorPaths, recorded,
              fullBuild, root);
          Path argfile = root.resolve("javac.args");
          Files.write(argfile, args.stream().map(ProcessorBench::quote).toList(), StandardCharsets.UTF_8);
          Files.deleteIfExists(timing);
          Child.Run run = Child.run(List.of(javac(), "-J-Dbench.processorTime=" + timing, "@" + argfile), root);
          check(variant, root, n);
          fresh.computeIfAbsent(variant.key(), k -> new ArrayList<>()).add(run.wallMillis());
          if (variant.processor() != null) {
            freshInside.computeIfAbsent(variant.key(), k -> new ArrayList<>()).add(inside(timing));
          }
        }
      }
      boolean doWarm = n == settings.entityCounts.get(settings.entityCounts.size() - 1);
      if (doWarm) {
        Bench.log("processor N=" + n + ": warm javac, " + settings.javacWarmup + " + " + settings.javacReps + " rounds");
        for (int rep = -settings.javacWarmup; rep < settings.javacReps; rep++) {
          for (Variant variant : StartupBench.rotate(VARIANTS, rep)) {
            List<String> args = prepare(variant, base, changed, changedFile, compileClasspath, processorPaths, recorded,
                fullBuild, root);
            Files.deleteIfExists(timing);
            System.setProperty("bench.processorTime", timing.toString());
            long started = System.nanoTime();
            long cpuStarted = threads.getCurrentThreadCpuTime();
            javacInProcess(args);
            double millis = (System.nanoTime() - started) / 1e6;
            double cpuMillis = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1e6;
            System.clearProperty("bench.processorTime");
            check(variant, root, n);
            if (rep >= 0) {
              warm.computeIfAbsent(variant.key(), k -> new ArrayList<>()).add(millis);
              warmCpu.computeIfAbsent(variant.key(), k -> new ArrayList<>()).add(cpuMillis);
              if (variant.processor() != null) {
                warmInside.computeIfAbsent(variant.key(), k -> new ArrayList<>()).add(inside(timing));
              }
            }
          }
        }
      }

      md.append("### ").append(n).append(" entities\n\n");
      Map<String, Stats> freshStats = new LinkedHashMap<>();
      Map<String, Stats> warmStats = new LinkedHashMap<>();
      Map<String, Stats> freshInsideStats = new LinkedHashMap<>();
      Map<String, Stats> warmInsideStats = new LinkedHashMap<>();
      List<List<String>> rows = new ArrayList<>();
      for (Variant variant : VARIANTS) {
        freshStats.put(variant.key(), report.record("processor", "fresh " + variant.label() + " N=" + n, "ms",
            fresh.get(variant.key())));
        if (doWarm) {
          warmStats.put(variant.key(), report.record("processor", "warm " + variant.label() + " N=" + n, "ms",
              warm.get(variant.key())));
        }
        if (variant.processor() != null) {
          freshInsideStats.put(variant.key(), report.record("processor", "fresh, inside the processor, "
              + variant.label() + " N=" + n, "ms", freshInside.get(variant.key())));
          if (doWarm) {
            warmInsideStats.put(variant.key(), report.record("processor", "warm, inside the processor, "
                + variant.label() + " N=" + n, "ms", warmInside.get(variant.key())));
          }
        }
      }
      for (Variant variant : VARIANTS) {
        Stats f = freshStats.get(variant.key());
        Stats w = warmStats.get(variant.key());
        rows.add(List.of(variant.processor() == null ? variant.label() : variant.processor().equals(SCHEMACODE)
                ? "**" + variant.label() + "**" : variant.label(),
            f.cell(), added(freshStats, variant), inside(freshInsideStats, variant, freshStats),
            w == null ? "–" : w.cell(), w == null ? "–" : added(warmStats, variant),
            w == null ? "–" : inside(warmInsideStats, variant, warmStats)));
      }
      md.append(Report.table(List.of("compile", "fresh javac, ms", "+%", "…in the processor, ms (% of baseline)",
          "warm javac, ms", "+%", "…in the processor, ms (% of baseline)"), rows));
      md.append("\nms: median <sub>min–p90</sub> of ").append(settings.javacReps).append(" compiles each")
          .append(doWarm ? "" : " (warm runs only for the largest schema)").append(".\n\n");
      report.panels.add(new Report.Panel("javac of " + n + " entities, fresh process", "ms", List.of(
          new Report.Bar("javac alone", freshStats.get("javac"), false),
          new Report.Bar("+ a no-op processor", freshStats.get("noop"), false),
          new Report.Bar("+ schemacode, unchanged", freshStats.get("same"), true),
          new Report.Bar("+ schemacode, first build", freshStats.get("first"), true),
          new Report.Bar("+ schemacode, 1 changed", freshStats.get("changed"), true),
          new Report.Bar("+ Hibernate metamodel", freshStats.get("hibernate"), false))));
      if (n == settings.entityCounts.get(settings.entityCounts.size() - 1)) {
        for (String key : List.of("same", "changed", "first")) {
          Variant variant = VARIANTS.stream().filter(v -> v.key().equals(key)).findFirst().orElseThrow();
          double freshAdded = addedFraction(freshStats, variant);
          double warmAdded = doWarm ? addedFraction(warmStats, variant) : Double.NaN;
          double freshOwn = freshInsideStats.get(key).median() / freshStats.get(variant.baseline()).median();
          double warmOwn = doWarm ? warmInsideStats.get(key).median() / warmStats.get(variant.baseline()).median()
              : Double.NaN;
          report.headline("javac of " + n + " entities, " + variant.label().substring(2)
                  + ": time added, fresh / warm javac (of it inside the processor)",
              percent(freshAdded) + " (" + percent(freshOwn) + ") / " + percent(warmAdded) + " (" + percent(warmOwn) + ")",
              "≤ +25%", freshAdded <= 0.25 && (Double.isNaN(warmAdded) || warmAdded <= 0.25));
        }
        Map<String, Stats> warmOrNone = doWarm ? warmStats : Map.of();
        if (doWarm) {
          Stats shortCpu = report.record("processor", "warm CPU (compiling thread) " + variant("same-10").label() + " N=" + n,
              "ms", warmCpu.get("same-10"));
          Stats longCpu = report.record("processor", "warm CPU (compiling thread) " + variant("same-1000").label() + " N=" + n,
              "ms", warmCpu.get("same-1000"));
          Stats baseCpu = report.record("processor", "warm CPU (compiling thread) javac, no processor N=" + n, "ms",
              warmCpu.get("javac"));
          Stats cleanCpu = report.record("processor", "warm CPU (compiling thread) " + variant("same-1000-clean").label()
              + " N=" + n, "ms", warmCpu.get("same-1000-clean"));
          report.headline("javac of " + n + " entities, nothing changed, warm: CPU of the compiling thread with "
                  + SHORT_HISTORY + " / " + LONG_HISTORY + " recorded migrations (javac alone)",
              String.format(java.util.Locale.ROOT, "%.0f / %.0f ms (%.0f ms): %+.0f ms for %d more migrations;"
                      + " clean build (no stamp) at %d: %.0f ms",
                  shortCpu.median(), longCpu.median(), baseCpu.median(), longCpu.median() - shortCpu.median(),
                  LONG_HISTORY - SHORT_HISTORY, LONG_HISTORY, cleanCpu.median()),
              "the same", null);
        }
        report.headline("javac of " + n + " entities, nothing changed: time added with " + SHORT_HISTORY + " / "
                + LONG_HISTORY + " recorded migrations, fresh; warm",
            percent(addedFraction(freshStats, variant("same-10"))) + " / " + percent(addedFraction(freshStats,
                variant("same-1000"))) + "; " + (doWarm ? percent(addedFraction(warmOrNone, variant("same-10"))) + " / "
                + percent(addedFraction(warmOrNone, variant("same-1000"))) : "–"), "the same", null);
        report.headline("javac of " + n + " entities: what a processor that writes one class adds, fresh / warm",
            percent(addedFraction(freshStats, variant("noop-writes"))) + " / "
                + (doWarm ? percent(addedFraction(warmStats, variant("noop-writes"))) : "–"),
            "(the floor of a generating processor)", null);
        report.headline("javac of " + n + " entities: what any processor adds (a no-op one), fresh / warm",
            percent(addedFraction(freshStats, variant("noop"))) + " / "
                + (doWarm ? percent(addedFraction(warmStats, variant("noop"))) : "–"), "(javac's floor)", null);
        report.headline("javac of " + n + " entities: Hibernate metamodel generator adds, fresh / warm",
            percent(addedFraction(freshStats, variant("hibernate"))) + " / "
                + (doWarm ? percent(addedFraction(warmStats, variant("hibernate"))) : "–"), "(anchor)", null);
      }
    }
  }

  private static Variant variant(String key) {
    return VARIANTS.stream().filter(v -> v.key().equals(key)).findFirst().orElseThrow();
  }

  private static double inside(Path timing) throws IOException {
    List<String> lines = Files.readAllLines(timing);
    return lines.stream().mapToLong(Long::parseLong).sum() / 1e6;
  }

  private static String inside(Map<String, Stats> inside, Variant variant, Map<String, Stats> totals) {
    Stats stats = inside.get(variant.key());
    if (stats == null) {
      return "";
    }
    return stats.cell() + " (" + percent(stats.median() / totals.get(variant.baseline()).median()).replace("+", "") + ")";
  }

  private static String percent(double fraction) {
    return Double.isNaN(fraction) ? "–" : String.format(java.util.Locale.ROOT, "%+.0f%%", fraction * 100);
  }

  private static double addedFraction(Map<String, Stats> stats, Variant variant) {
    return stats.get(variant.key()).median() / stats.get(variant.baseline()).median() - 1;
  }

  private static String added(Map<String, Stats> stats, Variant variant) {
    return variant.baseline() == null ? "" : percent(addedFraction(stats, variant));
  }

  /** Sets up a variant's directories (untimed) and returns its javac arguments. */
  private static List<String> prepare(Variant variant, List<Path> base, List<Path> changed, Path changedFile,
      String compileClasspath, Map<String, String> processorPaths, Path recorded, Path fullBuild, Path root)
      throws IOException {
    deleteTree(root.resolve("out"));
    deleteTree(root.resolve("migrations"));
    Files.createDirectories(root.resolve("out"));
    Files.createDirectories(root.resolve("migrations"));
    if ("recorded".equals(variant.migrations())) {
      copyFiles(recorded, root.resolve("migrations"));
    }
    Path migrations = migrations(variant, root);
    if (variant.migrations() != null && variant.migrations().endsWith("-clean")) {
      // mvn clean: no stamp of an earlier check. Only this directory's (named as the processor names it,
      // <build>/schemacode/<class output>-<hash of the directory>.verified): the other rows keep theirs.
      Path stamp = root.resolve("schemacode").resolve("out-"
          + dev.schemacode.model.Checksums.sha256(migrations.toAbsolutePath().normalize().toString()).substring(0, 12)
          + ".verified");
      if (Files.isDirectory(stamp.getParent()) && !Files.exists(stamp)) {
        throw new IllegalStateException("no stamp at " + stamp + ": the processor names it otherwise now");
      }
      Files.deleteIfExists(stamp); // (a processor from before the stamps writes none)
    }
    if (variant.migrations() != null && !variant.migrations().endsWith("-bare")) {
      // What Maven's process-resources phase does before javac runs: the migrations are resources.
      copyFiles(migrations, root.resolve("out").resolve(RESOURCE_PATH));
    }
    return args(variant, variant.changedSources() ? changed : base, changedFile, compileClasspath, processorPaths,
        migrations, root.resolve("out"), root);
  }

  /** The history variants compile against their recorded directory itself, untouched between compiles as in a project. */
  private static Path migrations(Variant variant, Path root) {
    return switch (String.valueOf(variant.migrations())) {
      case "short" -> root.resolve("recorded-" + SHORT_HISTORY);
      case "long", "long-bare", "long-clean" -> root.resolve("recorded-" + LONG_HISTORY);
      default -> root.resolve("migrations");
    };
  }

  private static void age(Path directory) throws IOException {
    java.nio.file.attribute.FileTime longAgo = java.nio.file.attribute.FileTime.from(
        java.time.Instant.now().minus(java.time.Duration.ofHours(1)));
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.setLastModifiedTime(file, longAgo);
      }
    }
  }

  private static void copyFiles(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.copy(file, to.resolve(file.getFileName()));
      }
    }
  }

  private static List<String> args(Variant variant, List<Path> sources, Path changedFile, String compileClasspath,
      Map<String, String> processorPaths, Path migrations, Path out, Path root) {
    List<String> args = new ArrayList<>(List.of("--release", "17", "-encoding", "UTF-8", "-implicit:none", "-d",
        out.toString()));
    String classpath = compileClasspath;
    if (variant.onlyChangedFile()) {
      classpath = root.resolve("full-build") + java.io.File.pathSeparator + classpath;
    }
    args.addAll(List.of("-cp", classpath));
    if (variant.processor() == null) {
      args.add("-proc:none");
    } else {
      args.addAll(List.of("-processorpath", processorPaths.get(variant.processor()), "-processor", variant.processor()));
      if (variant.processor().equals(SCHEMACODE)) {
        args.add("-Aschemacode.migrations=" + migrations);
      }
    }
    if (variant.onlyChangedFile()) {
      args.add(changedFile.toString());
    } else {
      sources.forEach(source -> args.add(source.toString()));
    }
    return args;
  }

  /** Each compile must have done its job: classes out, and the migrations it was meant to write. */
  private static void check(Variant variant, Path root, int n) throws IOException {
    Path out = root.resolve("out").resolve(Entities.PACKAGE.replace('.', '/'));
    long classes;
    try (Stream<Path> files = Files.list(out)) {
      classes = files.filter(f -> f.toString().endsWith(".class")).count();
    }
    long expected = variant.onlyChangedFile() ? 1 : n + 1;
    if (SCHEMACODE.equals(variant.processor()) || WRITING_NOOP.equals(variant.processor())) {
      expected++; // SchemacodeMigrations, GeneratedByNoop
    } else if (HIBERNATE.equals(variant.processor())) {
      expected = 2L * n + 1; // E0001_ … metamodel classes
    }
    if (classes < expected) {
      throw new IllegalStateException(variant.label() + ": " + classes + " classes, expected " + expected);
    }
    if (SCHEMACODE.equals(variant.processor())) {
      try (Stream<Path> files = Files.list(migrations(variant, root))) {
        // V*.sql only: a generated migration comes with its reverse (U*.sql) beside it
        long sql = files.map(f -> f.getFileName().toString()).filter(f -> f.startsWith("V") && f.endsWith(".sql")).count();
        long expectedSql = switch (variant.key()) {
          case "first", "same" -> 1;
          case "same-10" -> SHORT_HISTORY;
          case "same-1000", "same-1000-bare", "same-1000-clean" -> LONG_HISTORY;
          default -> 2;
        };
        if (sql != expectedSql) {
          throw new IllegalStateException(variant.label() + ": " + sql + " migrations, expected " + expectedSql);
        }
      }
    }
  }

  private static String javac() {
    return Path.of(System.getProperty("java.home"), "bin", "javac").toString();
  }

  private static void javacInProcess(List<String> args) {
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int exit = ToolProvider.getSystemJavaCompiler().run(null, errors, errors, args.toArray(String[]::new));
    if (exit != 0) {
      throw new IllegalStateException("javac failed:\n" + errors.toString(StandardCharsets.UTF_8));
    }
  }

  private static String quote(String arg) {
    return "\"" + arg.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(file);
      }
    }
  }

  @SuppressWarnings("unused")
  private static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }
}

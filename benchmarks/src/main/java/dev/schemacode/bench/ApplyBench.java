package dev.schemacode.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applying N migrations to an empty database: each tool as a fresh process (and, for the Java
 * tools, also the call alone in a warm JVM), against the floor, {@code psql -q -1 -f} of the same
 * SQL concatenated into one file and run in one transaction.
 */
final class ApplyBench {
  private static final String PSQL = "psql -1 -f";
  private static final List<Tool> TOOLS = List.of(Tool.SCHEMACODE, Tool.FLYWAY, Tool.LIQUIBASE);

  private final Settings settings;
  private final Report report;

  ApplyBench(Settings settings, Report report) {
    this.settings = settings;
    this.report = report;
  }

  void run() throws Exception {
    StringBuilder md = report.section("Applying N migrations to an empty database");
    md.append("""
        Each run starts from a new empty database. The migrations are the same files as above (a
        table with identity key, unique, default, foreign key, plus an index; every tenth also an
        `ALTER TABLE … ADD COLUMN`). The tools apply each migration in its own transaction and record it
        in their history table, as they do by default; the floor, `psql -X -q -1 -v ON_ERROR_STOP=1
        -f all.sql`, runs the concatenated SQL in a single transaction and records nothing. *Fresh
        process* is the whole process for everyone (for the Java tools a JVM start); *warm* is the
        Java call alone in the harness JVM.

        """);
    for (int n : settings.applySizes) {
      Migrations.Set migrations = Migrations.write(settings.work, n);
      String database = Db.PREFIX + "apply_" + n;
      List<String> variants = new ArrayList<>(List.of(PSQL));
      TOOLS.forEach(t -> variants.add(t.label));
      Map<String, List<Double>> fresh = new LinkedHashMap<>();
      Map<String, List<Double>> warm = new LinkedHashMap<>();
      int reps = n >= 1000 ? settings.applyRepsLarge : settings.applyReps;
      boolean doWarm = n == settings.applySizes.get(0); // the warm call only at the smaller size: time
      Bench.log("apply N=" + n + ": " + reps + " rounds, fresh processes");
      for (int rep = 0; rep < reps; rep++) {
        for (String variant : StartupBench.rotate(variants, rep)) {
          Db.recreate(database);
          double millis;
          if (variant.equals(PSQL)) {
            List<String> command = List.of("psql", "-X", "-q", "-1", "-v", "ON_ERROR_STOP=1", "-h", Db.HOST, "-p",
                String.valueOf(Db.PORT), "-U", Db.USER, "-d", database, "-f", migrations.directory().resolve(Migrations.ALL).toString());
            millis = Child.run(command, settings.work).wallMillis();
          } else {
            Tool tool = tool(variant);
            millis = Child.tool(tool, database, migrations, false, settings.work).wallMillis();
          }
          check(database, n, variant);
          fresh.computeIfAbsent(variant, v -> new ArrayList<>()).add(millis);
        }
      }
      Bench.log("apply N=" + n + ": " + (doWarm ? reps : 0) + " rounds, warm");
      java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {migrations.jar().toUri().toURL()},
          ApplyBench.class.getClassLoader());
      for (int rep = -1; doWarm && rep < reps; rep++) { // round -1 warms up
        for (Tool tool : StartupBench.rotate(TOOLS, rep)) {
          Db.recreate(database);
          long started = System.nanoTime();
          tool.migrate(new dev.schemacode.bench.tools.Runner.Target(Db.url(database), null, loader, migrations.directory()));
          double millis = (System.nanoTime() - started) / 1e6;
          check(database, n, tool.label);
          if (rep >= 0) {
            warm.computeIfAbsent(tool.label, v -> new ArrayList<>()).add(millis);
          }
        }
      }
      Db.drop(database);

      Map<String, Stats> freshStats = new LinkedHashMap<>();
      Map<String, Stats> warmStats = new LinkedHashMap<>();
      for (String variant : variants) {
        freshStats.put(variant, report.record("apply", "fresh " + variant + " N=" + n, "ms", fresh.get(variant)));
        if (warm.containsKey(variant)) {
          warmStats.put(variant, report.record("apply", "warm " + variant + " N=" + n, "ms", warm.get(variant)));
        }
      }
      Stats floor = freshStats.get(PSQL);
      md.append("### N = ").append(n).append(" migrations\n\n");
      List<List<String>> rows = new ArrayList<>();
      for (String variant : variants) {
        Stats f = freshStats.get(variant);
        Stats w = warmStats.get(variant);
        rows.add(List.of(variant.equals("schemacode") ? "**schemacode**" : variant.equals(PSQL) ? "`" + variant + "` (floor)" : variant,
            f.cell(), Stats.ratio(f.median() / floor.median()),
            w == null ? "–" : w.cell(), w == null ? "–" : Stats.ratio(w.median() / floor.median()),
            Stats.fmt(f.median() / n)));
      }
      md.append(Report.table(List.of("tool", "fresh process, ms", "÷ psql", "warm, ms", "÷ psql (fresh)",
          "ms per migration (fresh)"), rows));
      md.append("\nms: median <sub>min–p90</sub> of ").append(reps).append(" runs each")
          .append(doWarm ? "" : "; warm calls only at the smaller size").append(".\n\n");
      report.panels.add(new Report.Panel("Applying N=" + n + " migrations, fresh process", "ms",
          variants.stream().map(v -> new Report.Bar(v, freshStats.get(v), v.equals("schemacode"))).toList()));

      double freshRatio = freshStats.get("schemacode").median() / floor.median();
      double warmRatio = doWarm ? warmStats.get("schemacode").median() / floor.median() : Double.NaN;
      report.headline("apply N=" + n + ": schemacode ÷ `psql -1 -f` (fresh process / warm call)",
          Stats.ratio(freshRatio) + " / " + Stats.ratio(warmRatio) + " (" + Stats.fmt(freshStats.get("schemacode").median())
              + " / " + (doWarm ? Stats.fmt(warmStats.get("schemacode").median()) : "–") + " vs " + Stats.fmt(floor.median()) + " ms)",
          "≤ 1.5×", freshRatio <= 1.5);
      report.headline("apply N=" + n + ": Flyway, Liquibase ÷ `psql -1 -f` (fresh process)",
          Stats.ratio(freshStats.get("Flyway").median() / floor.median()) + ", "
              + Stats.ratio(freshStats.get("Liquibase").median() / floor.median()), "(none)", null);
    }
  }

  private static Tool tool(String label) {
    return TOOLS.stream().filter(t -> t.label.equals(label)).findFirst().orElseThrow();
  }

  /** Every run must have built the whole schema, or its time means nothing. */
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

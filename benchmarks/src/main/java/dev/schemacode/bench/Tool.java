package dev.schemacode.bench;

import dev.schemacode.bench.tools.Runner;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tools under comparison, each called the way an application calls it at start-up with its
 * defaults: a fresh object per call, its own connection, migrations from the same directory of
 * the same SQL files.
 */
enum Tool {
  SCHEMACODE("schemacode", "SchemacodeRunner", "/migration-runtime", "/schema-model", "/jackson-"),
  SCHEMACODE_DIR("schemacode, directory", "SchemacodeDirectoryRunner", "/migration-runtime", "/schema-model", "/jackson-"),
  FLYWAY("Flyway", "FlywayRunner", "/org/flywaydb/", "/commons-text", "/commons-lang3"),
  LIQUIBASE("Liquibase", "LiquibaseRunner", "/org/liquibase/", "/snakeyaml", "/commons-collections4", "/commons-text",
      "/opencsv", "/jaxb-api", "/commons-lang3", "/commons-io"),
  CHECK_QUERY("1 connection + schemacode's check query", "CheckQueryRunner"),
  CONNECT("1 connection + 1 query", "ConnectRunner"),
  JVM("empty JVM", "NoopRunner");

  final String label;
  private final String runner;
  private final String[] jars;

  Tool(String label, String runner, String... jars) {
    this.label = label;
    this.runner = "dev.schemacode.bench.tools." + runner;
    this.jars = jars;
  }

  Runner runner() {
    try {
      return (Runner) Class.forName(runner).getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  void migrate(Runner.Target target) throws Exception {
    runner().migrate(target);
  }

  /** The database each tool gets its own copy of. */
  String database(String purpose, int n) {
    String name = this == SCHEMACODE_DIR ? SCHEMACODE.name() : name(); // the same files, the same history
    return Db.PREFIX + purpose + "_" + name.toLowerCase(Locale.ROOT) + "_" + n;
  }

  /** This tool's jars, the harness's classes (and the wire counter's) and the driver: a child JVM's whole class path. */
  String classPath(Path migrationsJar) {
    List<String> kept = new ArrayList<>();
    kept.add(migrationsJar.toString());
    kept.addAll(Classpath.entries("/benchmarks/target/classes", "/test-support-", "/postgresql-"));
    if (jars.length > 0) {
      kept.addAll(Classpath.entries(jars));
    }
    return String.join(File.pathSeparator, kept);
  }

  /**
   * Keeps the three tools equally quiet: none prints anything (their INFO lines cost time too),
   * and none reports usage to anybody (Liquibase's analytics are on by default; this machine has no
   * network beyond the registries, and the child JVMs also route any HTTP to a closed local port).
   */
  static void quiet() {
    System.setProperty("liquibase.analytics.enabled", "false");
    System.setProperty("liquibase.showBanner", "false");
    System.setProperty("liquibase.logLevel", "severe");
    java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
    root.setLevel(java.util.logging.Level.WARNING);
    for (var handler : root.getHandlers()) {
      handler.setLevel(java.util.logging.Level.WARNING);
    }
  }
}

package dev.schemacode.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemacode.runtime.GeneratedHistory;
import dev.schemacode.runtime.RevertTest;
import dev.schemacode.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The packaged {@code schemacode-cli.jar} as users run it: a separate process, no class path. */
class CliJarIT {
  @RegisterExtension static final TestDatabase database = new TestDatabase();

  private static final Path JAR = Path.of("target", "schemacode-cli.jar");

  @TempDir Path migrations;

  record Result(int exitCode, String out, String err) {}

  @org.junit.jupiter.api.BeforeEach
  void emptySchema() throws Exception {
    try (java.sql.Connection connection = database.connect(); java.sql.Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public AUTHORIZATION CURRENT_USER;"
          + " GRANT USAGE ON SCHEMA public TO PUBLIC;");
    }
  }

  static Result run(Map<String, String> environment, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(name -> name.equals("DATABASE_URL") || name.startsWith("PG")
        || name.startsWith("SCHEMACODE_"));
    builder.environment().putAll(environment);
    Path out = Files.createTempFile("cli", ".out");
    Path err = Files.createTempFile("cli", ".err");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("schemacode-cli.jar did not finish in 60 s");
    }
    return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private String platformUrl() {
    // postgresql://user:password@host:port/db, as hosting platforms hand it out; the local test
    // servers trust the connection, so the password is ignored by them but must never be printed.
    String jdbc = database.jdbcUrl();
    String hostAndDb = jdbc.substring("jdbc:postgresql://".length());
    return "postgresql://" + database.user() + ":N0tPrinted@" + hostAndDb;
  }

  @Test
  void deploysFromDatabaseUrlAndReportsStatus() throws Exception {
    assertTrue(Files.isRegularFile(JAR), "run `mvn package` first: " + JAR.toAbsolutePath());
    Files.writeString(migrations.resolve("V0001__init.sql"), "CREATE TABLE jar_check (id int);\n");
    Map<String, String> environment = Map.of("DATABASE_URL", database.password().isEmpty()
        ? platformUrl() : database.jdbcUrlWithCredentials());

    Result deploy = run(environment, "deploy", "--migrations", migrations.toString());
    assertEquals(0, deploy.exitCode(), deploy.err());
    assertTrue(deploy.out().contains("applied V0001__init"), deploy.out());
    assertFalse((deploy.out() + deploy.err()).contains("N0tPrinted"));

    Result again = run(environment, "deploy", "--migrations", migrations.toString());
    assertEquals(0, again.exitCode(), again.err());
    assertTrue(again.out().contains("nothing to apply"), again.out());

    Result status = run(environment, "status", "--json", "--migrations", migrations.toString());
    assertEquals(0, status.exitCode(), status.err());
    assertTrue(status.out().contains("\"state\" : \"applied\""), status.out());
  }

  /**
   * {@code deploy} of many migrations as a pre-deploy step runs it: each migration's turn asks whether
   * the history is as the deploy left it and reads no history row when it is (counted on the wire);
   * reading the whole history at every turn was N(N-1)/2 rows, 780 here.
   */
  @Test
  void aDeployOfManyMigrationsDoesNotReadTheHistoryAtEveryMigration() throws Exception {
    int count = 40;
    for (int i = 1; i <= count; i++) {
      Files.writeString(migrations.resolve(String.format("V%04d__t%d.sql", i, i)), "CREATE TABLE jar_t" + i + " (id int);\n");
    }
    try (dev.schemacode.testing.WireCounter wire = dev.schemacode.testing.WireCounter.inFrontOf(database)) {
      Result deploy = run(Map.of(), "deploy", "--url", wire.jdbcUrl(database), "--migrations", migrations.toString());
      assertEquals(0, deploy.exitCode(), deploy.err());
      assertTrue(deploy.out().contains("applied V0040__t40"), deploy.out());
      assertTrue(wire.dataRows() <= 4 * count, wire.dataRows() + " rows read to apply " + count + " migrations");
    }
  }

  @Test
  void unreachableAndMalformedUrls() throws Exception {
    Files.writeString(migrations.resolve("V0001__init.sql"), "SELECT 1;\n");
    Result unreachable = run(Map.of("DATABASE_URL", "postgresql://app:N0tPrinted@127.0.0.1:1/db?connect_timeout=2"),
        "deploy", "--migrations", migrations.toString());
    assertEquals(1, unreachable.exitCode());
    assertEquals(1, unreachable.err().strip().lines().count(), unreachable.err());
    assertFalse((unreachable.out() + unreachable.err()).contains("N0tPrinted"));

    Result malformed = run(Map.of(), "deploy", "--url", "postgresql://app:N0tPrinted@host:port/db",
        "--migrations", migrations.toString());
    assertEquals(2, malformed.exitCode());
    assertEquals(1, malformed.err().strip().lines().count(), malformed.err());
    assertFalse((malformed.out() + malformed.err()).contains("N0tPrinted"));
  }

  /**
   * A new process lists the directory while it connects (issue 14): a misnamed file is still what it
   * reports, in one line with the exit code of a configuration error, not the unreachable database.
   */
  @Test
  void aMisnamedFileIsReportedBeforeAnUnreachableDatabase() throws Exception {
    Files.writeString(migrations.resolve("V0001__init.sql"), "SELECT 1;\n");
    Files.writeString(migrations.resolve("V0002-fix.sql"), "SELECT 2;\n");
    Result misnamed = run(Map.of("DATABASE_URL", "postgresql://app:N0tPrinted@127.0.0.1:1/db?connect_timeout=2"),
        "deploy", "--migrations", migrations.toString());
    assertEquals(2, misnamed.exitCode(), misnamed.err());
    assertEquals(1, misnamed.err().strip().lines().count(), misnamed.err());
    assertTrue(misnamed.err().contains("V0002-fix.sql"), misnamed.err());
    assertFalse((misnamed.out() + misnamed.err()).contains("N0tPrinted"));
  }

  @Test
  void credentialsAndTheEnvironmentNameComeFromEnvironmentVariables() throws Exception {
    Files.writeString(migrations.resolve("V0001__init.sql"), "CREATE TABLE env_check (id int PRIMARY KEY);\n");
    Files.createDirectories(migrations.resolve("seeds"));
    Files.writeString(migrations.resolve("seeds/01_rows.sql"), "INSERT INTO env_check VALUES (1) ON CONFLICT DO NOTHING;\n");
    String hostAndDb = database.jdbcUrl().substring("jdbc:postgresql://".length());
    Map<String, String> base = new java.util.HashMap<>(Map.of("DATABASE_URL", "postgresql://" + hostAndDb,
        "PGUSER", database.user()));
    if (!database.password().isEmpty()) {
      base.put("PGPASSWORD", database.password());
    }
    Result deploy = run(base, "deploy", "--migrations", migrations.toString());
    assertEquals(0, deploy.exitCode(), deploy.err());
    assertTrue(deploy.out().contains("to postgresql://" + database.user() + "@"), deploy.out());

    Result undeclared = run(base, "seed", "--migrations", migrations.toString());
    assertEquals(2, undeclared.exitCode(), undeclared.err());
    assertTrue(undeclared.err().contains("set SCHEMACODE_ENV"), undeclared.err());

    Map<String, String> production = new java.util.HashMap<>(base);
    production.put("SCHEMACODE_ENV", "production");
    Result refused = run(production, "seed", "--migrations", migrations.toString());
    assertEquals(2, refused.exitCode(), refused.err());
    assertTrue(refused.err().contains("the environment is 'production'"), refused.err());
    Result resetRefused = run(production, "reset", "--force", "--migrations", migrations.toString());
    assertEquals(2, resetRefused.exitCode(), resetRefused.err());

    Map<String, String> development = new java.util.HashMap<>(base);
    development.put("SCHEMACODE_ENV", "development");
    Result seeded = run(development, "seed", "--migrations", migrations.toString());
    assertEquals(0, seeded.exitCode(), seeded.err());
    assertTrue(seeded.out().contains("seeded 01_rows"), seeded.out());
  }

  /**
   * The whole of {@code diff}'s text output reaches standard output: the drift of 120 tables, each
   * with its statements, far beyond any buffer. The separate process matters: only there does the
   * JVM exit before an unflushed writer is written out (issue 12: the SQL never appeared).
   */
  @Test
  void diffPrintsItsWholeOutputFromAProcess() throws Exception {
    java.util.List<dev.schemacode.model.Table> tables = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      tables.add(new dev.schemacode.model.Table(dev.schemacode.model.QualifiedName.of("drifted_" + i),
          List.of(dev.schemacode.model.Column.required("id", "bigint"), dev.schemacode.model.Column.optional("note", "text")),
          java.util.Optional.of(dev.schemacode.model.PrimaryKey.defaultFor("drifted_" + i, List.of("id")))));
    }
    dev.schemacode.model.Schema recorded = new dev.schemacode.model.Schema(List.of(), tables);
    dev.schemacode.model.MigrationFileName file = dev.schemacode.model.MigrationFileName.of(1, "init");
    String script = dev.schemacode.model.MigrationScript.render(file,
        dev.schemacode.model.SchemaDiff.between(dev.schemacode.model.Schema.EMPTY, recorded).changes());
    Files.writeString(migrations.resolve(file.fileName()), script);
    dev.schemacode.model.Ledger ledger = dev.schemacode.model.Ledger.EMPTY.append(file,
        dev.schemacode.model.Checksums.ofScript(script), dev.schemacode.model.LedgerEntry.Origin.GENERATED, recorded);
    Files.writeString(migrations.resolve(dev.schemacode.model.Ledger.FILE_NAME), dev.schemacode.model.LedgerCodec.write(ledger));
    Map<String, String> environment = Map.of("DATABASE_URL", database.jdbcUrlWithCredentials());
    assertEquals(0, run(environment, "deploy", "--migrations", migrations.toString()).exitCode());
    try (java.sql.Connection connection = database.connect(); java.sql.Statement statement = connection.createStatement()) {
      for (int i = 0; i < 120; i++) {
        statement.execute("ALTER TABLE drifted_" + i + " DROP COLUMN note, ADD COLUMN hotfix_" + i + " integer");
      }
    }

    Result diff = run(environment, "diff", "--migrations", migrations.toString());
    SchemacodeCliTest.Run inProcess = SchemacodeCliTest.cli("diff", "--url", database.jdbcUrlWithCredentials(),
        "--migrations", migrations.toString());
    assertEquals(1, diff.exitCode(), diff.err());
    assertEquals("", diff.err());
    assertEquals(inProcess.out(), diff.out());
    // and that output is the header, every change, and every statement of the reconciling SQL
    String sql = diff.out().substring(diff.out().indexOf("(review before running):\n") + "(review before running):\n".length());
    for (int i = 0; i < 120; i++) {
      assertTrue(diff.out().contains("  drop column drifted_" + i + ".hotfix_" + i + "\n"), "change " + i);
      assertTrue(sql.contains("ALTER TABLE \"drifted_" + i + "\" DROP COLUMN \"hotfix_" + i + "\";"), "SQL " + i);
      assertTrue(sql.contains("ALTER TABLE \"drifted_" + i + "\" ADD COLUMN \"note\" text;"), "SQL " + i);
    }
    assertEquals(240, sql.lines().filter(line -> line.startsWith("ALTER TABLE")).count(), sql);
    assertTrue(diff.out().endsWith(";\n"), diff.out().substring(Math.max(0, diff.out().length() - 200)));
  }

  @Test
  void anUnknownCommandOrNoneIsAUsageError() throws Exception {
    Result unknown = run(Map.of(), "upgrade", "--help");
    assertEquals(2, unknown.exitCode(), unknown.out() + unknown.err());
    assertTrue(unknown.err().startsWith("schemacode: error: unknown command 'upgrade'"), unknown.err());
    assertEquals("", unknown.out());

    Result typo = run(Map.of(), "deplyo");
    assertEquals(2, typo.exitCode());
    assertTrue(typo.err().contains("unknown command 'deplyo'"), typo.err());

    Result none = run(Map.of());
    assertEquals(2, none.exitCode(), none.out() + none.err());
    assertTrue(none.err().startsWith("schemacode: error: no command given"), none.err());
    assertTrue(none.err().contains("Commands:"), none.err());

    Result help = run(Map.of(), "--help");
    assertEquals(0, help.exitCode());
    assertTrue(help.out().contains("Commands:"), help.out());
    Result commandHelp = run(Map.of(), "diff", "--help");
    assertEquals(0, commandHelp.exitCode());
    assertTrue(commandHelp.out().contains("Usage: schemacode diff"), commandHelp.out());
    Result helpCommand = run(Map.of(), "help", "deploy");
    assertEquals(0, helpCommand.exitCode());
    assertTrue(helpCommand.out().contains("Usage: schemacode deploy"), helpCommand.out());
  }

  @Test
  void deploysAFleetOfTenantSchemasAsAProcessAndNamesTheOneThatFailed() throws Exception {
    try (java.sql.Connection connection = database.connect(); java.sql.Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS jar_t1, jar_t2, jar_t3 CASCADE; CREATE SCHEMA jar_t1; CREATE SCHEMA jar_t2;"
          + " CREATE SCHEMA jar_t3; CREATE TABLE jar_t2.tag (conflict text)");
    }
    Files.writeString(migrations.resolve("V0001__item.sql"), "CREATE TABLE item (id int PRIMARY KEY);\n");
    Files.writeString(migrations.resolve("V0002__tag.sql"), "CREATE TABLE tag (id int PRIMARY KEY);\n");
    Map<String, String> environment = Map.of("DATABASE_URL", platformUrl());

    Result first = run(environment, "deploy", "--schemas", "jar_t%", "--parallel", "2", "--migrations", migrations.toString());
    assertEquals(1, first.exitCode(), first.out() + first.err());
    assertTrue(first.out().contains("schemacode: 3 targets: 2 applied, 0 up to date, 1 failed"), first.out());
    assertTrue(first.out().contains("schemacode: failed: jar_t2 (V0002__tag)"), first.out());
    assertFalse((first.out() + first.err()).contains("N0tPrinted"), "the password is never printed");

    try (java.sql.Connection connection = database.connect(); java.sql.Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE jar_t2.tag");
    }
    Result rerun = run(environment, "deploy", "--schemas", "jar_t%", "--migrations", migrations.toString());
    assertEquals(0, rerun.exitCode(), rerun.out() + rerun.err());
    assertTrue(rerun.out().contains("schemacode: 3 targets: 1 applied, 2 up to date, 0 failed"), rerun.out());

    Result status = run(environment, "status", "--json", "--schemas", "jar_t1,jar_t3", "--migrations", migrations.toString());
    assertEquals(0, status.exitCode(), status.out() + status.err());
    assertTrue(status.out().contains("jar_t1") && status.out().contains("jar_t3"), status.out());
  }

  /** checkpoint, deploy from it, status and a guarded revert: the history commands as a process. */
  @Test
  void checkpointAndRevertAsAProcess() throws Exception {
    GeneratedHistory history = new GeneratedHistory(migrations);
    history.version(RevertTest.v1());
    history.version(RevertTest.v2());
    String url = database.jdbcUrlWithCredentials();

    Result checkpoint = run(Map.of(), "checkpoint", "--migrations", migrations.toString());
    assertEquals(0, checkpoint.exitCode(), checkpoint.err());
    assertTrue(checkpoint.out().contains("wrote "), checkpoint.out());

    String checkpointFile = checkpoint.out().lines().filter(line -> line.contains("wrote "))
        .map(line -> line.replaceAll(".*wrote (\\S*C\\d+__checkpoint\\.sql).*", "$1")).findFirst().orElseThrow();
    String checkpointName = Path.of(checkpointFile).getFileName().toString();
    long covered = archiveWhatTheCheckpointCovers(checkpointName);

    // what a pre-deploy step shows first: a new database starts from the checkpoint, and nothing changes
    Result dryRun = run(Map.of(), "deploy", "--dry-run", "--url", url, "--migrations", migrations.toString());
    assertEquals(0, dryRun.exitCode(), dryRun.out() + dryRun.err());
    assertTrue(dryRun.out().contains("-- a new database: it would start from " + checkpointName), dryRun.out());
    assertTrue(dryRun.out().contains("the " + covered + " migrations it stands for are recorded as applied without"
        + " running"), dryRun.out());
    assertFalse(dryRun.out().contains("-- V0001__"), "covered migrations do not run: " + dryRun.out());
    try (java.sql.Connection connection = database.connect(); java.sql.Statement statement = connection.createStatement();
        java.sql.ResultSet tables = statement.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")) {
      tables.next();
      assertEquals(0, tables.getInt(1), "a dry run changes nothing");
    }

    Result deploy = run(Map.of(), "deploy", "--url", url, "--migrations", migrations.toString());
    assertEquals(0, deploy.exitCode(), deploy.err());
    assertTrue(deploy.out().contains("a new database: built from " + checkpointName), deploy.out());
    Result status = run(Map.of(), "status", "--url", url, "--migrations", migrations.toString());
    assertTrue(status.out().contains("(checkpoint)"), status.out());

    Result production = run(Map.of("SCHEMACODE_ENV", "production"), "revert", "--url", url, "--migrations",
        migrations.toString());
    assertEquals(2, production.exitCode(), production.out() + production.err());
    assertTrue(production.err().contains("refusing to revert"), production.err());
  }

  /** Removes the V and U files the checkpoint stands for, as a team archiving its history would; returns how many V. */
  private long archiveWhatTheCheckpointCovers(String checkpointName) throws IOException {
    long version = Long.parseLong(checkpointName.substring(1, checkpointName.indexOf("__")));
    long covered = 0;
    try (var files = Files.list(migrations)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.matches("[VU]\\d+__.*") && Long.parseLong(name.substring(1, name.indexOf("__"))) <= version) {
          covered += name.startsWith("V") ? 1 : 0;
          Files.delete(file);
        }
      }
    }
    assertTrue(covered > 0, "the checkpoint covers the migrations before it");
    return covered;
  }
}

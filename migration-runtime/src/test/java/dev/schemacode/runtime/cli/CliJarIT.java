package dev.schemacode.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}

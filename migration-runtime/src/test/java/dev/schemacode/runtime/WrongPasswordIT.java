package dev.schemacode.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemacode.runtime.cli.SchemacodeCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that checks passwords, a wrong password that is a sentinel, and every way the password
 * can reach us (URL user info, JDBC query parameter, {@code PGPASSWORD}): the sentinel appears
 * nowhere in what the CLI prints, nor in the Java API's messages. The right password works, so the
 * failures are really about the password.
 */
class WrongPasswordIT {
  private static final String SENTINEL = "Sentinel-Pw-7f3a9c";

  @TempDir static Path temp;
  private static PasswordProtectedPostgres server;
  private static Path migrations;

  @BeforeAll
  static void startServer() throws Exception {
    server = PasswordProtectedPostgres.start(temp.resolve("data"), "right-Pw-12345");
    migrations = Files.createDirectories(temp.resolve("migrations"));
    Files.writeString(migrations.resolve("V0001__init.sql"), "CREATE TABLE checked (id int);\n");
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private static String host() {
    return "localhost:" + server.port();
  }

  @Test
  void theRightPasswordFromTheEnvironmentWorks() throws Exception {
    CliProcess.Result ok = CliProcess.run(Map.of("DATABASE_URL", "postgresql://" + host() + "/postgres",
        "PGUSER", PasswordProtectedPostgres.USER, "PGPASSWORD", server.password()),
        "deploy", "--migrations", migrations.toString());
    assertEquals(0, ok.exitCode(), ok.all());
    assertFalse(ok.all().contains(server.password()), ok.all());
  }

  @Test
  void aWrongPasswordNeverAppearsInTheOutput() throws Exception {
    List<Map<String, String>> environments = List.of(
        Map.of("DATABASE_URL", "postgresql://postgres:" + SENTINEL + "@" + host() + "/postgres?sslmode=disable"),
        Map.of("DATABASE_URL", "jdbc:postgresql://" + host() + "/postgres?user=postgres&password=" + SENTINEL),
        Map.of("DATABASE_URL", "postgresql://" + host() + "/postgres", "PGUSER", "postgres", "PGPASSWORD", SENTINEL));
    for (Map<String, String> environment : environments) {
      for (String[] command : List.of(new String[] {"deploy"}, new String[] {"status", "--json"})) {
        String[] args = concat(command, "--migrations", migrations.toString());
        CliProcess.Result result = CliProcess.run(environment, args);
        String what = String.join(" ", command) + " with " + environment.keySet();
        assertEquals(1, result.exitCode(), what + ": " + result.all());
        assertTrue(result.err().contains("password authentication failed for user \"postgres\""), what + ": " + result.err());
        assertEquals(1, result.err().strip().lines().count(), what + ": " + result.err());
        assertFalse(result.all().contains(SENTINEL), what + ": " + result.all());
      }
    }
  }

  @Test
  void inProcessTheCliAndTheJavaApiKeepItOutToo() {
    String url = "postgresql://postgres:" + SENTINEL + "@" + host() + "/postgres";
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = SchemacodeCli.run(new String[] {"deploy", "--url", url, "--migrations", migrations.toString()},
        new PrintWriter(out, true), new PrintWriter(err, true));
    assertEquals(1, code);
    assertFalse((out + "" + err).contains(SENTINEL), out + "" + err);

    Migrator migrator = Migrator.builder().url(DatabaseUrl.parse(url)).migrations(MigrationSource.directory(migrations)).build();
    Health health = migrator.health();
    assertFalse(health.databaseReachable());
    assertTrue(health.error().orElseThrow().contains("password authentication failed"), health.error().orElseThrow());
    assertFalse(health.error().orElseThrow().contains(SENTINEL));
    DatabaseUnreachableException e = org.junit.jupiter.api.Assertions.assertThrows(DatabaseUnreachableException.class,
        migrator::migrate);
    assertFalse(e.getMessage().contains(SENTINEL), e.getMessage());
    assertFalse(String.valueOf(e.getCause()).contains(SENTINEL));
  }

  private static String[] concat(String[] first, String... rest) {
    String[] all = new String[first.length + rest.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(rest, 0, all, first.length, rest.length);
    return all;
  }
}

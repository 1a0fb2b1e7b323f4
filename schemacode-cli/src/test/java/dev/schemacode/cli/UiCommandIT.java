package dev.schemacode.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemacode.testing.TestDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar schemacode-cli.jar ui} as users run it: one URL printed, served, no password anywhere. */
class UiCommandIT {
  @RegisterExtension static final TestDatabase database = new TestDatabase();

  private static final Path JAR = Path.of(System.getProperty("schemacode.cli.jar",
      "../migration-runtime/target/schemacode-cli.jar"));

  @TempDir Path migrations;

  @Test
  void printsOneTokenUrlOnLoopbackAndServesThePageWithoutThePassword() throws Exception {
    assertTrue(Files.isRegularFile(JAR), "run `mvn package` first: " + JAR.toAbsolutePath());
    Files.writeString(migrations.resolve("V0001__init.sql"), "CREATE TABLE jar_ui (id bigint PRIMARY KEY, note text);\n");
    try (var connection = database.connect(); var statement = connection.createStatement()) {
      statement.execute("CREATE TABLE jar_live (id bigint PRIMARY KEY)"); // what the schema view must read
    }
    String secret = database.password().isEmpty() ? "N0tPrinted-s3cret" : database.password();
    String url = "postgresql://" + database.user() + ":" + secret + "@"
        + database.jdbcUrl().substring("jdbc:postgresql://".length());
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", JAR.toString(), "ui", "--port", "0", "--migrations", migrations.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.equals("DATABASE_URL") || name.startsWith("PG")
        || name.startsWith("SCHEMACODE_"));
    builder.environment().put("DATABASE_URL", url);
    Process process = builder.start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      List<String> lines = new ArrayList<>();
      String line;
      while ((line = out.readLine()) != null) {
        lines.add(line);
        if (line.startsWith("http")) {
          break;
        }
      }
      assertFalse(String.join("\n", lines).contains(secret), String.join("\n", lines));
      String printed = lines.get(lines.size() - 1);
      assertTrue(printed.matches("http://127\\.0\\.0\\.1:\\d+/[A-Za-z0-9_-]{43}/"), String.join("\n", lines));
      assertTrue(lines.get(0).contains("read-only (refusing to change rows from schemacode ui: no environment is declared"),
          lines.get(0));

      HttpClient client = HttpClient.newHttpClient();
      HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(printed)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("<script type=\"module\" src=\"app.js\">"));
      // every file the page loads comes out of the shaded jar with its type (a module served as anything
      // else is not run by the browser)
      for (String module : List.of("app.js", "api.js", "schema.js", "diagram.js", "migrations.js", "data.js")) {
        HttpResponse<String> file = client.send(HttpRequest.newBuilder(URI.create(printed + module)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(200, file.statusCode(), module);
        assertEquals("text/javascript; charset=utf-8", file.headers().firstValue("Content-Type").orElse(""), module);
      }
      HttpResponse<String> style = client.send(HttpRequest.newBuilder(URI.create(printed + "style.css")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, style.statusCode());
      HttpResponse<String> schema = client.send(HttpRequest.newBuilder(URI.create(printed + "api/schema")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertTrue(schema.body().contains("\"name\":\"jar_live\""), schema.body());
      assertFalse(schema.body().contains(secret));
      HttpResponse<String> migrationsView = client.send(HttpRequest.newBuilder(URI.create(printed + "api/migrations")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertTrue(migrationsView.body().contains("\"state\":\"pending\""), migrationsView.body());
      assertFalse(migrationsView.body().contains(secret));
      HttpResponse<String> overview = client.send(HttpRequest.newBuilder(URI.create(printed + "api/overview")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertFalse(overview.body().contains(secret), overview.body());
      URI withoutToken = URI.create(printed.substring(0, printed.indexOf('/', "http://".length()) + 1) + "api/overview");
      assertEquals(403, client.send(HttpRequest.newBuilder(withoutToken).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    } finally {
      process.destroy();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void aTakenPortIsAUsageError() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
          JAR.toString(), "ui", "--port", String.valueOf(taken.getLocalPort()), "--url", database.jdbcUrlWithCredentials(),
          "--migrations", migrations.toString()).redirectErrorStream(true).start();
      assertTrue(process.waitFor(60, TimeUnit.SECONDS));
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(2, process.exitValue(), output);
      assertTrue(output.contains("schemacode: error: port " + taken.getLocalPort() + " on 127.0.0.1 is in use"), output);
    }
  }

  @Test
  void anUnreachableDatabaseIsExitOneInOneLineWithoutThePassword() throws Exception {
    int closed;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closed = free.getLocalPort(); // nothing listens there once it is closed
    }
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        JAR.toString(), "ui", "--port", "0", "--url", "postgresql://app:Sup3r-s3cret@127.0.0.1:" + closed + "/shop",
        "--migrations", migrations.toString()).redirectErrorStream(true).start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertEquals(1, process.exitValue(), output);
    assertTrue(output.startsWith("schemacode: error: cannot connect to postgresql://app@127.0.0.1:" + closed + "/shop: "), output);
    assertEquals(1, output.lines().count(), output);
    assertFalse(output.contains("Sup3r-s3cret"), output);
  }
}

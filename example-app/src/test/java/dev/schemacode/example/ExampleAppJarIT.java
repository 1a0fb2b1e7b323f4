package dev.schemacode.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemacode.testing.TestDatabase;
import dev.schemacode.testing.WireCounter;
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

/** {@code java -jar example-app.jar migrate}, then {@code … ui}, as the docs tell users to run them. */
class ExampleAppJarIT {
  @RegisterExtension static final TestDatabase database = new TestDatabase();

  private static final Path JAR = Path.of(System.getProperty("example.app.jar", "target/example-app.jar"));

  private ProcessBuilder jar(String command, String databaseUrl) {
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", JAR.toString(), command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.equals("DATABASE_URL") || name.startsWith("PG")
        || name.startsWith("SCHEMACODE_") || name.equals("PORT") || name.equals("UI_PORT"));
    builder.environment().put("DATABASE_URL", databaseUrl);
    builder.environment().put("UI_PORT", "0");
    builder.environment().put("SCHEMACODE_ENV", "development");
    return builder;
  }

  @Test
  void uiServesTheShopWithTheJarsMigrationsAndLedger() throws Exception {
    assertTrue(Files.isRegularFile(JAR), "run `mvn package` first: " + JAR.toAbsolutePath());
    String secret = database.password().isEmpty() ? "N0tPrinted-s3cret" : database.password();
    String url = "postgresql://" + database.user() + ":" + secret + "@"
        + database.jdbcUrl().substring("jdbc:postgresql://".length());
    Process migrate = jar("migrate", url).start();
    String migrated = new String(migrate.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(migrate.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, migrate.exitValue(), migrated);

    Process process = jar("ui", url).start();
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
      String printed = lines.get(lines.size() - 1);
      assertTrue(printed.matches("http://127\\.0\\.0\\.1:\\d+/[A-Za-z0-9_-]{43}/"), String.join("\n", lines));
      assertTrue(String.join("\n", lines).contains("example-app: schemacode ui, rows editable"), String.join("\n", lines));
      assertFalse(String.join("\n", lines).contains(secret));

      HttpClient client = HttpClient.newHttpClient();
      for (String route : List.of("", "app.js", "api/overview", "api/schema", "api/migrations", "api/drift")) {
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(printed + route)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), route + ": " + answer.body());
        assertFalse(answer.body().contains(secret), route + " shows the password");
        if (route.equals("api/schema")) {
          // the ledger inside the jar names the entity of each table
          assertTrue(answer.body().contains("\"declaredBy\":\"dev.schemacode.example.Customer\""), answer.body());
        } else if (route.equals("api/migrations")) {
          assertTrue(answer.body().contains("\"pending\":0,\"problems\":0"), answer.body());
          assertTrue(answer.body().contains("\"location\":\"classpath:db/migration\""), answer.body());
        } else if (route.equals("api/drift")) {
          assertTrue(answer.body().contains("\"available\":true,\"reason\":null,\"drift\":false"), answer.body());
        } else if (route.equals("api/overview")) {
          assertTrue(answer.body().contains("\"writable\":true"), answer.body());
        }
      }
      assertTrue(process.isAlive(), "the ui keeps running until stopped");
    } finally {
      process.destroy();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  /**
   * A restart of the packaged app, as a platform runs its pre-deploy step each deploy: the index the
   * processor generated carries the digest of its migrations applied, so the new process's check is
   * the one query that compares it, and the history's rows are never read (they are only on a miss,
   * which a summary that disagreed with the index would cause).
   */
  @Test
  void aRestartChecksWithTheSummaryTheProcessorWrote() throws Exception {
    assertTrue(Files.isRegularFile(JAR), "run `mvn package` first: " + JAR.toAbsolutePath());
    String url = "postgresql://" + database.user() + (database.password().isEmpty() ? "" : ":" + database.password())
        + "@" + database.jdbcUrl().substring("jdbc:postgresql://".length());
    assertEquals(0, run(jar("migrate", url)));
    try (WireCounter wire = WireCounter.inFrontOf(database)) {
      String throughCounter = "postgresql://" + database.user()
          + (database.password().isEmpty() ? "" : ":" + database.password()) + "@127.0.0.1:" + wire.port() + "/"
          + database.name() + "?sslmode=disable&gssencmode=disable";
      assertEquals(0, run(jar("migrate", throughCounter)));
      List<String> statements = wire.statements();
      assertEquals(1, wire.connections(), String.join("\n", statements));
      assertEquals(1, statements.stream().filter(sql -> sql.contains("schemacode_history_matches")).count(),
          String.join("\n", statements));
      assertFalse(statements.stream().anyMatch(sql -> sql.contains("FROM \"schemacode_history\"")
          || sql.contains("FROM schemacode_history ")), String.join("\n", statements));
    }
  }

  private static int run(ProcessBuilder builder) throws Exception {
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), output);
    assertEquals(0, process.exitValue(), output);
    return process.exitValue();
  }
}

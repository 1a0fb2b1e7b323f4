package dev.schemacode.example;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.schemacode.runtime.Health;
import dev.schemacode.runtime.Migrator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** {@code GET /health}: 200 when the database answers and no migration is pending, 503 otherwise. */
final class HealthHandler implements HttpHandler {
  private final Migrator migrator;

  HealthHandler(Migrator migrator) {
    this.migrator = migrator;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      Health health = migrator.health();
      byte[] body = json(health).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      boolean head = "HEAD".equals(exchange.getRequestMethod());
      exchange.sendResponseHeaders(health.ready() ? 200 : 503, head ? -1 : body.length);
      if (!head) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }

  static String json(Health health) {
    return "{\"status\":\"" + (health.ready() ? "UP" : "DOWN") + "\""
        + ",\"database\":\"" + (health.databaseReachable() ? "reachable" : "unreachable") + "\""
        + ",\"schemaVersion\":" + health.currentVersion().map(v -> "\"" + v + "\"").orElse("null")
        + ",\"pendingMigrations\":" + health.pendingMigrations()
        + ",\"migrationProblems\":" + health.problems()
        + "}";
  }
}

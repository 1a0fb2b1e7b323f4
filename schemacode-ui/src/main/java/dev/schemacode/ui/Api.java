package dev.schemacode.ui;

import com.sun.net.httpserver.HttpExchange;
import dev.schemacode.model.Table;
import dev.schemacode.runtime.ConfigurationException;
import dev.schemacode.runtime.MigrationInfo;
import dev.schemacode.runtime.MigrationStatus;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON endpoints, one per view: overview, schema, migrations (and one script), drift, rows. */
final class Api {
  /** A change refused because the environment guard says production (or says nothing): 403. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  record Overview(String database, String environment, boolean writable, String readOnlyReason, String migrations,
      boolean ledger) {}

  /** What the page sends to change a row: the table, the row's primary key (update, delete), the new values. */
  record Change(String table, Map<String, String> key, Map<String, String> values) {}

  record Filter(String column, String op, String value) {}

  private final UiServer server;

  Api(UiServer server) {
    this.server = server;
  }

  void handle(HttpExchange exchange, String route) throws IOException, SQLException {
    String method = exchange.getRequestMethod();
    if (route.equals("rows")) {
      rows(exchange, method);
      return;
    }
    if (!method.equals("GET")) {
      throw new NotFound("no such endpoint: " + method + " " + route);
    }
    if (route.equals("overview")) {
      Http.json(exchange, 200, overview());
    } else if (route.equals("schema")) {
      Http.json(exchange, 200, SchemaView.of(server.catalog().read(), server.declaredBy()));
    } else if (route.equals("migrations")) {
      Http.json(exchange, 200, migrations());
    } else if (route.startsWith("migrations/")) {
      Http.json(exchange, 200, script(route.substring("migrations/".length())));
    } else if (route.equals("drift")) {
      Http.json(exchange, 200, drift());
    } else {
      throw new NotFound("no such endpoint: " + route);
    }
  }

  private Overview overview() {
    UiServer.Settings settings = server.settings();
    boolean ledger;
    try {
      ledger = settings.migrations().ledger().isPresent();
    } catch (ConfigurationException e) {
      ledger = false;
    }
    return new Overview(settings.url().toString(), settings.environment().toString(),
        server.readOnlyReason().isEmpty(), server.readOnlyReason().orElse(null), settings.migrations().description(), ledger);
  }

  /** The timeline, or why there is none (no migrations at that location): the other views still work. */
  private Object migrations() {
    try {
      return MigrationsView.timeline(server.settings().migrations().description(), server.settings().migrator().status());
    } catch (ConfigurationException e) {
      return Map.of("unavailable", server.oneLine(e.getMessage()));
    }
  }

  private MigrationsView.Script script(String version) {
    long number;
    try {
      number = Long.parseLong(version.startsWith("V") || version.startsWith("v") ? version.substring(1) : version);
    } catch (NumberFormatException e) {
      throw new BadRequest("not a migration version: " + version);
    }
    MigrationStatus status = server.settings().migrator().status();
    MigrationInfo info = status.find(number).orElseThrow(() -> new NotFound("no migration has version " + version));
    return MigrationsView.script(info);
  }

  private MigrationsView.DriftView drift() {
    try {
      return MigrationsView.drift(server.settings().migrator().drift());
    } catch (ConfigurationException e) {
      return MigrationsView.unavailable(server.oneLine(e.getMessage()));
    }
  }

  private void rows(HttpExchange exchange, String method) throws IOException, SQLException {
    if (method.equals("GET")) {
      Map<String, List<String>> query = Http.query(exchange);
      Table table = table(Http.first(query, "table").orElseThrow(() -> new BadRequest("which table? (table=…)")));
      List<RowQuery.Filter> filters = new ArrayList<>();
      Optional<String> filterJson = Http.first(query, "filter");
      if (filterJson.isPresent() && !filterJson.get().isEmpty()) {
        Filter[] parsed;
        try {
          parsed = Http.JSON.readValue(filterJson.get(), Filter[].class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
          throw new BadRequest("filter must be a JSON array of {column, op, value}");
        }
        for (Filter filter : parsed) {
          filters.add(new RowQuery.Filter(filter.column(), RowQuery.Operator.parse(filter.op()), filter.value()));
        }
      }
      Optional<String> sort = Http.first(query, "sort").filter(s -> !s.isEmpty());
      boolean descending = Http.first(query, "dir").map("desc"::equalsIgnoreCase).orElse(false);
      int offset = Http.number(query, "offset", 0, 0, Integer.MAX_VALUE);
      int limit = Http.number(query, "limit", 50, 1, RowQuery.MAX_LIMIT);
      boolean whole = Http.first(query, "whole").map("true"::equals).orElse(false);
      RowQuery rowQuery = new RowQuery(table, filters, sort, descending);
      Optional<Long> estimate = server.catalog().current().estimate(table.name());
      Http.json(exchange, 200, server.connections().inTransaction(false,
          connection -> TableData.page(connection, rowQuery, offset, limit, whole, estimate, table)));
      return;
    }
    Change change = Http.body(exchange, Change.class);
    if (change == null || change.table() == null) {
      throw new BadRequest("which table? ({\"table\": …})");
    }
    Table table = table(change.table());
    TableData.Key key = new TableData.Key(change.key() == null ? Map.of() : change.key());
    Map<String, String> values = change.values() == null ? Map.of() : change.values();
    Object result = server.connections().inTransaction(true, connection -> {
      // asked again in the change's own transaction: a database marked production meanwhile is not written to
      server.writeAccess().refusal(connection).ifPresent(reason -> {
        throw new Refused("read-only: " + reason);
      });
      return switch (method) {
        case "POST" -> Map.of("row", TableData.insert(connection, table, values));
        case "PUT" -> Map.of("row", TableData.update(connection, table, key, values));
        case "DELETE" -> {
          TableData.delete(connection, table, key);
          yield Map.of("deleted", true);
        }
        default -> throw new NotFound("no such endpoint: " + method + " rows");
      };
    });
    Http.json(exchange, 200, result);
  }

  private Table table(String name) throws SQLException {
    return server.catalog().table(name).orElseThrow(() -> new NotFound("no table " + name));
  }
}

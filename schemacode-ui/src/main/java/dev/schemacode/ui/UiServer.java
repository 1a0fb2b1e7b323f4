package dev.schemacode.ui;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.schemacode.model.Ledger;
import dev.schemacode.model.QualifiedName;
import dev.schemacode.runtime.ConfigurationException;
import dev.schemacode.runtime.DatabaseUnreachableException;
import dev.schemacode.runtime.DatabaseUrl;
import dev.schemacode.runtime.Environment;
import dev.schemacode.runtime.MigrationException;
import dev.schemacode.runtime.MigrationSource;
import dev.schemacode.runtime.Migrator;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The local web server of {@code schemacode ui}: the JDK's HTTP server on 127.0.0.1 only, every
 * request checked by the {@link RequestGuard} first, one JSON endpoint per view over the runtime's
 * {@link Migrator} (status, diff) and introspection, and the page's static files.
 */
public final class UiServer implements AutoCloseable {
  /**
   * What the server shows.
   *
   * @param url the database; its password is used to connect and never shown
   * @param migrator status and diff, on the same database and migrations
   * @param migrations where the migrations are (their ledger tells which entity declares each table)
   * @param historyTable the runtime's tables are left out of the schema and the data views
   * @param environment the environment the write rule checks
   * @param port 0 for any free port
   */
  public record Settings(DatabaseUrl url, Migrator migrator, MigrationSource migrations, String historyTable,
      Environment environment, int port) {}

  private static final System.Logger LOG = System.getLogger("dev.schemacode.ui");

  private final Settings settings;
  private final HttpServer server;
  private final ExecutorService executor;
  private final RequestGuard guard;
  private final Connections connections;
  private final Catalog catalog;
  private final WriteAccess writeAccess;
  private final Optional<String> readOnlyReason;
  private final Map<QualifiedName, String> declaredBy;
  private final Api api;

  private UiServer(Settings settings, HttpServer server, Connections connections, Optional<String> readOnlyReason,
      Optional<Ledger> ledger) {
    this.settings = settings;
    this.server = server;
    this.connections = connections;
    this.readOnlyReason = readOnlyReason;
    this.guard = new RequestGuard(RequestGuard.newToken(), server.getAddress().getPort());
    this.writeAccess = new WriteAccess(settings.environment());
    this.declaredBy = ledger.map(Ledger::declaredBy).orElse(Map.of());
    this.catalog = new Catalog(connections, Migrator.runtimeTables(settings.historyTable()),
        ledger.map(l -> l.schema().schemaNames()).orElse(java.util.Set.of()));
    this.api = new Api(this);
    this.executor = Executors.newFixedThreadPool(4, runnable -> {
      Thread thread = new Thread(runnable, "schemacode-ui");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /**
   * Connects once (a wrong URL or password fails here, not in the page), decides whether rows may
   * be changed, and starts serving.
   *
   * @throws ConfigurationException when the port is taken
   * @throws DatabaseUnreachableException when the database cannot be reached
   */
  public static UiServer start(Settings settings) {
    Connections connections = new Connections(settings.url());
    try {
      Optional<String> readOnly = connections.inTransaction(false,
          connection -> new WriteAccess(settings.environment()).refusal(connection));
      Optional<Ledger> ledger;
      try {
        ledger = settings.migrations().ledger();
      } catch (ConfigurationException e) {
        ledger = Optional.empty(); // no migrations here: the schema and data views still work
      }
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()), 0);
      return new UiServer(settings, server, connections, readOnly, ledger);
    } catch (BindException e) {
      connections.close();
      throw new ConfigurationException("port " + settings.port() + " on 127.0.0.1 is in use; pass --port N (0 picks a free one)");
    } catch (IOException e) {
      connections.close();
      throw new ConfigurationException("cannot serve on 127.0.0.1:" + settings.port() + ": " + e.getMessage());
    } catch (SQLException e) {
      connections.close();
      throw new DatabaseUnreachableException(settings.url().redact("cannot read " + settings.url() + ": " + e.getMessage()), e);
    }
  }

  /** {@code http://127.0.0.1:PORT/TOKEN/}: the one URL that opens the page. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + guard.token() + "/");
  }

  /** Empty when rows may be changed; otherwise why not (the environment guard's words). */
  public Optional<String> readOnlyReason() {
    return readOnlyReason;
  }

  Settings settings() {
    return settings;
  }

  Connections connections() {
    return connections;
  }

  Catalog catalog() {
    return catalog;
  }

  WriteAccess writeAccess() {
    return writeAccess;
  }

  Map<QualifiedName, String> declaredBy() {
    return declaredBy;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      var headers = exchange.getRequestHeaders();
      String path = exchange.getRequestURI().getRawPath();
      Optional<String> refusal = guard.refusal(new RequestGuard.Request(exchange.getRequestMethod(), path,
          headers.getFirst("Host"), headers.getFirst("Origin"), headers.getFirst("Content-Type")));
      if (refusal.isPresent()) {
        Http.error(exchange, 403, refusal.get());
        return;
      }
      if (path.equals("/" + guard.token())) { // the page's relative URLs need the slash
        exchange.getResponseHeaders().set("Location", path + "/");
        Http.send(exchange, 302, "text/plain; charset=utf-8", new byte[0]);
        return;
      }
      String route = guard.route(path);
      if (route.startsWith("/api/")) {
        api.handle(exchange, route.substring("/api/".length()));
        return;
      }
      if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
        Http.error(exchange, 405, "method not allowed");
        return;
      }
      Optional<Assets.Asset> asset = Assets.find(route.equals("/") ? "index.html" : route.substring(1));
      if (asset.isEmpty()) {
        Http.error(exchange, 404, "no such page");
        return;
      }
      Http.send(exchange, 200, asset.get().contentType(), asset.get().bytes());
    } catch (BadRequest e) {
      Http.error(exchange, 400, e.getMessage());
    } catch (NotFound e) {
      Http.error(exchange, 404, e.getMessage());
    } catch (Conflict e) {
      Http.error(exchange, 409, e.getMessage());
    } catch (Api.Refused e) {
      Http.error(exchange, 403, e.getMessage());
    } catch (SQLException e) {
      // what PostgreSQL said about the page's input (a value of the wrong type, a violated key) is for the page
      String state = e.getSQLState() == null ? "" : e.getSQLState();
      int status = state.startsWith("22") || state.startsWith("23") || state.startsWith("42") ? 400 : 500;
      Http.error(exchange, status, oneLine(e.getMessage()));
    } catch (DatabaseUnreachableException e) {
      Http.error(exchange, 503, oneLine(e.getMessage()));
    } catch (ConfigurationException | MigrationException e) {
      Http.error(exchange, 400, oneLine(e.getMessage()));
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "schemacode ui: " + oneLine(e.toString()));
      Http.error(exchange, 500, oneLine(e.toString()));
    }
  }

  /** One line, and never the password, whatever the driver put into a message. */
  String oneLine(String message) {
    String text = settings.url().redact(message == null ? "" : message);
    String password = System.getenv("PGPASSWORD");
    if (password != null && password.length() >= 3) {
      text = text.replace(password, "***");
    }
    return text.replaceAll("\\s*\\R\\s*", " ").strip();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    connections.close();
  }
}

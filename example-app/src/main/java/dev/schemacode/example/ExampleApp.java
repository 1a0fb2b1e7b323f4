package dev.schemacode.example;

import com.sun.net.httpserver.HttpServer;
import dev.schemacode.runtime.ConfigurationException;
import dev.schemacode.runtime.DatabaseUrl;
import dev.schemacode.runtime.MigrateResult;
import dev.schemacode.runtime.MigrationException;
import dev.schemacode.runtime.Migrator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.Executors;

/**
 * The example service: reads its configuration, finds (or starts) PostgreSQL, applies pending
 * migrations, then serves {@code GET /health}.
 */
public final class ExampleApp implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("dev.schemacode.example");

  private final HttpServer server;
  private final Optional<EmbeddedDatabase> embedded;

  private ExampleApp(HttpServer server, Optional<EmbeddedDatabase> embedded) {
    this.server = server;
    this.embedded = embedded;
  }

  public static void main(String[] args) {
    Logging.configure();
    try {
      ExampleApp app = start(AppConfig.fromEnvironment(System.getenv()));
      Runtime.getRuntime().addShutdownHook(new Thread(app::close, "example-app-stop"));
    } catch (ConfigurationException e) {
      e.getMessage().lines().forEach(line -> System.err.println("example-app: configuration error: " + line));
      System.exit(2);
    } catch (MigrationException e) {
      System.err.println("example-app: " + e.getMessage());
      System.exit(1);
    } catch (IOException | RuntimeException e) {
      System.err.println("example-app: cannot start: " + e.getMessage());
      System.exit(1);
    }
  }

  static ExampleApp start(AppConfig config) throws IOException {
    Optional<EmbeddedDatabase> embedded = Optional.empty();
    DatabaseUrl url;
    if (config.databaseUrl().isPresent()) {
      url = config.databaseUrl().get();
      LOG.log(System.Logger.Level.INFO, "database: {0}", url);
    } else {
      LOG.log(System.Logger.Level.INFO, "DATABASE_URL is not set: starting an embedded PostgreSQL (data in {0})",
          config.embeddedDataDirectory());
      EmbeddedDatabase database = EmbeddedDatabase.start(config.embeddedDataDirectory());
      embedded = Optional.of(database);
      url = database.url();
      LOG.log(System.Logger.Level.INFO, "embedded PostgreSQL is listening on port {0,number,#}", database.port());
    }
    try {
      // The index the processor generated: no class-path scanning, and stale resources are detected.
      Migrator migrator = Migrator.builder().url(url).migrations(SchemacodeMigrations.INDEX).build();
      if (config.migrateOnStart()) {
        MigrateResult result = migrator.migrate();
        result.applied().forEach(m -> LOG.log(System.Logger.Level.INFO, "applied migration {0}", m.file().label()));
        LOG.log(System.Logger.Level.INFO, "{0} migration(s) applied; schema is at {1}", result.applied().size(),
            result.currentVersion().map(v -> "V" + v).orElse("(empty)"));
      } else {
        LOG.log(System.Logger.Level.INFO, "MIGRATE_ON_START=false: expecting a pre-deploy `schemacode deploy`");
      }
      HttpServer server = HttpServer.create(new InetSocketAddress(config.port()), 0);
      server.createContext("/health", new HealthHandler(migrator));
      server.setExecutor(Executors.newFixedThreadPool(4));
      server.start();
      LOG.log(System.Logger.Level.INFO, "listening on http://localhost:{0,number,#}/health", server.getAddress().getPort());
      return new ExampleApp(server, embedded);
    } catch (IOException | RuntimeException e) {
      closeQuietly(embedded);
      throw e;
    }
  }

  int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(1);
    closeQuietly(embedded);
  }

  private static void closeQuietly(Optional<EmbeddedDatabase> embedded) {
    embedded.ifPresent(database -> {
      try {
        database.close();
      } catch (IOException e) {
        LOG.log(System.Logger.Level.WARNING, "embedded PostgreSQL did not stop cleanly: {0}", e.getMessage());
      }
    });
  }
}

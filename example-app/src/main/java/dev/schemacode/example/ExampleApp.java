package dev.schemacode.example;

import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.schemacode.runtime.ConfigurationException;
import dev.schemacode.runtime.DatabaseUrl;
import dev.schemacode.runtime.MigrateResult;
import dev.schemacode.runtime.Environment;
import dev.schemacode.runtime.MigrationException;
import dev.schemacode.runtime.MigrationSource;
import dev.schemacode.runtime.Migrator;
import dev.schemacode.runtime.PushResult;
import dev.schemacode.ui.UiServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * The example service: reads its configuration, finds (or starts) PostgreSQL, applies pending
 * migrations, then serves {@code GET /health}.
 */
public final class ExampleApp implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("dev.schemacode.example");

  private final HttpServer server;
  private final HikariDataSource pool;
  private final Optional<EmbeddedDatabase> embedded;

  private ExampleApp(HttpServer server, HikariDataSource pool, Optional<EmbeddedDatabase> embedded) {
    this.server = server;
    this.pool = pool;
    this.embedded = embedded;
  }

  public static void main(String[] args) {
    Logging.configure();
    try {
      if (args.length == 1 && args[0].equals("migrate")) {
        // the pre-deploy step of a platform (Render, Railway, a compose one-shot service): migrate, then exit
        System.exit(migrateOnly(AppConfig.fromEnvironment(System.getenv())));
      }
      if (args.length == 1 && args[0].equals("ui")) {
        // `schemacode ui` on the shop's database, with this jar's migrations and ledger; until stopped
        UiServer ui = ui(AppConfig.fromEnvironment(System.getenv()), uiPort(System.getenv("UI_PORT")));
        Runtime.getRuntime().addShutdownHook(new Thread(ui::close, "example-app-ui-stop"));
        System.out.println("example-app: schemacode ui, " + ui.readOnlyReason().map(r -> "read-only (" + r + ")")
            .orElse("rows editable") + ":");
        System.out.println(ui.url());
        return; // the server's threads keep the process alive
      }
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
    HikariDataSource pool = null;
    try {
      pool = pool(url, config.poolSize());
      // The index the processor generated: no class-path scanning, and stale resources are detected.
      Migrator migrator = Migrator.builder().dataSource(pool).migrations(SchemacodeMigrations.INDEX).build();
      if (config.pushOnStart()) {
        // development: the database becomes what the entities declare, migration or not (docs/workflow.md)
        Environment environment = config.environment().isDeclared() || config.databaseUrl().isPresent() ? config.environment()
            : Environment.named("development"); // the embedded database is this process's own
        PushResult result = Migrator.builder().dataSource(pool).migrations(SchemacodeMigrations.INDEX)
            .environment(environment).build().push(false);
        LOG.log(System.Logger.Level.INFO, "MIGRATE_ON_START=push: {0} migration(s) applied, {1} change(s) pushed, {2}"
            + " migration(s) recorded as applied{3}", result.deployed().size(), result.changes().size(),
            result.recorded().size(), result.inMigrations() ? "" : "; no migration holds the pushed changes yet");
      } else if (config.migrateOnStart()) {
        // the runtime logs each migration it applies; one summary line here, not a second line per migration
        MigrateResult result = migrator.migrate();
        LOG.log(System.Logger.Level.INFO, "{0} migration(s) applied; schema is at {1}", result.applied().size(),
            result.currentVersion().map(v -> "V" + v).orElse("(empty)"));
      } else {
        LOG.log(System.Logger.Level.INFO, "MIGRATE_ON_START=false: expecting a pre-deploy `schemacode deploy`");
      }
      HttpServer server = HttpServer.create(new InetSocketAddress(config.port()), 0);
      server.createContext("/health", new HealthHandler(migrator));
      ShopService shop = new ShopService(DSL.using(pool, SQLDialect.POSTGRES));
      server.createContext("/", new ShopApi(shop).routes(new Router()));
      server.setExecutor(Executors.newFixedThreadPool(4));
      server.start();
      LOG.log(System.Logger.Level.INFO, "listening on http://localhost:{0,number,#}/health", server.getAddress().getPort());
      return new ExampleApp(server, pool, embedded);
    } catch (IOException | RuntimeException e) {
      if (pool != null) {
        pool.close();
      }
      closeQuietly(embedded);
      throw e;
    }
  }

  /**
   * {@code java -jar example-app.jar ui}: the page of {@code schemacode ui} for the database of
   * {@code DATABASE_URL}, reading the migrations and the ledger (which entity declares each table)
   * from this jar; rows editable only where {@code SCHEMACODE_ENV} says non-production.
   */
  static UiServer ui(AppConfig config, int port) {
    DatabaseUrl url = config.databaseUrl().orElseThrow(() -> new ConfigurationException(
        "ui needs DATABASE_URL (the embedded database belongs to the running service)"));
    MigrationSource migrations = MigrationSource.classpath("db/migration");
    Migrator migrator = Migrator.builder().url(url).migrations(migrations).build();
    return UiServer.start(new UiServer.Settings(url, migrator, migrations, Migrator.DEFAULT_HISTORY_TABLE,
        Environment.fromSystem(), port));
  }

  private static int uiPort(String text) {
    try {
      return text == null || text.isBlank() ? 5555 : Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new ConfigurationException("UI_PORT must be a port number, not '" + text + "'");
    }
  }

  private static int migrateOnly(AppConfig config) {
    if (config.databaseUrl().isEmpty()) {
      System.err.println("example-app: migrate needs DATABASE_URL");
      return 2;
    }
    MigrateResult result = Migrator.builder().url(config.databaseUrl().get()).migrations(SchemacodeMigrations.INDEX)
        .build().migrate();
    LOG.log(System.Logger.Level.INFO, "schema is at {0}", result.currentVersion().map(v -> "V" + v).orElse("(empty)"));
    return 0;
  }

  /** A connection pool for the application's own queries; the credentials come from the URL. */
  private static HikariDataSource pool(DatabaseUrl url, int size) {
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(url.jdbcUrl());
    hikari.setDataSourceProperties(url.connectionProperties());
    hikari.setMaximumPoolSize(size);
    hikari.setPoolName("example-app");
    // Fail start-up with one clear line instead of retrying forever when the database is not there.
    hikari.setInitializationFailTimeout(10_000);
    return new HikariDataSource(hikari);
  }

  int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(1);
    pool.close();
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

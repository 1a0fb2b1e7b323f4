package dev.schemacode.example;

import dev.schemacode.runtime.ConfigurationException;
import dev.schemacode.runtime.DatabaseUrl;
import dev.schemacode.runtime.Environment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Configuration from the environment, validated at boot: every problem is reported at once, one
 * line each, before anything starts.
 *
 * @param databaseUrl {@code DATABASE_URL}; empty means "start an embedded PostgreSQL"
 * @param port {@code PORT} (default 8080; 0 picks a free port)
 * @param migrateOnStart {@code MIGRATE_ON_START} (default true); false when a pre-deploy step ran
 *     {@code schemacode deploy}
 * @param pushOnStart {@code MIGRATE_ON_START=push}: the development loop, {@code Migrator.push} at start-up
 *     (docs/workflow.md), so that a build in push mode needs no migration to run
 * @param environment {@code SCHEMACODE_ENV}, which push checks (the embedded database counts as development)
 * @param embeddedDataDirectory {@code EMBEDDED_PG_DATA}: where the embedded database keeps its files
 * @param poolSize {@code DB_POOL_SIZE}: connections in the pool (default 5)
 */
record AppConfig(Optional<DatabaseUrl> databaseUrl, int port, boolean migrateOnStart, Path embeddedDataDirectory,
    int poolSize, boolean pushOnStart, Environment environment) {

  AppConfig(Optional<DatabaseUrl> databaseUrl, int port, boolean migrateOnStart, Path embeddedDataDirectory, int poolSize) {
    this(databaseUrl, port, migrateOnStart, embeddedDataDirectory, poolSize, false, Environment.unset());
  }

  static AppConfig fromEnvironment(Map<String, String> environment) {
    List<String> problems = new ArrayList<>();
    Optional<DatabaseUrl> url = Optional.empty();
    String rawUrl = environment.get("DATABASE_URL");
    if (rawUrl != null && !rawUrl.isBlank()) {
      try {
        url = Optional.of(DatabaseUrl.parse(rawUrl));
      } catch (ConfigurationException e) {
        problems.add("DATABASE_URL: " + e.getMessage());
      }
    }
    int port = 8080;
    String rawPort = environment.get("PORT");
    if (rawPort != null && !rawPort.isBlank()) {
      try {
        port = Integer.parseInt(rawPort.trim());
        if (port < 0 || port > 65535) {
          problems.add("PORT: " + rawPort + " is not a port number (0-65535)");
        }
      } catch (NumberFormatException e) {
        problems.add("PORT: '" + rawPort + "' is not a number");
      }
    }
    boolean migrate = true;
    boolean push = false;
    String rawMigrate = environment.get("MIGRATE_ON_START");
    if (rawMigrate != null && !rawMigrate.isBlank()) {
      switch (rawMigrate.trim().toLowerCase(java.util.Locale.ROOT)) {
        case "true", "1", "yes" -> migrate = true;
        case "false", "0", "no" -> migrate = false;
        case "push" -> {
          migrate = false;
          push = true;
        }
        default -> problems.add("MIGRATE_ON_START: '" + rawMigrate + "' is not true, false or push");
      }
    }
    String rawData = environment.get("EMBEDDED_PG_DATA");
    Path data = rawData == null || rawData.isBlank()
        ? Path.of(System.getProperty("java.io.tmpdir"), "schemacode-example", "pgdata")
        : Path.of(rawData);
    int poolSize = 5;
    String rawPool = environment.get("DB_POOL_SIZE");
    if (rawPool != null && !rawPool.isBlank()) {
      try {
        poolSize = Integer.parseInt(rawPool.trim());
        if (poolSize < 1 || poolSize > 200) {
          problems.add("DB_POOL_SIZE: " + rawPool + " is not between 1 and 200");
        }
      } catch (NumberFormatException e) {
        problems.add("DB_POOL_SIZE: '" + rawPool + "' is not a number");
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException(String.join("\n", problems));
    }
    return new AppConfig(url, port, migrate, data, poolSize, push, Environment.named(environment.get(Environment.VARIABLE)));
  }
}

package dev.schemacode.runtime.cli;

import dev.schemacode.runtime.DatabaseUrl;
import dev.schemacode.runtime.MigrationSource;
import dev.schemacode.runtime.Migrator;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Option;

/** The options every command that talks to a database shares. */
final class ConnectionOptions {
  static final String DEFAULT_MIGRATIONS = "src/main/resources/db/migration";

  @Option(names = "--url", paramLabel = "URL",
      description = "Database URL, jdbc:postgresql://… or postgresql://user:password@host:port/db?…"
          + " (default: $DATABASE_URL). User and password may also come from $PGUSER and $PGPASSWORD.")
  String url;

  @Option(names = "--migrations", paramLabel = "LOCATION",
      description = "A directory of V*.sql files, or classpath:<path> (default: $SCHEMACODE_MIGRATIONS, else "
          + DEFAULT_MIGRATIONS + ").")
  String migrations;

  @Option(names = "--history-table", paramLabel = "NAME", defaultValue = Migrator.DEFAULT_HISTORY_TABLE,
      description = "History table name (default: ${DEFAULT-VALUE}).")
  String historyTable;

  @Option(names = "--lock-timeout", paramLabel = "DURATION", defaultValue = "10s",
      description = "How long a migration waits for a table lock, e.g. 5s, 500ms, 1m (default: ${DEFAULT-VALUE}).")
  String lockTimeout;

  @Option(names = "--statement-timeout", paramLabel = "DURATION", defaultValue = "0",
      description = "How long one statement may run; 0 means no limit (default: ${DEFAULT-VALUE}).")
  String statementTimeout;

  DatabaseUrl databaseUrl() {
    return DatabaseUrl.parse(url != null ? url : System.getenv("DATABASE_URL"));
  }

  MigrationSource migrationSource() {
    String location = migrations;
    if (location == null) {
      location = System.getenv("SCHEMACODE_MIGRATIONS");
    }
    return MigrationSource.parse(location == null || location.isBlank() ? DEFAULT_MIGRATIONS : location);
  }

  Migrator migrator() {
    return Migrator.builder()
        .url(databaseUrl())
        .migrations(migrationSource())
        .historyTable(historyTable)
        .lockTimeout(Durations.parse(lockTimeout, "--lock-timeout"))
        .statementTimeout(Durations.parse(statementTimeout, "--statement-timeout"))
        .build();
  }

  /** {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, {@code 0} or an ISO-8601 duration. */
  static final class Durations {
    private Durations() {}

    static Duration parse(String text, String option) {
      String value = text.trim().toLowerCase(java.util.Locale.ROOT);
      try {
        if (value.equals("0")) {
          return Duration.ZERO;
        }
        if (value.endsWith("ms")) {
          return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
        }
        if (value.endsWith("s")) {
          return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
        }
        if (value.endsWith("m")) {
          return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
        }
        if (value.endsWith("h")) {
          return Duration.ofHours(Long.parseLong(value.substring(0, value.length() - 1)));
        }
        return Duration.parse(text.trim().toUpperCase(java.util.Locale.ROOT));
      } catch (NumberFormatException | DateTimeParseException e) {
        throw new dev.schemacode.runtime.ConfigurationException(option + " '" + text
            + "' is not a duration; write e.g. 500ms, 10s, 2m or 1h");
      }
    }
  }
}

package dev.schemacode.runtime.cli;

import dev.schemacode.runtime.ConfigurationException;
import dev.schemacode.runtime.DatabaseUrl;
import dev.schemacode.runtime.MigrationSource;
import dev.schemacode.runtime.Migrator;
import picocli.CommandLine.Option;

/**
 * The options every command that talks to a database shares: where it is, where the migrations are.
 * Public for the commands other modules add ({@link PluginCommand}); not an API for applications.
 */
public final class ConnectionOptions {
  static final String DEFAULT_MIGRATIONS = "src/main/resources/db/migration";

  @Option(names = "--url", paramLabel = "URL",
      description = "Database URL, jdbc:postgresql://… or postgresql://user:password@host:port/db?sslmode=…"
          + " (default: $DATABASE_URL). User and password may also come from $PGUSER and $PGPASSWORD.")
  String url;

  @Option(names = "--direct-url", paramLabel = "URL",
      description = "A URL with a database session of its own (the server itself, or a session-mode pool), for when"
          + " --url goes through a pooler in transaction mode (PgBouncer …): changes run on it (default:"
          + " $SCHEMACODE_DIRECT_URL). Needed for no-transaction migrations through such a pooler.")
  String directUrl;

  @Option(names = "--migrations", paramLabel = "LOCATION",
      description = "A directory of V*.sql files, or classpath:<path> (default: $SCHEMACODE_MIGRATIONS, else "
          + DEFAULT_MIGRATIONS + ").")
  String migrations;

  @Option(names = "--history-table", paramLabel = "NAME", defaultValue = Migrator.DEFAULT_HISTORY_TABLE,
      description = "History table name (default: ${DEFAULT-VALUE}); backfills are recorded in <NAME>_backfills.")
  String historyTable;

  private DatabaseUrl parsed;

  /** The history table's name (the runtime keeps its other tables beside it). */
  public String historyTable() {
    return historyTable;
  }
  private DatabaseUrl parsedDirect;

  public DatabaseUrl databaseUrl() {
    if (parsed == null) {
      parsed = DatabaseUrl.parse(url != null ? url : System.getenv("DATABASE_URL"));
    }
    return parsed;
  }

  /** The direct URL, when given by option or environment. */
  java.util.Optional<DatabaseUrl> directUrl() {
    if (parsedDirect == null) {
      String text = directUrl != null ? directUrl : System.getenv("SCHEMACODE_DIRECT_URL");
      if (text == null || text.isBlank()) {
        return java.util.Optional.empty();
      }
      parsedDirect = DatabaseUrl.parse(text);
    }
    return java.util.Optional.of(parsedDirect);
  }

  public MigrationSource migrationSource() {
    String location = migrations;
    if (location == null) {
      location = System.getenv("SCHEMACODE_MIGRATIONS");
    }
    return MigrationSource.parse(location == null || location.isBlank() ? DEFAULT_MIGRATIONS : location);
  }

  public Migrator.Builder builder() {
    Migrator.Builder builder = Migrator.builder().url(databaseUrl()).migrations(migrationSource()).historyTable(historyTable);
    directUrl().ifPresent(builder::directUrl);
    return builder;
  }

  /**
   * A fleet target's migrator: the migrations and history table of this run; the fleet sets the
   * target's URL (and schema). The direct URL goes along only for schemas of the {@code --url} database.
   */
  Migrator.Builder targetBuilder(Migrator.Builder builder, boolean sameDatabase) {
    builder.migrations(migrationSource()).historyTable(historyTable);
    if (sameDatabase) {
      directUrl().ifPresent(builder::directUrl);
    }
    return builder;
  }

  /**
   * Removes every password this run knows of from a message: the URL's, and {@code $PGPASSWORD}.
   * The last line of defence for messages that did not come through {@link DatabaseUrl}.
   */
  public String redact(String message) {
    String result = message == null ? "" : message;
    try {
      result = databaseUrl().redact(result);
    } catch (ConfigurationException e) {
      // no usable URL, so no password from it either
    }
    try {
      String redacted = result;
      result = directUrl().map(url -> url.redact(redacted)).orElse(result);
    } catch (ConfigurationException e) {
      // as above
    }
    String environmentPassword = System.getenv("PGPASSWORD");
    if (environmentPassword != null && environmentPassword.length() >= 3) {
      result = result.replace(environmentPassword, "***");
    }
    return result;
  }
}

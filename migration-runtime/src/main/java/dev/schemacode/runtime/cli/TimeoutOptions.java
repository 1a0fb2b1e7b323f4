package dev.schemacode.runtime.cli;

import dev.schemacode.runtime.ConfigurationException;
import dev.schemacode.runtime.Migrator;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine.Option;

/** {@code --lock-timeout}, {@code --statement-timeout} and {@code --lock-wait-timeout}, for the commands that run scripts. */
final class TimeoutOptions {
  @Option(names = "--lock-timeout", paramLabel = "DURATION", defaultValue = "10s",
      description = "How long a statement waits for a table lock before the script fails, e.g. 5s, 500ms, 1m;"
          + " 0 waits forever (default: ${DEFAULT-VALUE}).")
  String lockTimeout;

  @Option(names = "--statement-timeout", paramLabel = "DURATION", defaultValue = "0",
      description = "How long one statement may run; 0 means no limit (default: ${DEFAULT-VALUE}).")
  String statementTimeout;

  @Option(names = "--lock-wait-timeout", paramLabel = "DURATION", defaultValue = "10m",
      description = "How long to wait while another migrator holds the migration lock before giving up with exit"
          + " code 1; 0 waits forever (default: ${DEFAULT-VALUE}).")
  String lockWaitTimeout;

  Migrator.Builder applyTo(Migrator.Builder builder) {
    return builder.lockTimeout(Durations.parse(lockTimeout, "--lock-timeout"))
        .statementTimeout(Durations.parse(statementTimeout, "--statement-timeout"))
        .lockWaitTimeout(Durations.parse(lockWaitTimeout, "--lock-wait-timeout"));
  }

  /** {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, {@code 0} or an ISO-8601 duration. */
  static final class Durations {
    private Durations() {}

    static Duration parse(String text, String option) {
      String value = text.trim().toLowerCase(Locale.ROOT);
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
        return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
      } catch (NumberFormatException | DateTimeParseException e) {
        throw new ConfigurationException(option + " '" + text + "' is not a duration; write e.g. 500ms, 10s, 2m or 1h");
      }
    }
  }
}

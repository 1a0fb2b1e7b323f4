package dev.schemacode.runtime.internal;

import dev.schemacode.runtime.ConfigurationException;
import java.time.Duration;

/**
 * {@code lock_timeout} and {@code statement_timeout} for the statements of migrations, seeds and
 * backfills. {@code lock_timeout} is what keeps a deploy from taking a production table down: an
 * {@code ALTER TABLE} that waits for a lock blocks every query queued behind it, so it had better
 * give up soon and fail the deploy instead.
 */
public record Timeouts(Duration lock, Duration statement) {
  public static final Duration DEFAULT_LOCK = Duration.ofSeconds(10);
  /** No limit: index builds and backfills legitimately take long, and lock waits are bounded already. */
  public static final Duration DEFAULT_STATEMENT = Duration.ZERO;

  /**
   * For a migration in its own transaction: the settings end with it, so they never stay behind on
   * a server connection that a pooler hands to someone else next. The last one makes PostgreSQL 14+
   * check every second, while a statement runs, that the migrator is still there, and cancel the
   * statement (rolling back the transaction and freeing its locks) when it was killed; written as a
   * query that yields no row where the setting is unknown, so that PostgreSQL 13, which lacks it, just
   * skips it. Not a query of {@code pg_settings}: that view builds a row for each of the server's
   * settings every time, which cost about a millisecond per migration on a loaded server (a fleet
   * runs this once per migration and tenant).
   */
  String setLocal() {
    return "SET LOCAL lock_timeout = '" + lock.toMillis() + "ms'; SET LOCAL statement_timeout = '"
        + statement.toMillis() + "ms'; " + CLIENT_CHECK_LOCAL;
  }

  static final String CLIENT_CHECK_LOCAL = "SELECT set_config('client_connection_check_interval', '"
      + Session.CLIENT_CHECK_INTERVAL + "', true) WHERE current_setting('client_connection_check_interval', true)"
      + " IS NOT NULL";

  /** For a script outside a transaction: session settings, undone by {@link #RESET} afterwards. */
  String setSession() {
    return "SET lock_timeout = '" + lock.toMillis() + "ms'; SET statement_timeout = '" + statement.toMillis() + "ms'";
  }

  /** Back to the session's defaults, so a pooled connection goes back to the pool as it came. */
  static final String RESET = "RESET lock_timeout; RESET statement_timeout";

  public static Duration check(Duration timeout, String what) {
    if (timeout == null || timeout.isNegative()) {
      throw new ConfigurationException(what + " must be zero or positive");
    }
    if (timeout.toMillis() > Integer.MAX_VALUE) {
      throw new ConfigurationException(what + " must be at most " + Integer.MAX_VALUE + " ms (PostgreSQL's limit)");
    }
    return timeout;
  }
}

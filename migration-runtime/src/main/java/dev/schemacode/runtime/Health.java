package dev.schemacode.runtime;

import java.util.Optional;

/**
 * For an application's health endpoint: is the database reachable, and is its schema the one this
 * build expects (no pending migrations, no problems)?
 */
public record Health(boolean databaseReachable, int pendingMigrations, int problems,
    Optional<String> currentVersion, Optional<String> error) {
  /** Ready to serve: reachable, nothing pending, nothing wrong. */
  public boolean ready() {
    return databaseReachable && pendingMigrations == 0 && problems == 0;
  }
}

package dev.schemacode.runtime;

/**
 * The operation failed or found problems: the database is unreachable, a migration failed, an
 * applied migration was modified. The message is one line a person can act on and never contains
 * a password. The CLI exits with 1.
 */
public class MigrationException extends RuntimeException {
  public MigrationException(String message) {
    super(message);
  }

  public MigrationException(String message, Throwable cause) {
    super(message, cause);
  }
}

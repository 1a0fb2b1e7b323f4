package dev.schemacode.runtime;

/** No connection could be opened: wrong host or port, server down, authentication refused. */
public class DatabaseUnreachableException extends MigrationException {
  public DatabaseUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}

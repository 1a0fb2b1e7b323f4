package dev.schemacode.ui;

/** No such table, migration or page: 404 with the message. */
final class NotFound extends RuntimeException {
  private static final long serialVersionUID = 1L;

  NotFound(String message) {
    super(message);
  }
}

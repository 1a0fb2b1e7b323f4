package dev.schemacode.ui;

/** A request the page should not have sent (an unknown table, column or operator): 400 with the message. */
final class BadRequest extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BadRequest(String message) {
    super(message);
  }
}

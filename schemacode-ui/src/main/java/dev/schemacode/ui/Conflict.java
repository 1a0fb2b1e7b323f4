package dev.schemacode.ui;

/** A change that found no row, or more than one, to change: 409, and the transaction rolls back. */
final class Conflict extends RuntimeException {
  private static final long serialVersionUID = 1L;

  Conflict(String message) {
    super(message);
  }
}

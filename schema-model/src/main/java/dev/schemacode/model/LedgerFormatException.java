package dev.schemacode.model;

/** The ledger file cannot be read: corrupt JSON, an unknown format, or a merge left in it. */
public final class LedgerFormatException extends RuntimeException {
  public LedgerFormatException(String message) {
    super(message);
  }

  public LedgerFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}

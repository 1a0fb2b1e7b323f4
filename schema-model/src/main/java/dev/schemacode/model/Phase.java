package dev.schemacode.model;

/**
 * Which migration file a change goes into. Safe forms only help when their steps commit separately,
 * so one schema change may become several files, applied in this order.
 */
public enum Phase {
  /** {@code ALTER TYPE … ADD VALUE}: a new value can only be used once it is committed. */
  ENUM_VALUES("enum_values"),
  /** Everything that runs in one transaction: creates, drops, renames, alters, {@code NOT VALID} constraints. */
  MAIN(""),
  /** {@code CREATE/DROP INDEX CONCURRENTLY}: outside a transaction, statement by statement. */
  CONCURRENT("concurrently"),
  /**
   * Validating what {@code MAIN} added {@code NOT VALID}, and what needs the concurrent indexes or a
   * {@code NOT NULL} set here (an identity on a column that was nullable).
   */
  VALIDATE("validate");

  private final String suffix;

  Phase(String suffix) {
    this.suffix = suffix;
  }

  /** Appended to the slug of every file but the main one. */
  public String suffix() {
    return suffix;
  }
}

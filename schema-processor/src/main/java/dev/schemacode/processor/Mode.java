package dev.schemacode.processor;

/** {@code -Aschemacode.mode}: write the next migration, only check that none is needed, or postpone it while pushing. */
enum Mode {
  /** Write the next migration and the ledger when the entities changed (the default). */
  GENERATE,
  /** Write nothing; fail the build on any drift (CI). */
  VERIFY,
  /**
   * Development with {@code schemacode push}: write nothing into the migrations directory, say what
   * a generate build would write, and leave the declared schema in the class output for push. The
   * next build in generate mode writes every change made meanwhile as one migration.
   */
  PUSH;

  /** Whether this mode writes into the migrations directory (and so takes the generation lock). */
  boolean writesMigrations() {
    return this == GENERATE;
  }
}

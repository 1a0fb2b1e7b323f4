package dev.schemacode.processor;

/** {@code -Aschemacode.mode}: write the next migration, or only check that none is needed. */
enum Mode {
  /** Write the next migration and the ledger when the entities changed (the default). */
  GENERATE,
  /** Write nothing; fail the build on any drift (CI). */
  VERIFY
}

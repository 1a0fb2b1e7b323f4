package dev.schemacode.model;

/**
 * Directives a migration script states in its leading comment lines, read by the runtime and
 * written by the processor.
 */
public final class ScriptDirectives {
  /**
   * A leading comment line {@code -- schemacode:no-transaction} makes the runtime apply the script
   * outside a transaction, statement by statement (needed for {@code CREATE INDEX CONCURRENTLY}).
   */
  public static final String NO_TRANSACTION = "schemacode:no-transaction";

  private ScriptDirectives() {}

  /** True when one of the comment lines before the first statement is {@code -- schemacode:no-transaction}. */
  public static boolean noTransaction(String script) {
    for (String line : script.lines().toList()) {
      String trimmed = line.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      if (!trimmed.startsWith("--")) {
        return false;
      }
      if (trimmed.substring(2).strip().equals(NO_TRANSACTION)) {
        return true;
      }
    }
    return false;
  }
}

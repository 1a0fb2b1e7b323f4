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

  /**
   * A leading comment line {@code -- schemacode:inexact <reason>} marks a reverse script that cannot
   * restore everything (data the migration dropped): {@code revert} refuses it unless told to accept that.
   */
  public static final String INEXACT = "schemacode:inexact";

  private ScriptDirectives() {}

  /** The reasons of the {@code -- schemacode:inexact …} lines before the first statement. */
  public static java.util.List<String> inexact(String script) {
    java.util.List<String> reasons = new java.util.ArrayList<>();
    for (String line : withoutByteOrderMark(script).lines().toList()) {
      String trimmed = line.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      if (!trimmed.startsWith("--")) {
        break;
      }
      String content = trimmed.substring(2).strip();
      if (content.startsWith(INEXACT + " ")) {
        reasons.add(content.substring(INEXACT.length()).strip());
      }
    }
    return reasons;
  }

  /** True when one of the comment lines before the first statement is {@code -- schemacode:no-transaction}. */
  public static boolean noTransaction(String script) {
    for (String line : withoutByteOrderMark(script).lines().toList()) {
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

  /**
   * A comment line before the first statement that was meant as a directive but is not one, such as
   * {@code -- schemacode: no-transaction} or {@code -- schemacode:no_transaction}; empty when there
   * is none. A misspelled directive must fail loudly: ignored, it would run the script in a transaction.
   */
  public static java.util.Optional<String> misspelled(String script) {
    for (String line : withoutByteOrderMark(script).lines().toList()) {
      String trimmed = line.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      if (!trimmed.startsWith("--")) {
        return java.util.Optional.empty();
      }
      String content = trimmed.substring(2).strip();
      String squeezed = content.toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s_-]", "");
      boolean meant = squeezed.startsWith("schemacode:") || squeezed.startsWith("schemacode=")
          || squeezed.startsWith("schemacode") && squeezed.contains("transaction") || squeezed.equals("notransaction");
      if (meant && !content.equals(NO_TRANSACTION) && !content.startsWith(INEXACT + " ")) {
        return java.util.Optional.of(trimmed);
      }
    }
    return java.util.Optional.empty();
  }

  /** The script without the UTF-8 byte-order mark some editors put at its start. */
  public static String withoutByteOrderMark(String script) {
    return script.startsWith("\uFEFF") ? script.substring(1) : script;
  }
}

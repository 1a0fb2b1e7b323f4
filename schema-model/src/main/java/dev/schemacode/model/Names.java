package dev.schemacode.model;

import java.util.Locale;

/** Default naming: Java names to snake_case SQL names. */
public final class Names {
  private Names() {}

  /**
   * {@code FundingCoverage} → {@code funding_coverage}, {@code collectedAt} → {@code collected_at},
   * {@code HTTPRequest} → {@code http_request}, {@code sha256Hex} → {@code sha256_hex}.
   */
  public static String snakeCase(String javaName) {
    StringBuilder out = new StringBuilder(javaName.length() + 8);
    for (int i = 0; i < javaName.length(); i++) {
      char c = javaName.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        char previous = javaName.charAt(i - 1);
        boolean nextIsLower = i + 1 < javaName.length() && Character.isLowerCase(javaName.charAt(i + 1));
        boolean boundary = Character.isLowerCase(previous) || Character.isDigit(previous)
            || (Character.isUpperCase(previous) && nextIsLower);
        if (boundary && previous != '_') {
          out.append('_');
        }
      }
      out.append(c);
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }
}

package dev.schemacode.runtime.internal;

import dev.schemacode.runtime.ConfigurationException;

/** Versions as people type them on a command line: {@code 3}, {@code 0003} and {@code V0003} are one version. */
public final class Versions {
  private Versions() {}

  public static long number(String text) {
    String digits = text == null ? "" : text.strip();
    if (digits.startsWith("V") || digits.startsWith("v")) {
      digits = digits.substring(1);
    }
    if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) {
      throw new ConfigurationException("'" + text + "' is not a migration version; write e.g. 0003 or V0003");
    }
    return Long.parseLong(digits);
  }
}

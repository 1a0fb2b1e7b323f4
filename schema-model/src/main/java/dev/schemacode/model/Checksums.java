package dev.schemacode.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 checksums of migration scripts, shared by processor and runtime so both always agree. */
public final class Checksums {
  private Checksums() {}

  /**
   * SHA-256 of the script with line endings normalised to {@code \n} and a leading byte-order mark
   * removed: a checkout with Windows line endings must not look like an edited migration.
   */
  public static String ofScript(String script) {
    String normalised = script.replace("\r\n", "\n");
    if (normalised.startsWith("\uFEFF")) {
      normalised = normalised.substring(1);
    }
    return sha256(normalised);
  }

  public static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}

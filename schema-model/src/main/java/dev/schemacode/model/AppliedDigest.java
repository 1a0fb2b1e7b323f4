package dev.schemacode.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The digest a history has when every migration added here is applied, successfully, as it is: the
 * XOR of one MD5 per row over {@code version checksum true}. The runtime keeps a history's digest in
 * the database by trigger and compares it at start-up (its {@code HistoryDigest} says why an XOR); the
 * processor computes the same value for a build's migrations into the generated index, so that an
 * application's first check computes nothing (see {@link MigrationIndex#summary()}). One class for
 * both, so that they cannot disagree.
 */
public final class AppliedDigest {
  /** The digest of an empty history. */
  public static final String EMPTY = "0".repeat(32);

  private final MessageDigest md5;
  private final byte[] digest = new byte[16];

  public AppliedDigest() {
    try {
      md5 = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has MD5", e);
    }
  }

  /** Adds the history row of {@code version} applied with {@code checksum}. */
  public AppliedDigest add(String version, String checksum) {
    return toggle(version, checksum, true);
  }

  /**
   * Adds a history row of any outcome, or takes out one added before: an XOR, its own inverse. What a
   * deploy does to its expected digest as it writes a row, and replaces one (a reverted migration's).
   */
  public AppliedDigest toggle(String version, String checksum, boolean success) {
    byte[] term = md5.digest(term(version, checksum, success).getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < digest.length; i++) {
      digest[i] ^= term[i];
    }
    return this;
  }

  /** 32 lower-case hex digits. */
  public String hex() {
    return HexFormat.of().formatHex(digest);
  }

  /** One row's text, as the history's trigger builds it: {@code version || ' ' || checksum || ' ' || success}. */
  public static String term(String version, String checksum, boolean success) {
    return version + ' ' + checksum + ' ' + success;
  }
}

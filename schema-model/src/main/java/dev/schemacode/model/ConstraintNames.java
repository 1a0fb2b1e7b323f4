package dev.schemacode.model;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Default names for keys, constraints and indexes, following PostgreSQL's own conventions
 * ({@code orders_pkey}, {@code orders_customer_id_fkey}, {@code orders_email_key},
 * {@code orders_created_at_idx}) so that a hand-made database matches. A name past PostgreSQL's
 * 63-byte limit is shortened deterministically with a hash of the full name, because PostgreSQL
 * would otherwise truncate it silently and every later comparison would see a difference.
 */
public final class ConstraintNames {
  public static final int MAX_IDENTIFIER_BYTES = 63;
  private static final int HASH_LENGTH = 8;

  private ConstraintNames() {}

  public static String primaryKey(String table) {
    return fit(table, "pkey");
  }

  public static String unique(String table, List<String> columns) {
    return fit(table + "_" + String.join("_", columns), "key");
  }

  public static String index(String table, List<String> columns) {
    return fit(table + "_" + String.join("_", columns), "idx");
  }

  public static String foreignKey(String table, List<String> columns) {
    return fit(table + "_" + String.join("_", columns), "fkey");
  }

  public static String columnCheck(String table, String column) {
    return fit(table + "_" + column, "check");
  }

  /**
   * The temporary check that lets {@code SET NOT NULL} skip its table scan. Not {@code _not_null}:
   * PostgreSQL 18 gives the NOT NULL constraint itself that name, and while the check held it, named
   * the constraint {@code …_not_null1}. No name PostgreSQL or this class makes ends in {@code _nonnull}.
   */
  public static String notNullCheck(String table, String column) {
    return fit(table + "_" + column, "nonnull");
  }

  /** A table-level check is named after its expression, so reordering checks renames none. */
  public static String tableCheck(String table, String expression) {
    return fit(table + "_" + Checksums.sha256(expression.strip()).substring(0, HASH_LENGTH), "check");
  }

  public static int bytes(String identifier) {
    return identifier.getBytes(StandardCharsets.UTF_8).length;
  }

  /** {@code base_suffix}, or when that is too long {@code <cut base>_<hash>_suffix}. */
  static String fit(String base, String suffix) {
    String full = base + "_" + suffix;
    if (bytes(full) <= MAX_IDENTIFIER_BYTES) {
      return full;
    }
    String hash = Checksums.sha256(full).substring(0, HASH_LENGTH);
    int room = MAX_IDENTIFIER_BYTES - HASH_LENGTH - suffix.length() - 2;
    return cutToBytes(base, room) + "_" + hash + "_" + suffix;
  }

  private static String cutToBytes(String text, int maxBytes) {
    StringBuilder out = new StringBuilder();
    int used = 0;
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
      if (used + size > maxBytes) {
        break;
      }
      out.appendCodePoint(codePoint);
      used += size;
      i += Character.charCount(codePoint);
    }
    return out.toString();
  }
}

package dev.schemacode.model.introspect;

import java.util.Locale;

/**
 * Loose comparison of SQL expressions as written and as the catalog deparses them:
 * {@code 'EUR'} and {@code 'EUR'::character varying}, {@code returned_at IS NULL} and
 * {@code (returned_at IS NULL)} are the same. It is a normalisation, not a parser: expressions the
 * catalog rewrites more deeply ({@code BETWEEN}) compare as different.
 */
public final class Expressions {
  private Expressions() {}

  public static boolean same(String declared, String live) {
    return normalize(declared).equals(normalize(live));
  }

  static String normalize(String expression) {
    String text = expression.toLowerCase(Locale.ROOT);
    // The catalog prints a negative constant quoted, '-1'::integer, where people write -1.
    text = text.replaceAll("'(-[0-9]+(?:\\.[0-9]+)?(?:e[+-]?[0-9]+)?)'(?=::)", "$1");
    // casts the catalog adds: 'x'::text, (0)::numeric, '{}'::text[], 'a'::"Type"
    text = text.replaceAll("::(\"[^\"]+\"|[a-z_][a-z0-9_ .]*?)(\\(\\d+(,\\d+)?\\))?(\\[\\])?(?=[^a-z0-9_ .]|$)", "");
    text = text.replace("(", "").replace(")", "").replace("\"", "");
    return text.replaceAll("\\s+", "");
  }
}

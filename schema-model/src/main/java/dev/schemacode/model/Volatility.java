package dev.schemacode.model;

import java.util.List;
import java.util.Locale;

/**
 * Whether a default expression is volatile. Since PostgreSQL 11, adding a column with a
 * non-volatile default only touches the catalog; a volatile one ({@code random()},
 * {@code gen_random_uuid()}, {@code clock_timestamp()}) rewrites the table.
 */
final class Volatility {
  private static final List<String> VOLATILE_FUNCTIONS = List.of(
      "random(", "gen_random_uuid(", "uuid_generate_v", "clock_timestamp(", "timeofday(", "nextval(", "setseed(");

  private Volatility() {}

  static boolean isVolatile(String expression) {
    String lower = expression.toLowerCase(Locale.ROOT).replace(" ", "");
    return VOLATILE_FUNCTIONS.stream().anyMatch(lower::contains);
  }
}

package dev.schemacode.model;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a column type change treats the table: PostgreSQL changes some types in the catalog only,
 * rewrites the table for others, and may fail or round values when the new type is narrower.
 */
public enum TypeChange {
  /** Catalog-only: {@code varchar(n)} → {@code varchar(m ≥ n)} or {@code text}, wider {@code numeric} precision. */
  NO_REWRITE,
  /** Every value fits, but PostgreSQL rewrites the table: {@code integer} → {@code bigint}. */
  REWRITE,
  /** Values may not fit: anything else. Needs an acknowledgement. */
  NARROWING;

  private static final Pattern VARCHAR = Pattern.compile("varchar\\((\\d+)\\)");
  private static final Pattern NUMERIC = Pattern.compile("numeric(?:\\((\\d+),(\\d+)\\))?");
  private static final List<String> INTEGERS = List.of("smallint", "integer", "bigint");
  private static final List<String> FLOATS = List.of("real", "double precision");

  public static TypeChange classify(String from, String to) {
    if (from.equals(to)) {
      return NO_REWRITE;
    }
    Optional<Integer> fromLength = varcharLength(from);
    if (fromLength.isPresent()) {
      if (to.equals("text")) {
        return NO_REWRITE;
      }
      Optional<Integer> toLength = varcharLength(to);
      if (toLength.isPresent()) {
        return toLength.get() >= fromLength.get() ? NO_REWRITE : NARROWING;
      }
    }
    Matcher fromNumeric = NUMERIC.matcher(from);
    Matcher toNumeric = NUMERIC.matcher(to);
    if (fromNumeric.matches() && toNumeric.matches()) {
      if (toNumeric.group(1) == null) {
        return NO_REWRITE; // unconstrained numeric holds every numeric(p,s)
      }
      if (fromNumeric.group(1) == null) {
        return NARROWING;
      }
      int fromScale = Integer.parseInt(fromNumeric.group(2));
      int toScale = Integer.parseInt(toNumeric.group(2));
      int fromIntegerDigits = Integer.parseInt(fromNumeric.group(1)) - fromScale;
      int toIntegerDigits = Integer.parseInt(toNumeric.group(1)) - toScale;
      if (toScale == fromScale && toIntegerDigits >= fromIntegerDigits) {
        return NO_REWRITE;
      }
      return toScale >= fromScale && toIntegerDigits >= fromIntegerDigits ? REWRITE : NARROWING;
    }
    if (widens(INTEGERS, from, to) || widens(FLOATS, from, to)) {
      return REWRITE;
    }
    if (INTEGERS.contains(from) && (to.equals("numeric") || (toNumeric.matches() && integerDigits(toNumeric) >= 19))) {
      return REWRITE;
    }
    if (from.equals("timestamp") && to.equals("timestamptz")) {
      return REWRITE;
    }
    return NARROWING;
  }

  private static int integerDigits(Matcher numeric) {
    return Integer.parseInt(numeric.group(1)) - Integer.parseInt(numeric.group(2));
  }

  private static boolean widens(List<String> order, String from, String to) {
    return order.contains(from) && order.contains(to) && order.indexOf(to) > order.indexOf(from);
  }

  private static Optional<Integer> varcharLength(String type) {
    Matcher matcher = VARCHAR.matcher(type);
    return matcher.matches() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
  }
}

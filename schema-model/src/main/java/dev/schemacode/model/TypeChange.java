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

  /**
   * Whether values of both types compare with one btree operator family (PostgreSQL's
   * {@code integer_ops}, {@code numeric_ops}, {@code text_ops}, {@code float_ops},
   * {@code datetime_ops}): a foreign key survives a change between them, while across families
   * ({@code integer} → {@code numeric}) PostgreSQL "cannot implement" it and it must be dropped and
   * added again around the change.
   */
  public static boolean keepsComparisons(String from, String to) {
    Optional<String> family = family(from);
    return family.isPresent() && family.equals(family(to));
  }

  /**
   * Whether converting between the types depends on the session's {@code TimeZone}
   * ({@code timestamp} ↔ {@code timestamptz}, {@code date} → {@code timestamptz}). An index predicate
   * that compares such a column with a constant then needs a cast that is not immutable, and
   * PostgreSQL refuses to rebuild the index as part of the type change.
   */
  public static boolean convertsByTimeZone(String from, String to) {
    boolean fromZoned = from.equals("timestamptz");
    boolean toZoned = to.equals("timestamptz");
    return fromZoned != toZoned && family(from).filter("datetime"::equals).isPresent()
        && family(to).filter("datetime"::equals).isPresent();
  }

  private static Optional<String> family(String type) {
    if (INTEGERS.contains(type)) {
      return Optional.of("integer");
    }
    if (FLOATS.contains(type)) {
      return Optional.of("float");
    }
    if (NUMERIC.matcher(type).matches()) {
      return Optional.of("numeric");
    }
    if (type.equals("text") || type.equals("varchar") || VARCHAR.matcher(type).matches()) {
      return Optional.of("text");
    }
    if (type.equals("date") || type.equals("timestamp") || type.equals("timestamptz")) {
      return Optional.of("datetime");
    }
    return Optional.empty();
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

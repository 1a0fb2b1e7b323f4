package dev.schemacode.model;

import dev.schemacode.model.introspect.TypeNames;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a column type change treats the table: PostgreSQL changes some types in the catalog only,
 * rewrites the table for others, and may fail or round values when the new type is narrower.
 * Types are compared in their canonical spelling ({@link TypeNames}), so {@code timestamp(3) with
 * time zone} → {@code timestamptz(6)} is the precision change it is.
 */
public enum TypeChange {
  /**
   * Catalog-only: {@code varchar(n)} → {@code varchar(m ≥ n)} or {@code text}, wider {@code numeric}
   * precision, a finer {@code timestamp(p)}, {@code time(p)} or {@code interval}, {@code varbit(n)} →
   * {@code varbit(m ≥ n)}.
   */
  NO_REWRITE,
  /**
   * Every value fits, but PostgreSQL rewrites the table: {@code integer} → {@code bigint}, any type →
   * {@code text}, {@code integer[]} → {@code bigint[]}, {@code date} → {@code timestamptz}.
   */
  REWRITE,
  /** Values may not fit: anything else. Needs an acknowledgement. */
  NARROWING;

  private static final List<String> INTEGERS = List.of("smallint", "integer", "bigint");
  private static final List<String> FLOATS = List.of("real", "double precision");
  /** Decimal digits every value of an integer type has at most. */
  private static final Map<String, Integer> INTEGER_DIGITS = Map.of("smallint", 5, "integer", 10, "bigint", 19);
  /** Characters the text form of every value of these types has at most. */
  private static final Map<String, Integer> TEXT_LENGTH = Map.of("smallint", 6, "integer", 11, "bigint", 20,
      "boolean", 5, "uuid", 36);
  /** Interval fields from coarsest to finest; a typmod keeps everything down to its last field. */
  private static final List<String> INTERVAL_FIELDS = List.of("year", "month", "day", "hour", "minute", "second");
  private static final int MAX_TIME_PRECISION = 6;

  public static TypeChange classify(String from, String to) {
    Shape before = Shape.of(from);
    Shape after = Shape.of(to);
    if (before.equals(after)) {
      return NO_REWRITE;
    }
    if (before.array() != after.array()) {
      return NARROWING;
    }
    TypeChange element = scalar(before.element(), after.element());
    // PostgreSQL converts arrays element by element: a rewrite even where the element type needs none.
    return before.array() && element == NO_REWRITE ? REWRITE : element;
  }

  private static TypeChange scalar(Shape from, Shape to) {
    if (from.equals(to)) {
      return NO_REWRITE;
    }
    if (from.isText() || to.isText()) {
      return text(from, to);
    }
    if (from.isNumber() && to.isNumber()) {
      return number(from, to);
    }
    if (from.isTime() && to.isTime()) {
      return time(from, to);
    }
    if (from.name().equals("interval") && to.name().equals("interval")) {
      return interval(from, to);
    }
    if (from.isBits() && to.isBits()) {
      if (to.name().equals("varbit") && (to.length().isEmpty()
          || from.length().isPresent() && from.length().get() <= to.length().get())) {
        return from.name().equals("varbit") ? NO_REWRITE : REWRITE;
      }
      return NARROWING;
    }
    return NARROWING;
  }

  /** Between text types, and from any type to text, which holds every value's text form. */
  private static TypeChange text(Shape from, Shape to) {
    if (!to.isText()) {
      return NARROWING; // text → integer, enum, uuid…: values may not parse
    }
    Optional<Integer> room = to.length();
    if (to.name().equals("bpchar")) {
      return REWRITE; // bpchar(n) pads and compares without trailing spaces
    }
    if (!from.isText()) {
      Integer longest = TEXT_LENGTH.get(from.name());
      boolean fits = room.isEmpty() || longest != null && longest <= room.get();
      return fits ? REWRITE : NARROWING;
    }
    boolean fits = room.isEmpty() || from.length().isPresent() && from.length().get() <= room.get()
        && !from.name().equals("text");
    if (!fits) {
      return NARROWING;
    }
    // varchar and text share a representation; char(n) pads with blanks, converting to or from it rewrites
    boolean sameRepresentation = !from.name().equals("char") && !from.name().equals("bpchar") && !to.name().equals("char");
    return sameRepresentation ? NO_REWRITE : REWRITE;
  }

  private static TypeChange number(Shape from, Shape to) {
    String a = from.name();
    String b = to.name();
    if (a.equals("numeric") && b.equals("numeric")) {
      if (to.length().isEmpty()) {
        return NO_REWRITE; // unconstrained numeric holds every numeric(p,s)
      }
      if (from.length().isEmpty()) {
        return NARROWING;
      }
      int fromScale = from.scale();
      int toScale = to.scale();
      int fromIntegerDigits = from.length().get() - fromScale;
      int toIntegerDigits = to.length().get() - toScale;
      if (toScale == fromScale && toIntegerDigits >= fromIntegerDigits) {
        return NO_REWRITE;
      }
      return toScale >= fromScale && toIntegerDigits >= fromIntegerDigits ? REWRITE : NARROWING;
    }
    if (INTEGERS.contains(a)) {
      if (INTEGERS.contains(b)) {
        return INTEGERS.indexOf(b) > INTEGERS.indexOf(a) ? REWRITE : NARROWING;
      }
      if (b.equals("numeric")) {
        return to.length().isEmpty() || to.length().get() - to.scale() >= INTEGER_DIGITS.get(a) ? REWRITE : NARROWING;
      }
      // a real has a 24-bit mantissa, a double 53 bits
      boolean exact = b.equals("double precision") ? !a.equals("bigint") : a.equals("smallint");
      return exact ? REWRITE : NARROWING;
    }
    if (FLOATS.contains(a) && FLOATS.contains(b)) {
      return FLOATS.indexOf(b) > FLOATS.indexOf(a) ? REWRITE : NARROWING;
    }
    return NARROWING; // to an integer from a fraction, to a float from numeric, to numeric from a float (15 digits)
  }

  /** {@code date}, {@code timestamp[tz](p)}, {@code time[tz](p)}. */
  private static TypeChange time(Shape from, Shape to) {
    String a = from.name();
    String b = to.name();
    boolean finer = precision(to) >= precision(from);
    if (a.equals(b)) {
      return finer ? NO_REWRITE : NARROWING;
    }
    if (a.equals("date") && (b.equals("timestamp") || b.equals("timestamptz"))) {
      return REWRITE;
    }
    if (a.equals("timestamp") && b.equals("timestamptz") || a.equals("time") && b.equals("timetz")) {
      return finer ? REWRITE : NARROWING;
    }
    return NARROWING; // to a date, or away from a time zone
  }

  /** An interval keeps what its last field and precision allow; {@code interval second(3)} drops what is finer. */
  private static TypeChange interval(Shape from, Shape to) {
    boolean finer = precision(to) >= precision(from) && lastField(to) >= lastField(from);
    return finer ? NO_REWRITE : NARROWING;
  }

  private static int precision(Shape type) {
    return type.name().equals("date") ? 0 : type.length().orElse(MAX_TIME_PRECISION);
  }

  private static int lastField(Shape interval) {
    String[] words = interval.fields().split(" ");
    return interval.fields().isEmpty() ? INTERVAL_FIELDS.size() - 1 : INTERVAL_FIELDS.indexOf(words[words.length - 1]);
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
    boolean fromZoned = Shape.of(from).name().equals("timestamptz") && !Shape.of(from).array();
    boolean toZoned = Shape.of(to).name().equals("timestamptz") && !Shape.of(to).array();
    return fromZoned != toZoned && family(from).filter("datetime"::equals).isPresent()
        && family(to).filter("datetime"::equals).isPresent();
  }

  /**
   * Whether PostgreSQL converts between the types by an assignment cast, so {@code ALTER … TYPE}
   * needs no {@code USING}: within numbers, within text, within dates and timestamps, within bit
   * strings, and from anything to text. Such a conversion fails where a value does not fit a length,
   * instead of cutting it as an explicit cast would.
   */
  public static boolean assignable(String from, String to) {
    Shape before = Shape.of(from);
    Shape after = Shape.of(to);
    if (before.array() != after.array()) {
      return false;
    }
    Shape a = before.element();
    Shape b = after.element();
    return a.isNumber() && b.isNumber() || a.isText() && b.isText() || a.isBits() && b.isBits()
        || a.isTime() && b.isTime() && a.isClock() == b.isClock()
        || a.name().equals("interval") && b.name().equals("interval");
  }

  private static Optional<String> family(String type) {
    Shape shape = Shape.of(type);
    if (shape.array()) {
      return Optional.empty();
    }
    String name = shape.name();
    if (INTEGERS.contains(name)) {
      return Optional.of("integer");
    }
    if (FLOATS.contains(name)) {
      return Optional.of("float");
    }
    if (name.equals("numeric")) {
      return Optional.of("numeric");
    }
    if (name.equals("text") || name.equals("varchar")) {
      return Optional.of("text");
    }
    if (name.equals("date") || name.equals("timestamp") || name.equals("timestamptz")) {
      return Optional.of("datetime");
    }
    return Optional.empty();
  }

  /**
   * A canonical type taken apart: {@code numeric(10,2)[]} is {@code numeric}, length 10, scale 2, an
   * array; {@code interval day to second(3)} is {@code interval}, fields {@code day to second},
   * length 3. A user type is its (qualified) name.
   */
  record Shape(String name, String fields, Optional<Integer> length, int scale, boolean array) {
    private static final Pattern PARTS = Pattern.compile(
        "(interval)((?: [a-z]+)*)(?:\\((\\d+)\\))?|([a-z][a-z ]*?)(?:\\((\\d+)(?:,(\\d+))?\\))?");

    static Shape of(String type) {
      String canonical = TypeNames.canonical(type);
      boolean array = canonical.endsWith("[]");
      String base = array ? canonical.substring(0, canonical.length() - 2) : canonical;
      Matcher matcher = PARTS.matcher(base);
      if (!matcher.matches()) {
        return new Shape(base, "", Optional.empty(), 0, array);
      }
      if (matcher.group(1) != null) {
        return new Shape("interval", matcher.group(2).strip(), number(matcher.group(3)), 0, array);
      }
      return new Shape(matcher.group(4), "", number(matcher.group(5)),
          matcher.group(6) == null ? 0 : Integer.parseInt(matcher.group(6)), array);
    }

    private static Optional<Integer> number(String digits) {
      return digits == null ? Optional.empty() : Optional.of(Integer.parseInt(digits));
    }

    Shape element() {
      return new Shape(name, fields, length, scale, false);
    }

    boolean isText() {
      return name.equals("text") || name.equals("varchar") || name.equals("char") || name.equals("bpchar");
    }

    boolean isNumber() {
      return INTEGERS.contains(name) || FLOATS.contains(name) || name.equals("numeric");
    }

    boolean isTime() {
      return List.of("date", "timestamp", "timestamptz", "time", "timetz").contains(name);
    }

    /** {@code time} and {@code timetz}: a time of day, where the other time types are points in time. */
    boolean isClock() {
      return name.equals("time") || name.equals("timetz");
    }

    boolean isBits() {
      return name.equals("bit") || name.equals("varbit");
    }
  }
}

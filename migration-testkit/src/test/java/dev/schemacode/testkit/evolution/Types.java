package dev.schemacode.testkit.evolution;

import dev.schemacode.model.introspect.TypeNames;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the generator knows about each column type it uses: how it may be widened, which defaults,
 * checks and index predicates a person would write for it, and the values rows get. Every check
 * and predicate holds for every value and default here, so constraints added later never fail on
 * data by accident (a NOT NULL on NULLs does, by design: the runner backfills those first).
 */
final class Types {
  static final String MOOD = "mood";
  static final String TIER = "s2.tier";
  /** The labels an enum type starts with when a column first uses it. */
  static final Map<String, List<String>> INITIAL_LABELS = Map.of(MOOD, List.of("happy", "sad"), TIER, List.of("low", "high"));

  /**
   * Some in the catalog's own spelling ({@code format_type}: the modifier in the middle, arrays of
   * sized types), so that the drift check compares them with what the catalog prints (issue 12).
   */
  static final List<String> ALL = List.of("smallint", "integer", "bigint", "numeric(8,2)", "numeric(10,2)", "numeric",
      "real", "double precision", "varchar(10)", "varchar(40)", "text", "boolean", "date", "timestamp", "timestamptz",
      "uuid", "jsonb", "text[]", MOOD, MOOD + "[]", TIER,
      "timestamp(3) with time zone", "time(3) without time zone", "bit varying(8)", "character varying(20)[]",
      "interval day to second(3)", "numeric(10,2)[]", "integer[]");

  /** One step wider, never narrower: {@code TypeChange} must call each of these a rewrite at most. */
  private static final Map<String, List<String>> WIDER = Map.ofEntries(
      Map.entry("smallint", List.of("integer", "bigint", "numeric")),
      Map.entry("integer", List.of("bigint", "numeric", "numeric(21,2)")),
      Map.entry("bigint", List.of("numeric", "numeric(21,2)")),
      Map.entry("numeric(8,2)", List.of("numeric(10,2)", "numeric(12,3)", "numeric")),
      Map.entry("numeric(10,2)", List.of("numeric(12,3)", "numeric")),
      Map.entry("numeric(12,3)", List.of("numeric")),
      Map.entry("numeric(21,2)", List.of("numeric")),
      Map.entry("real", List.of("double precision")),
      Map.entry("varchar(10)", List.of("varchar(40)", "text")),
      Map.entry("varchar(40)", List.of("text")),
      Map.entry("timestamp", List.of("timestamptz")),
      Map.entry("timestamp(3) with time zone", List.of("timestamptz(6)", "timestamptz")),
      Map.entry("time(3) without time zone", List.of("time(6)", "time")),
      Map.entry("bit varying(8)", List.of("varbit(16)", "varbit")),
      Map.entry("character varying(20)[]", List.of("varchar(40)[]", "text[]")),
      Map.entry("interval day to second(3)", List.of("interval")),
      Map.entry("numeric(10,2)[]", List.of("numeric(12,2)[]", "numeric[]")),
      // issue 19: array widenings are no data loss
      Map.entry("integer[]", List.of("bigint[]")));

  private Types() {}

  static List<String> wider(String type) {
    return WIDER.getOrDefault(type, List.of());
  }

  static boolean isEnum(String type) {
    return enumOf(type).isPresent();
  }

  /** {@code mood} for {@code mood} and {@code mood[]}. */
  static Optional<String> enumOf(String type) {
    String base = type.endsWith("[]") ? type.substring(0, type.length() - 2) : type;
    return INITIAL_LABELS.containsKey(base) ? Optional.of(base) : Optional.empty();
  }

  static boolean isArray(String type) {
    return canonical(type).endsWith("[]");
  }

  static boolean isInteger(String type) {
    String t = canonical(type);
    return t.equals("smallint") || t.equals("integer") || t.equals("bigint");
  }

  static boolean isNumber(String type) {
    String t = canonical(type);
    return isInteger(t) || t.startsWith("numeric") && !isArray(t) || t.equals("real") || t.equals("double precision");
  }

  static boolean isText(String type) {
    String t = canonical(type);
    return (t.equals("text") || t.startsWith("varchar")) && !isArray(t);
  }

  static boolean isTimestamp(String type) {
    return canonical(type).startsWith("timestamp") && !isArray(type);
  }

  /** {@code time(3)} and the like: a time of day. */
  static boolean isTime(String type) {
    String t = canonical(type);
    return (t.equals("time") || t.startsWith("time(")) && !isArray(t);
  }

  static boolean isInterval(String type) {
    return canonical(type).startsWith("interval") && !isArray(type);
  }

  static boolean isBits(String type) {
    return canonical(type).startsWith("varbit") && !isArray(type);
  }

  /** The element type's kind of an array: {@code numeric(10,2)[]} is a number array. */
  private static String element(String type) {
    String t = canonical(type);
    return t.substring(0, t.length() - 2);
  }

  private static String canonical(String type) {
    return TypeNames.canonical(type);
  }

  /** Types whose generated values are all distinct, so unique constraints and keys may use them. */
  static boolean distinctValues(String type) {
    return isNumber(type) || isText(type) || type.equals("date") || isTimestamp(type) || type.equals("uuid")
        || isTime(type) || isInterval(type);
  }

  /** Defaults people write, as SQL; enum defaults are the type's first label at the time. */
  static List<String> defaults(String type, List<String> labels) {
    if (isArray(type) && !type.equals("text[]")) {
      return List.of("'{}'");
    }
    if (isInteger(type)) {
      return List.of("0", "42", "-1");
    }
    if (isNumber(type) && canonical(type).startsWith("numeric")) {
      return List.of("0", "1.5", "-2.25");
    }
    if (isNumber(type)) {
      return List.of("0", "1.5");
    }
    if (isText(type)) {
      return List.of("''", "'x'", "'it''s'");
    }
    if (isTimestamp(type) && !type.equals("timestamp") && !type.equals("timestamptz")) {
      return List.of("now()", "CURRENT_TIMESTAMP");
    }
    if (isTime(type)) {
      return List.of("'12:00:00'", "'23:59:59.5'");
    }
    if (isInterval(type)) {
      return List.of("'1 day'", "'00:00:01.5'");
    }
    if (isBits(type)) {
      return List.of("B'101'", "''");
    }
    return switch (type) {
      case "boolean" -> List.of("true", "false");
      case "date" -> List.of("CURRENT_DATE", "'2000-01-01'");
      case "timestamp" -> List.of("now()", "CURRENT_TIMESTAMP", "'2000-01-01 00:00:00'");
      case "timestamptz" -> List.of("now()", "CURRENT_TIMESTAMP");
      case "uuid" -> List.of("gen_random_uuid()");
      case "jsonb" -> List.of("'{}'", "'[]'::jsonb");
      case "text[]" -> List.of("'{}'", "ARRAY[]::text[]");
      default -> isArray(type) ? List.of("'{}'") : List.of("'" + labels.get(0) + "'");
    };
  }

  /**
   * A check on one column that every generated value and default satisfies (NULL passes a check).
   * Form 1 is one the catalog rewrites ({@code IN}, {@code BETWEEN}), form 0 one it keeps.
   */
  static String check(String type, String column, int form) {
    String c = quote(column);
    if (form % 2 == 1 && isNumber(type)) {
      return c + " BETWEEN -100 AND 1000000000";
    }
    if (form % 2 == 1 && isText(type)) {
      return c + " NOT IN ('zzz', 'yyy')";
    }
    if (form % 2 == 1 && (type.equals("date") || isTimestamp(type))) {
      return c + " BETWEEN '1990-01-01' AND '2100-01-01'";
    }
    if (isNumber(type)) {
      return c + " > -100";
    }
    if (isText(type)) {
      return "length(" + c + ") < 100";
    }
    if (isArray(type)) {
      return "cardinality(" + c + ") < 100";
    }
    if (isEnum(type)) {
      return c + "::text <> 'zzz'";
    }
    return switch (type) {
      case "date" -> c + " > '1990-01-01'";
      case "timestamp", "timestamptz" -> c + " > '1990-01-01'";
      case "uuid" -> c + " <> '00000000-0000-0000-0000-000000000000'";
      case "jsonb" -> "jsonb_typeof(" + c + ") <> 'string'";
      default -> "num_nonnulls(" + c + ") >= 0";
    };
  }

  /**
   * A check a person writes over an enum column: the values it may hold, listed. PostgreSQL keeps
   * the list as constants of the type ({@code c = ANY (ARRAY['a'::mood, …])}), which an enum rebuild
   * must not carry over; the enum edits keep the list equal to the type's labels.
   */
  static String enumCheck(String column, List<String> labels) {
    return quote(column) + " IN (" + String.join(", ", labels.stream().map(l -> "'" + l.replace("'", "''") + "'").toList()) + ")";
  }

  /** The values an {@link #enumCheck} on the column lists, if the expression is one. */
  static Optional<List<String>> enumCheckLabels(String column, String expression) {
    String start = quote(column) + " IN ('";
    if (!expression.startsWith(start) || !expression.endsWith("')")) {
      return Optional.empty();
    }
    String inner = expression.substring(start.length(), expression.length() - 2);
    return Optional.of(java.util.Arrays.stream(inner.split("', '")).map(l -> l.replace("''", "'")).toList());
  }

  /** A partial index predicate on an enum column, comparing it with one of its values. */
  static String enumPredicate(String column, String label) {
    return quote(column) + " <> '" + label.replace("'", "''") + "'";
  }

  /** A check over two columns. */
  static String checkOfTwo(String first, String second) {
    return "num_nonnulls(" + quote(first) + ", " + quote(second) + ") >= 0";
  }

  /** A partial index predicate on a column. */
  static String predicate(String type, String column) {
    String c = quote(column);
    if (isInteger(type)) {
      return c + " > 0";
    }
    if (isText(type) && canonical(type).equals("text")) {
      return c + " <> ''";
    }
    if (isText(type)) {
      return c + " IN ('a', 'b')";
    }
    if (isTimestamp(type)) {
      return c + " > '2000-01-01'";
    }
    return c + " IS NOT NULL";
  }

  /** Index methods that can index a column of this type. */
  static List<String> methods(String type) {
    if (type.equals("jsonb") || isArray(type)) {
      return List.of("btree", "gin");
    }
    if (isInteger(type) || type.equals("date") || isTimestamp(type) || isTime(type)) {
      return List.of("btree", "hash", "brin");
    }
    if (isBits(type)) {
      return List.of("btree"); // no hash operator class for bit strings
    }
    return List.of("btree", "hash");
  }

  // ---- values

  /** The {@code n}-th value of a type, as PostgreSQL prints it with {@code ::text}. */
  static String value(String type, long n, List<String> labels) {
    if (isArray(type) && !isEnum(type)) {
      String element = element(type);
      return "{" + (isInteger(element) ? Long.toString(n) : isNumber(element) ? n + ".25" : "v" + n) + "}";
    }
    if (isInteger(type)) {
      return Long.toString(n);
    }
    if (isTime(type)) {
      return java.time.LocalTime.MIDNIGHT.plusSeconds(n % 86_400).format(DateTimeFormatter.ofPattern("HH:mm:ss"));
    }
    if (isInterval(type)) {
      return n + " days";
    }
    if (isBits(type)) {
      return Long.toBinaryString(n % 256);
    }
    if (isTimestamp(type)) {
      return LocalDateTime.of(2000, 1, 1, 0, 0).plusMinutes(n).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
    }
    if (type.startsWith("numeric")) {
      return n + ".25";
    }
    if (isNumber(type)) {
      return n + ".5";
    }
    if (isText(type)) {
      return "v" + n;
    }
    if (isEnum(type)) {
      String label = labels.get((int) (n % labels.size()));
      return isArray(type) ? "{" + label + "}" : label;
    }
    return switch (type) {
      case "boolean" -> n % 2 == 0 ? "true" : "false";
      case "date" -> LocalDate.of(2000, 1, 1).plusDays(n).toString();
      case "timestamp", "timestamptz" -> LocalDateTime.of(2000, 1, 1, 0, 0).plusMinutes(n)
          .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
      case "uuid" -> String.format("00000000-0000-0000-0000-%012d", n);
      case "jsonb" -> "{\"n\": " + n + "}";
      case "text[]" -> "{v" + n + "}";
      default -> throw new IllegalArgumentException("no values for type " + type);
    };
  }

  /** The value as a SQL expression of the column's type. */
  static String literal(String text, String type) {
    return "'" + text.replace("'", "''") + "'::" + type;
  }

  /**
   * Whether a value read back as text still means what was written, after a widening: numbers by
   * value ({@code 5} and {@code 5.00}), timestamps without the zone a {@code timestamptz} prints.
   */
  static boolean sameValue(String expected, String actual) {
    if (expected == null || actual == null) {
      return expected == actual;
    }
    if (expected.equals(actual)) {
      return true;
    }
    try {
      return new BigDecimal(expected).compareTo(new BigDecimal(actual)) == 0;
    } catch (NumberFormatException notNumbers) {
      String zone = "[+-]\\d\\d(:\\d\\d)?$";
      return expected.replaceFirst(zone, "").equals(actual.replaceFirst(zone, ""));
    }
  }

  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}

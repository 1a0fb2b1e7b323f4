package dev.schemacode.model;

import dev.schemacode.model.introspect.TypeNames;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The check that runs before a narrowing type change. An acknowledged narrowing accepts that the
 * change may fail; it never licenses silent loss. PostgreSQL's conversions cut ({@code varchar(n)}
 * by an explicit cast, {@code bit(n)}) or round ({@code numeric(p,s)}, {@code numeric} → {@code
 * integer}, {@code timestamp(p)}, {@code double precision} → {@code real}, {@code interval hour})
 * without an error, so the generated migration first counts the rows whose value would change, under
 * a lock that keeps writers out until the change is made, and fails naming the table, the column and
 * the count, with the data as it was. Conversions that parse ({@code text} → {@code integer}) fail by
 * themselves on a value that does not parse; for enum types the count names the labels.
 */
final class Narrowing {
  private static final Map<String, String[]> INTEGER_RANGE = Map.of(
      "smallint", new String[] {"-32768", "32767"},
      "integer", new String[] {"-2147483648", "2147483647"},
      "bigint", new String[] {"-9223372036854775808", "9223372036854775807"});

  private Narrowing() {}

  /** The {@code DO} block that fails on rows that do not fit, or empty when the conversion cannot lose silently. */
  static Optional<String> guard(SchemaChange.AlterColumnType change) {
    String column = PostgresRenderer.quote(change.column());
    return misfit(column, change.from(), change.to(), change.labels()).map(condition -> {
      String table = PostgresRenderer.qualified(change.table());
      String what = "cannot change " + change.table() + "." + change.column() + " from " + change.from() + " to "
          + change.to();
      String format = what.replace("%", "%%");
      String select = "SELECT count(*) FROM " + table + " WHERE " + condition;
      return "DO $schemacode$\n"
          + "DECLARE\n"
          + "  misfits bigint;\n"
          + "BEGIN\n"
          // writers wait from here to the commit, so no row that does not fit arrives after the count
          + "  LOCK TABLE " + table + " IN SHARE MODE;\n"
          + "  BEGIN\n"
          + "    " + select.replace("count(*) FROM", "count(*) INTO misfits FROM") + ";\n"
          + "  EXCEPTION WHEN others THEN\n"
          + "    RAISE EXCEPTION " + PostgresRenderer.literal(format + ": a value does not convert (%)") + ", SQLERRM;\n"
          + "  END;\n"
          + "  IF misfits > 0 THEN\n"
          + "    RAISE EXCEPTION " + PostgresRenderer.literal(format + ": % rows hold values that do not fit, which"
              + " the change would cut or round; nothing was changed") + ", misfits\n"
          + "      USING HINT = " + PostgresRenderer.literal("change or delete those rows in a migration before this one;"
              + " they are: " + select.replace("count(*)", "*")) + ";\n"
          + "  END IF;\n"
          + "END\n"
          + "$schemacode$;\n";
    });
  }

  /** A condition that holds for the rows of {@code column} whose value would not survive the change. */
  static Optional<String> misfit(String column, String from, String to, List<String> labels) {
    TypeChange.Shape before = TypeChange.Shape.of(from);
    TypeChange.Shape after = TypeChange.Shape.of(to);
    if (before.array() != after.array()) {
      return Optional.empty();
    }
    String value = before.array() ? "element" : column;
    return element(value, before.element(), after.element(), elementSql(from), elementSql(to), labels).map(condition -> before.array()
        ? "EXISTS (SELECT 1 FROM unnest(" + column + ") AS element WHERE " + condition + ")"
        : condition);
  }

  private static String elementSql(String type) {
    String canonical = TypeNames.canonical(type);
    return canonical.endsWith("[]") ? canonical.substring(0, canonical.length() - 2) : canonical;
  }

  private static Optional<String> element(String v, TypeChange.Shape from, TypeChange.Shape to, String fromSql,
      String toSql, List<String> labels) {
    String target = to.name();
    if (!labels.isEmpty()) {
      return Optional.of(v + "::text NOT IN (" + labels.stream().map(PostgresRenderer::literal)
          .collect(Collectors.joining(", ")) + ")");
    }
    if ((target.equals("varchar") || target.equals("char")) && to.length().isPresent()) {
      return Optional.of("char_length(" + v + "::text) > " + to.length().get());
    }
    if (from.isBits() && to.isBits() && to.length().isPresent()) {
      return Optional.of("length(" + v + ") " + (target.equals("bit") ? "<> " : "> ") + to.length().get());
    }
    if (from.isNumber() && to.isNumber()) {
      boolean floating = from.name().equals("real") || from.name().equals("double precision");
      String exact = floating ? v + "::text::numeric" : v + "::numeric";
      if (target.equals("numeric") && to.length().isPresent()) {
        int integerDigits = to.length().get() - to.scale();
        return Optional.of(exact + " <> 'NaN' AND (round(" + exact + ", " + to.scale() + ") <> " + exact
            + " OR abs(" + exact + ") >= 1e" + integerDigits + ")");
      }
      String[] range = INTEGER_RANGE.get(target);
      if (range != null) {
        String outside = v + " < " + range[0] + " OR " + v + " > " + range[1];
        return Optional.of(INTEGER_RANGE.containsKey(from.name()) ? outside
            : "(" + v + " <> trunc(" + v + ") OR " + outside + ")");
      }
      if (target.equals("real") || target.equals("double precision")) {
        return Optional.of(v + "::" + target + "::text::numeric <> " + exact);
      }
      return Optional.empty();
    }
    if (from.isTime() && to.isTime() || from.name().equals("interval") && target.equals("interval")) {
      if (from.name().equals(target) || target.equals("date")) {
        return Optional.of(v + "::" + toSql + " <> " + v); // rounded, cut to a field, or to a day
      }
      return Optional.of(v + "::" + toSql + "::" + fromSql + " <> " + v); // away from a time zone
    }
    return Optional.empty();
  }
}

package dev.schemacode.model.introspect;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One spelling per PostgreSQL type, so that declared types ({@code timestamptz}, {@code varchar(3)},
 * {@code INT}) and the catalog's ({@code timestamp with time zone}, {@code character varying(3)})
 * compare equal.
 */
public final class TypeNames {
  private static final Map<String, String> SYNONYMS = Map.ofEntries(
      Map.entry("timestamp with time zone", "timestamptz"),
      Map.entry("timestamp without time zone", "timestamp"),
      Map.entry("time without time zone", "time"),
      Map.entry("time with time zone", "timetz"),
      Map.entry("character varying", "varchar"),
      Map.entry("character", "char"),
      Map.entry("bpchar", "char"),
      Map.entry("int", "integer"),
      Map.entry("int4", "integer"),
      Map.entry("int8", "bigint"),
      Map.entry("int2", "smallint"),
      Map.entry("bool", "boolean"),
      Map.entry("float4", "real"),
      Map.entry("float8", "double precision"),
      Map.entry("float", "double precision"),
      Map.entry("decimal", "numeric"),
      Map.entry("timestamptz", "timestamptz"));
  private static final Pattern WITH_MODIFIER = Pattern.compile("([a-z ]+?)\\s*(\\(.*\\))");

  private TypeNames() {}

  public static String canonical(String type) {
    String text = type.strip().replaceAll("\\s+", " ");
    String lower = text.toLowerCase(Locale.ROOT);
    if (text.contains("\"") || !text.equals(lower) && !looksBuiltIn(lower)) {
      return text; // a quoted or mixed-case user type: spelled as written
    }
    boolean array = lower.endsWith("[]");
    String base = array ? lower.substring(0, lower.length() - 2).strip() : lower;
    String modifier = "";
    Matcher matcher = WITH_MODIFIER.matcher(base);
    if (matcher.matches()) {
      base = matcher.group(1).strip();
      modifier = matcher.group(2).replace(" ", "");
    }
    base = SYNONYMS.getOrDefault(base, base);
    return base + modifier + (array ? "[]" : "");
  }

  private static boolean looksBuiltIn(String lower) {
    String base = lower.replaceAll("\\[\\]$", "").replaceAll("\\(.*\\)", "").strip();
    return SYNONYMS.containsKey(base) || SYNONYMS.containsValue(base)
        || base.matches("varchar|text|uuid|jsonb?|bytea|date|interval|numeric|integer|bigint|smallint|boolean|real|inet|cidr|point|citext");
  }
}

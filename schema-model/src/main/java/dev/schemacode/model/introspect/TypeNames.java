package dev.schemacode.model.introspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One spelling per PostgreSQL type, so that a declared type ({@code timestamptz(6)}, {@code
 * VARCHAR(20)[]}, {@code INT}, {@code float(30)}) and the catalog's ({@code format_type}: {@code
 * timestamp(6) with time zone}, {@code character varying(20)[]}, {@code integer}, {@code double
 * precision}) compare equal.
 *
 * <p>The type is parsed as PostgreSQL's grammar reads it, not matched as text: the SQL standard's
 * multi-word names put the modifier in the middle ({@code time(3) with time zone}, {@code bit
 * varying(8)}, {@code interval day to second(3)}), unquoted names fold to lower case, quoted ones do
 * not, {@code char} means {@code char(1)}, {@code numeric(10)} means {@code numeric(10,0)}, {@code
 * float(p)} is {@code real} or {@code double precision} by {@code p}, and array bounds are not kept.
 * The canonical spelling is the short one ({@code timestamptz(6)}, {@code varchar(20)[]}, {@code
 * varbit(8)}), itself valid SQL for the same type. Text that does not parse as a type is returned
 * with its white space collapsed, and so compares as written.
 */
public final class TypeNames {
  private static final Map<String, String> SIMPLE = Map.ofEntries(
      Map.entry("int", "integer"),
      Map.entry("integer", "integer"),
      Map.entry("int4", "integer"),
      Map.entry("smallint", "smallint"),
      Map.entry("int2", "smallint"),
      Map.entry("bigint", "bigint"),
      Map.entry("int8", "bigint"),
      Map.entry("bool", "boolean"),
      Map.entry("boolean", "boolean"),
      Map.entry("real", "real"),
      Map.entry("float4", "real"),
      Map.entry("float8", "double precision"));
  /** Field words of {@code interval}, as its grammar allows them. */
  private static final Set<String> INTERVAL_FIELDS = Set.of("year", "month", "day", "hour", "minute", "second");
  private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");
  /**
   * Names a type cannot have unquoted (reserved words, and words that are types of their own), so
   * that a user type of that name keeps its quotes, as {@code format_type} prints it.
   */
  private static final Set<String> QUOTED_NAMES = Set.of(
      "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "between",
      "bigint", "binary", "bit", "boolean", "both", "case", "cast", "char", "character", "check", "collate",
      "collation", "column", "concurrently", "constraint", "create", "cross", "current_catalog", "current_date",
      "current_role", "current_schema", "current_time", "current_timestamp", "current_user", "dec", "decimal",
      "default", "deferrable", "desc", "distinct", "do", "double", "else", "end", "except", "false", "fetch", "float",
      "for", "foreign", "freeze", "from", "full", "grant", "group", "having", "ilike", "in", "initially", "inner",
      "int", "integer", "intersect", "interval", "into", "is", "isnull", "join", "lateral", "leading", "left", "like",
      "limit", "localtime", "localtimestamp", "national", "natural", "nchar", "not", "notnull", "null", "numeric",
      "offset", "on", "only", "or", "order", "outer", "overlaps", "placing", "precision", "primary", "real",
      "references", "returning", "right", "select", "session_user", "similar", "smallint", "some", "symmetric",
      "system_user", "table", "tablesample", "then", "time", "timestamp", "to", "trailing", "true", "union", "unique",
      "user", "using", "varchar", "variadic", "verbose", "when", "where", "window", "with");

  private TypeNames() {}

  /** The canonical spelling of {@code type}; equal for two spellings of one type. */
  public static String canonical(String type) {
    String collapsed = type.strip().replaceAll("\\s+", " ");
    try {
      return new Parser(tokens(collapsed)).type();
    } catch (IllegalArgumentException notAType) {
      return collapsed;
    }
  }

  /** Whether the two spellings name the same type. */
  public static boolean same(String first, String second) {
    // equal spellings need no parse: the diff asks this of every column, nearly always of equal ones
    return first.equals(second) || canonical(first).equals(canonical(second));
  }

  /** The element type of an array type ({@code varchar(20)} for {@code character varying(20)[]}); empty otherwise. */
  public static Optional<String> elementType(String type) {
    String canonical = canonical(type);
    return canonical.endsWith("[]") ? Optional.of(canonical.substring(0, canonical.length() - 2)) : Optional.empty();
  }

  // ---- tokens

  private enum Kind { WORD, QUOTED, NUMBER, SYMBOL }

  /** A word is folded to lower case; a quoted name keeps its case, without the quotes. */
  private record Token(Kind kind, String text) {
    boolean is(String word) {
      return (kind == Kind.WORD || kind == Kind.SYMBOL) && text.equals(word);
    }
  }

  private static List<Token> tokens(String text) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == ' ') {
        i++;
      } else if (c == '"') {
        StringBuilder name = new StringBuilder();
        int j = i + 1;
        while (true) {
          if (j >= text.length()) {
            throw new IllegalArgumentException("unterminated quoted name");
          }
          if (text.charAt(j) == '"') {
            if (j + 1 < text.length() && text.charAt(j + 1) == '"') {
              name.append('"');
              j += 2;
              continue;
            }
            break;
          }
          name.append(text.charAt(j++));
        }
        String quoted = name.toString();
        // "text" is the type text; only "char" (the one-byte type) differs from char unquoted.
        boolean plain = PLAIN.matcher(quoted).matches() && !quoted.equals("char");
        tokens.add(new Token(plain ? Kind.WORD : Kind.QUOTED, quoted));
        i = j + 1;
      } else if (Character.isLetter(c) || c == '_') {
        int j = i;
        while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_' || text.charAt(j) == '$')) {
          j++;
        }
        tokens.add(new Token(Kind.WORD, foldAscii(text.substring(i, j))));
        i = j;
      } else if (Character.isDigit(c) || c == '-' || c == '+') {
        int j = i + 1;
        while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '.')) {
          j++;
        }
        tokens.add(new Token(Kind.NUMBER, text.substring(i, j)));
        i = j;
      } else if ("()[],.".indexOf(c) >= 0) {
        tokens.add(new Token(Kind.SYMBOL, String.valueOf(c)));
        i++;
      } else if (c == '\'') { // a string literal in a modifier (geometry('POINT'))
        int j = text.indexOf('\'', i + 1);
        if (j < 0) {
          throw new IllegalArgumentException("unterminated literal");
        }
        tokens.add(new Token(Kind.NUMBER, text.substring(i, j + 1)));
        i = j + 1;
      } else {
        throw new IllegalArgumentException("not part of a type name: " + c);
      }
    }
    return tokens;
  }

  // ---- the grammar of a type name, as far as the canonical form needs it

  private static final class Parser {
    private final List<Token> tokens;
    private int position;

    Parser(List<Token> tokens) {
      this.tokens = tokens;
    }

    String type() {
      if (peekIs("pg_catalog") && tokens.size() > 1 && tokens.get(1).is(".")) {
        position = 2;
      }
      String base = base();
      boolean array = false;
      while (position < tokens.size()) {
        if (accept("[")) {
          acceptKind(Kind.NUMBER);
          expect("]");
        } else if (accept("array")) {
          if (accept("[")) {
            acceptKind(Kind.NUMBER);
            expect("]");
          }
        } else {
          throw new IllegalArgumentException("unexpected " + tokens.get(position).text());
        }
        array = true;
      }
      return base + (array ? "[]" : "");
    }

    private String base() {
      Token first = next();
      if (first.kind() == Kind.QUOTED) {
        return userType(first);
      }
      if (first.kind() != Kind.WORD) {
        throw new IllegalArgumentException("a type starts with a name");
      }
      String word = first.text();
      String simple = SIMPLE.get(word);
      if (simple != null && !peekIs(".")) {
        return simple;
      }
      switch (word) {
        case "double":
          expect("precision");
          return "double precision";
        case "national":
          if (!accept("character") && !accept("char")) {
            throw new IllegalArgumentException("national character");
          }
          return character();
        case "character", "char", "nchar":
          return character();
        case "varchar":
          return "varchar" + optionalLength().map(n -> "(" + n + ")").orElse("");
        case "bpchar":
          return optionalLength().map(n -> "char(" + n + ")").orElse("bpchar");
        case "bit":
          if (accept("varying")) {
            return "varbit" + optionalLength().map(n -> "(" + n + ")").orElse("");
          }
          return "bit(" + optionalLength().orElse(1) + ")";
        case "varbit":
          return "varbit" + optionalLength().map(n -> "(" + n + ")").orElse("");
        case "timestamp", "time": {
          Optional<Integer> precision = optionalLength();
          boolean zoned = false;
          if (accept("with")) {
            zoned = true;
            expect("time");
            expect("zone");
          } else if (accept("without")) {
            expect("time");
            expect("zone");
          }
          return word + (zoned ? "tz" : "") + precision.map(p -> "(" + p + ")").orElse("");
        }
        case "timestamptz", "timetz":
          return word + optionalLength().map(p -> "(" + p + ")").orElse("");
        case "interval":
          return interval();
        case "numeric", "decimal", "dec":
          return numeric();
        case "float": {
          int precision = optionalLength().orElse(53);
          if (precision < 1 || precision > 53) {
            throw new IllegalArgumentException("float precision");
          }
          return precision <= 24 ? "real" : "double precision";
        }
        default:
          return userType(first);
      }
    }

    private String character() {
      if (accept("varying")) {
        return "varchar" + optionalLength().map(n -> "(" + n + ")").orElse("");
      }
      return "char(" + optionalLength().orElse(1) + ")";
    }

    private String interval() {
      Optional<Integer> precision = optionalLength();
      StringBuilder fields = new StringBuilder();
      if (precision.isEmpty() && position < tokens.size() && INTERVAL_FIELDS.contains(tokens.get(position).text())) {
        fields.append(' ').append(next().text());
        if (accept("to")) {
          Token last = next();
          if (!INTERVAL_FIELDS.contains(last.text())) {
            throw new IllegalArgumentException("interval field");
          }
          fields.append(" to ").append(last.text());
        }
        precision = optionalLength();
      }
      return "interval" + fields + precision.map(p -> "(" + p + ")").orElse("");
    }

    private String numeric() {
      if (!accept("(")) {
        return "numeric";
      }
      String precision = expectKind(Kind.NUMBER).text();
      String scale = accept(",") ? expectKind(Kind.NUMBER).text() : "0";
      expect(")");
      return "numeric(" + Integer.parseInt(precision) + "," + Integer.parseInt(scale) + ")";
    }

    /** {@code name}, {@code schema.name}, each part folded or quoted as written, then any modifiers as written. */
    private String userType(Token first) {
      List<String> parts = new ArrayList<>(List.of(first.text()));
      while (accept(".")) {
        Token part = next();
        if (part.kind() != Kind.WORD && part.kind() != Kind.QUOTED) {
          throw new IllegalArgumentException("a name part");
        }
        parts.add(part.text());
      }
      StringBuilder name = new StringBuilder();
      for (String part : parts) {
        name.append(name.isEmpty() ? "" : ".").append(quoteIfNeeded(part));
      }
      if (accept("(")) {
        List<String> modifiers = new ArrayList<>();
        do {
          Token modifier = next();
          if (modifier.kind() == Kind.SYMBOL) {
            throw new IllegalArgumentException("a modifier");
          }
          modifiers.add(modifier.kind() == Kind.QUOTED ? '"' + modifier.text() + '"' : modifier.text());
        } while (accept(","));
        expect(")");
        name.append('(').append(String.join(",", modifiers)).append(')');
      }
      return name.toString();
    }

    private Optional<Integer> optionalLength() {
      if (!accept("(")) {
        return Optional.empty();
      }
      Token number = expectKind(Kind.NUMBER);
      expect(")");
      try {
        return Optional.of(Integer.parseInt(number.text()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("a length", e);
      }
    }

    private Token next() {
      if (position >= tokens.size()) {
        throw new IllegalArgumentException("unexpected end");
      }
      return tokens.get(position++);
    }

    private boolean peekIs(String word) {
      return position < tokens.size() && tokens.get(position).is(word);
    }

    private boolean accept(String word) {
      if (peekIs(word)) {
        position++;
        return true;
      }
      return false;
    }

    private void expect(String word) {
      if (!accept(word)) {
        throw new IllegalArgumentException("expected " + word);
      }
    }

    private boolean acceptKind(Kind kind) {
      if (position < tokens.size() && tokens.get(position).kind() == kind) {
        position++;
        return true;
      }
      return false;
    }

    private Token expectKind(Kind kind) {
      Token token = next();
      if (token.kind() != kind) {
        throw new IllegalArgumentException("expected " + kind);
      }
      return token;
    }
  }

  /** PostgreSQL folds unquoted names to lower case in ASCII only (in a multi-byte encoding such as UTF-8). */
  private static String foldAscii(String word) {
    StringBuilder folded = new StringBuilder(word.length());
    word.chars().forEach(c -> folded.append((char) (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c)));
    return folded.toString();
  }

  private static String quoteIfNeeded(String name) {
    return PLAIN.matcher(name).matches() && !QUOTED_NAMES.contains(name) ? name : '"' + name.replace("\"", "\"\"") + '"';
  }
}

package dev.schemacode.runtime.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Splits a migration script into statements, so that a failure can name the statement and its
 * line. Follows psql's lexer ({@code src/fe_utils/psqlscan.l}) in what decides where a statement
 * ends: quoted strings (with {@code ''}), escape strings ({@code E'\''}), quoted identifiers,
 * dollar quoting, line comments and nested block comments hide semicolons; so do parentheses (a
 * rule's {@code DO ALSO (…; …)}), and so does a {@code BEGIN … END} body of a statement that starts
 * {@code CREATE [OR REPLACE] FUNCTION} or {@code PROCEDURE} (SQL-standard bodies, {@code BEGIN
 * ATOMIC}), where a {@code CASE} inside also ends with {@code END}: psql's own heuristic.
 */
public final class SqlScript {
  /** One statement without its terminating semicolon, and the 1-based line where it starts. */
  public record Statement(String sql, int line) {}

  /**
   * Scripts split lately, by their text, held weakly: a deploy splits each script to check it before
   * anything runs and again to run it, and a fleet does so for every target, with the same text (a
   * fleet lists its migrations once). An entry lives as long as the script's text is held elsewhere
   * (by the listing); the statements are copies, so they do not hold the key.
   */
  private static final Map<String, List<Statement>> SPLIT = Collections.synchronizedMap(new WeakHashMap<>());

  private SqlScript() {}

  /** The statements of {@code text}, in order; the list cannot be changed. */
  public static List<Statement> split(String text) {
    List<Statement> split = SPLIT.get(text);
    if (split == null) {
      split = List.copyOf(splitNow(text));
      SPLIT.put(text, split);
    }
    return split;
  }

  private static List<Statement> splitNow(String text) {
    // An editor's UTF-8 byte-order mark is no part of the SQL: sent on, PostgreSQL reads it as part of the first word.
    String script = dev.schemacode.model.ScriptDirectives.withoutByteOrderMark(text);
    List<Statement> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    Depth depth = new Depth();
    int line = 1;
    int startLine = -1;
    int i = 0;
    int n = script.length();
    while (i < n) {
      char c = script.charAt(i);
      int end;
      if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
        end = script.indexOf('\n', i);
        end = end < 0 ? n : end;
        i = end; // comments between statements are dropped; inside one they end at the newline
        continue;
      } else if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
        end = blockCommentEnd(script, i);
        if (startLine < 0) { // a comment between statements is not a statement
          line += (int) script.substring(i, end).chars().filter(ch -> ch == '\n').count();
          i = end;
          continue;
        }
      } else if (c == '\'') {
        end = quotedEnd(script, i, '\'', false);
      } else if (c == '"') {
        end = quotedEnd(script, i, '"', false);
      } else if (c == '$' && dollarTag(script, i) != null) {
        String tag = dollarTag(script, i);
        int close = script.indexOf(tag, i + tag.length());
        end = close < 0 ? n : close + tag.length();
      } else if (isIdentifierStart(c)) {
        end = i + 1;
        while (end < n && isIdentifierPart(script.charAt(end))) {
          end++;
        }
        String word = script.substring(i, end);
        if (word.equalsIgnoreCase("e") && end < n && script.charAt(end) == '\'') {
          end = quotedEnd(script, end, '\'', true); // E'…': backslash escapes
        } else {
          depth.word(word);
        }
      } else if (Character.isDigit(c)) {
        end = i + 1; // a number, with what sticks to it (1e5, 0x1F): never a keyword
        while (end < n && (isIdentifierPart(script.charAt(end)) || script.charAt(end) == '.')) {
          end++;
        }
      } else if (c == '(') {
        depth.parentheses++;
        end = i + 1;
      } else if (c == ')') {
        depth.parentheses = Math.max(0, depth.parentheses - 1);
        end = i + 1;
      } else if (c == ';' && depth.atTopLevel()) {
        addStatement(statements, current, startLine);
        current.setLength(0);
        startLine = -1;
        depth = new Depth();
        i++;
        continue;
      } else {
        end = i + 1;
      }
      String token = script.substring(i, end);
      if (startLine < 0 && !token.isBlank()) {
        startLine = line;
      }
      if (startLine >= 0) {
        current.append(token);
      }
      line += (int) token.chars().filter(ch -> ch == '\n').count();
      i = end;
    }
    addStatement(statements, current, startLine);
    return statements;
  }

  /**
   * What keeps a semicolon inside the statement, as psql tracks it: open parentheses, and the
   * {@code BEGIN}s of a function body not yet closed by {@code END}. The body is recognised only in a
   * statement whose first words are {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE}, and only outside
   * parentheses (a parameter may be called {@code begin}).
   */
  private static final class Depth {
    int parentheses;
    int begins;
    private final StringBuilder leading = new StringBuilder(); // first letters of the first four words
    private int words;

    void word(String word) {
      String lower = word.toLowerCase(java.util.Locale.ROOT);
      if (words < 4) {
        leading.append(switch (lower) {
          case "create", "function", "procedure", "or", "replace" -> lower.charAt(0);
          default -> '-';
        });
      }
      words++;
      if (parentheses > 0 || !(leading.toString().startsWith("cf") || leading.toString().startsWith("cp")
          || leading.toString().startsWith("corf") || leading.toString().startsWith("corp"))) {
        return;
      }
      switch (lower) {
        case "begin" -> begins++;
        case "case" -> begins += begins >= 1 ? 1 : 0; // CASE ends with END too, which matters only inside a body
        case "end" -> begins = Math.max(0, begins - 1);
        default -> { }
      }
    }

    boolean atTopLevel() {
      return parentheses == 0 && begins == 0;
    }
  }

  private static boolean isIdentifierStart(char c) {
    return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_' || c >= 0x80 && c != '\uFEFF';
  }

  private static boolean isIdentifierPart(char c) {
    return isIdentifierStart(c) || c >= '0' && c <= '9' || c == '$';
  }

  private static final java.util.regex.Pattern COPY_WITH_CLIENT =
      java.util.regex.Pattern.compile("(?is)copy\\b.*\\b(from\\s+stdin|to\\s+stdout)\\b.*");

  /**
   * The first {@code COPY … FROM STDIN} (or {@code TO STDOUT}): psql sends the rows that follow
   * it, but a migration has no client to do that, and the driver's own message says nothing useful.
   */
  public static java.util.Optional<Statement> copyWithClient(List<Statement> statements) {
    return statements.stream().filter(statement -> COPY_WITH_CLIENT.matcher(statement.sql()).matches()).findFirst();
  }

  private static void addStatement(List<Statement> statements, StringBuilder sql, int startLine) {
    String text = sql.toString().strip();
    if (!text.isEmpty()) {
      statements.add(new Statement(text, startLine));
    }
  }

  private static int blockCommentEnd(String s, int start) {
    int depth = 0;
    int i = start;
    while (i < s.length()) {
      if (s.startsWith("/*", i)) {
        depth++;
        i += 2;
      } else if (s.startsWith("*/", i)) {
        depth--;
        i += 2;
        if (depth == 0) {
          return i;
        }
      } else {
        i++;
      }
    }
    return s.length();
  }

  private static int quotedEnd(String s, int start, char quote, boolean backslashEscapes) {
    int i = start + 1;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (backslashEscapes && c == '\\') {
        i += 2;
      } else if (c == quote) {
        if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
          i += 2;
        } else {
          return i + 1;
        }
      } else {
        i++;
      }
    }
    return s.length();
  }

  /** {@code $$} or {@code $tag$} starting at {@code start}, or null when the dollar is not a quote. */
  private static String dollarTag(String s, int start) {
    if (start > 0 && (Character.isLetterOrDigit(s.charAt(start - 1)) || s.charAt(start - 1) == '_')) {
      return null; // part of an identifier such as a$b
    }
    int i = start + 1;
    while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
      if (i == start + 1 && Character.isDigit(s.charAt(i))) {
        return null; // $1 is a parameter
      }
      i++;
    }
    return i < s.length() && s.charAt(i) == '$' ? s.substring(start, i + 1) : null;
  }
}

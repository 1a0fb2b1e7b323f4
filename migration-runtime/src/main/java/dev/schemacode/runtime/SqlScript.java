package dev.schemacode.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a migration script into statements, so that a failure can name the statement and its
 * line. Understands what PostgreSQL's lexer does about semicolons: quoted strings (with
 * {@code ''}), escape strings ({@code E'\''}), quoted identifiers, dollar quoting, line comments and
 * nested block comments.
 */
final class SqlScript {
  /** One statement without its terminating semicolon, and the 1-based line where it starts. */
  record Statement(String sql, int line) {}

  private SqlScript() {}

  static List<Statement> split(String text) {
    // An editor's UTF-8 byte-order mark is no part of the SQL: sent on, PostgreSQL reads it as part of the first word.
    String script = dev.schemacode.model.ScriptDirectives.withoutByteOrderMark(text);
    List<Statement> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
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
        boolean escapes = i > 0 && (script.charAt(i - 1) == 'E' || script.charAt(i - 1) == 'e')
            && (i < 2 || !Character.isLetterOrDigit(script.charAt(i - 2)));
        end = quotedEnd(script, i, '\'', escapes);
      } else if (c == '"') {
        end = quotedEnd(script, i, '"', false);
      } else if (c == '$' && dollarTag(script, i) != null) {
        String tag = dollarTag(script, i);
        int close = script.indexOf(tag, i + tag.length());
        end = close < 0 ? n : close + tag.length();
      } else if (c == ';') {
        addStatement(statements, current, startLine);
        current.setLength(0);
        startLine = -1;
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

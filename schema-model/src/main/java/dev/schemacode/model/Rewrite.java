package dev.schemacode.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies renames to a schema model the way PostgreSQL applies them to the catalog: a renamed
 * table keeps its constraints (and their names), references to it follow it, a renamed column is
 * renamed in every key, constraint and index that lists it, and in the check and index predicate
 * expressions that mention it (PostgreSQL stores them parsed, so they follow the rename).
 */
final class Rewrite {
  private Rewrite() {}

  static Schema renameTable(Schema schema, QualifiedName from, QualifiedName to) {
    List<Table> tables = new ArrayList<>();
    for (Table table : schema.tables()) {
      QualifiedName name = table.name().equals(from) ? to : table.name();
      List<ForeignKey> keys = table.foreignKeys().stream()
          .map(k -> k.target().equals(from)
              ? new ForeignKey(k.name(), k.columns(), to, k.targetColumns(), k.onDelete(), k.onUpdate()) : k)
          .toList();
      tables.add(new Table(name, table.columns(), table.primaryKey(), table.uniques(), keys, table.checks(),
          table.indexes(), table.comment()));
    }
    return new Schema(schema.enums(), tables);
  }

  static Schema renameColumn(Schema schema, QualifiedName tableName, String from, String to) {
    List<Table> tables = new ArrayList<>();
    for (Table table : schema.tables()) {
      boolean own = table.name().equals(tableName);
      List<Column> columns = table.columns().stream()
          .map(c -> own && c.name().equals(from)
              ? new Column(to, c.type(), c.nullable(), c.identity(), c.defaultExpression(), c.comment()) : c)
          .toList();
      List<ForeignKey> keys = table.foreignKeys().stream()
          .map(k -> new ForeignKey(k.name(), own ? rename(k.columns(), from, to) : k.columns(), k.target(),
              k.target().equals(tableName) ? rename(k.targetColumns(), from, to) : k.targetColumns(),
              k.onDelete(), k.onUpdate()))
          .toList();
      if (!own) {
        tables.add(new Table(table.name(), columns, table.primaryKey(), table.uniques(), keys, table.checks(),
            table.indexes(), table.comment()));
        continue;
      }
      tables.add(new Table(table.name(), columns,
          table.primaryKey().map(k -> new PrimaryKey(k.name(), rename(k.columns(), from, to))),
          table.uniques().stream().map(u -> new UniqueConstraint(u.name(), rename(u.columns(), from, to))).toList(),
          keys,
          table.checks().stream().map(c -> new CheckConstraint(c.name(), renameIn(c.expression(), from, to))).toList(),
          table.indexes().stream().map(i -> new Index(i.name(), rename(i.columns(), from, to), i.unique(), i.method(),
              i.where().map(w -> renameIn(w, from, to)))).toList(),
          table.comment()));
    }
    return new Schema(schema.enums(), tables);
  }

  /** The table's key, unique constraint or index named {@code from} renamed (a unique constraint's index follows it). */
  static Schema renameRelation(Schema schema, QualifiedName tableName, String from, String to) {
    return new Schema(schema.enums(), schema.tables().stream().map(t -> !t.name().equals(tableName) ? t
        : new Table(t.name(), t.columns(),
            t.primaryKey().map(k -> k.name().equals(from) ? new PrimaryKey(to, k.columns()) : k),
            t.uniques().stream().map(u -> u.name().equals(from) ? new UniqueConstraint(to, u.columns()) : u).toList(),
            t.foreignKeys(), t.checks(),
            t.indexes().stream().map(i -> i.name().equals(from) ? new Index(to, i.columns(), i.unique(), i.method(), i.where()) : i)
                .toList(),
            t.comment()))
        .toList());
  }

  static Schema withoutTable(Schema schema, QualifiedName table) {
    return new Schema(schema.enums(), schema.tables().stream().filter(t -> !t.name().equals(table)).toList());
  }

  static Schema withoutForeignKey(Schema schema, QualifiedName table, String key) {
    return new Schema(schema.enums(), schema.tables().stream().map(t -> !t.name().equals(table) ? t
        : new Table(t.name(), t.columns(), t.primaryKey(), t.uniques(),
            t.foreignKeys().stream().filter(k -> !k.name().equals(key)).toList(), t.checks(), t.indexes(), t.comment()))
        .toList());
  }

  /** The column gone, with every key, constraint and index of its table that uses it. */
  static Schema dropColumn(Schema schema, QualifiedName table, String column) {
    return new Schema(schema.enums(), schema.tables().stream().map(t -> !t.name().equals(table) ? t
        : new Table(t.name(), t.columns().stream().filter(c -> !c.name().equals(column)).toList(),
            t.primaryKey().filter(k -> !k.columns().contains(column)),
            t.uniques().stream().filter(u -> !u.columns().contains(column)).toList(),
            t.foreignKeys().stream().filter(k -> !k.columns().contains(column)).toList(),
            t.checks().stream().filter(c -> !mentions(c.expression(), column)).toList(),
            t.indexes().stream().filter(i -> !uses(i, column)).toList(), t.comment()))
        .toList());
  }

  static boolean uses(Index index, String column) {
    return index.columns().contains(column) || index.where().filter(w -> mentions(w, column)).isPresent();
  }

  /**
   * Whether SQL text names the column, quoted or (for a plain lower-case name) not. String literals,
   * comments and function names do not count: {@code kind <> 'fax'} and {@code length(name)} do not
   * mention columns {@code fax} or {@code length}.
   */
  static boolean mentions(String expression, String column) {
    return !identifierSpans(expression, column).isEmpty();
  }

  /** The expression with every mention of column {@code from} naming {@code to}, as PostgreSQL rewrites it. */
  static String renameIn(String expression, String from, String to) {
    List<int[]> spans = identifierSpans(expression, from);
    if (spans.isEmpty()) {
      return expression;
    }
    StringBuilder result = new StringBuilder();
    int position = 0;
    for (int[] span : spans) {
      // quoted as it was written: the declaration a person updates keeps its own style
      boolean quoted = expression.charAt(span[0]) == '"';
      result.append(expression, position, span[0]).append(quoted ? PostgresRenderer.quote(to) : PostgresRenderer.quoteIfNeeded(to));
      position = span[1];
    }
    return result.append(expression.substring(position)).toString();
  }

  /** Start and end of each place the expression names the column, outside literals and comments. */
  private static List<int[]> identifierSpans(String expression, String column) {
    List<int[]> spans = new ArrayList<>();
    int i = 0;
    int length = expression.length();
    while (i < length) {
      char c = expression.charAt(i);
      if (c == '\'') {
        i = skipQuoted(expression, i, '\'');
      } else if (c == '-' && expression.startsWith("--", i)) {
        int end = expression.indexOf('\n', i);
        i = end < 0 ? length : end;
      } else if (c == '/' && expression.startsWith("/*", i)) {
        int end = expression.indexOf("*/", i + 2);
        i = end < 0 ? length : end + 2;
      } else if (c == '"') {
        int end = skipQuoted(expression, i, '"');
        String name = expression.substring(i + 1, end - 1).replace("\"\"", "\"");
        if (name.equals(column) && !calledAt(expression, end)) {
          spans.add(new int[] {i, end});
        }
        i = end;
      } else if (Character.isLetter(c) || c == '_') {
        int end = i + 1;
        while (end < length && (Character.isLetterOrDigit(expression.charAt(end)) || expression.charAt(end) == '_'
            || expression.charAt(end) == '$')) {
          end++;
        }
        // an unquoted name folds to lower case; a column whose name is not plain lower case needs quotes
        if (expression.substring(i, end).toLowerCase(java.util.Locale.ROOT).equals(column)
            && column.matches("[a-z_][a-z0-9_$]*") && !calledAt(expression, end) && !castTypeAt(expression, i)) {
          spans.add(new int[] {i, end});
        }
        i = end;
      } else if (Character.isDigit(c)) { // a number, with any exponent or suffix letters it carries
        int end = i + 1;
        while (end < length && (Character.isLetterOrDigit(expression.charAt(end)) || expression.charAt(end) == '.')) {
          end++;
        }
        i = end;
      } else {
        i++;
      }
    }
    return spans;
  }

  /** The index after a quoted run starting at {@code start}; a doubled quote stays inside. */
  private static int skipQuoted(String text, int start, char quote) {
    int i = start + 1;
    while (i < text.length()) {
      if (text.charAt(i) == quote) {
        if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return text.length();
  }

  /** A name followed by {@code (} is a function. */
  private static boolean calledAt(String text, int end) {
    int i = end;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i < text.length() && text.charAt(i) == '(';
  }

  /** A name right after {@code ::} is a type ({@code 'A'::status}), not a column. */
  private static boolean castTypeAt(String text, int start) {
    int i = start - 1;
    while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
      i--;
    }
    return i >= 1 && text.charAt(i) == ':' && text.charAt(i - 1) == ':';
  }

  static Schema replaceEnum(Schema schema, EnumType type) {
    List<EnumType> enums = schema.enums().stream().map(e -> e.name().equals(type.name()) ? type : e).toList();
    return new Schema(enums, schema.tables());
  }

  private static List<String> rename(List<String> columns, String from, String to) {
    return columns.stream().map(c -> c.equals(from) ? to : c).toList();
  }
}

package dev.schemacode.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies renames to a schema model the way PostgreSQL applies them to the catalog: a renamed
 * table keeps its constraints (and their names), references to it follow it, a renamed column is
 * renamed in every key, constraint and index that lists it.
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
          keys, table.checks(),
          table.indexes().stream().map(i -> new Index(i.name(), rename(i.columns(), from, to), i.unique(), i.method(),
              i.where())).toList(),
          table.comment()));
    }
    return new Schema(schema.enums(), tables);
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

  /** Whether SQL text names the column, quoted or (for a plain lower-case name) not. */
  static boolean mentions(String expression, String column) {
    if (expression.contains(PostgresRenderer.quote(column))) {
      return true;
    }
    return column.matches("[a-z_][a-z0-9_$]*")
        && java.util.regex.Pattern.compile("(?<![A-Za-z0-9_$\"])" + column + "(?![A-Za-z0-9_$\"])").matcher(expression).find();
  }

  static Schema replaceEnum(Schema schema, EnumType type) {
    List<EnumType> enums = schema.enums().stream().map(e -> e.name().equals(type.name()) ? type : e).toList();
    return new Schema(enums, schema.tables());
  }

  private static List<String> rename(List<String> columns, String from, String to) {
    return columns.stream().map(c -> c.equals(from) ? to : c).toList();
  }
}

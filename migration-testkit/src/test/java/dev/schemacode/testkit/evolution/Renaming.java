package dev.schemacode.testkit.evolution;

import dev.schemacode.model.CheckConstraint;
import dev.schemacode.model.ConstraintNames;
import dev.schemacode.model.ForeignKey;
import dev.schemacode.model.Index;
import dev.schemacode.model.PrimaryKey;
import dev.schemacode.model.QualifiedName;
import dev.schemacode.model.Table;
import dev.schemacode.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;

/**
 * Renames as the processor sees them: every name that was PostgreSQL's default for the old table or
 * column name becomes the default for the new one (the processor derives names anew each build),
 * names given explicitly stay, and SQL that mentions a renamed column is rewritten the way a person
 * must rewrite their {@code @Check} and {@code @Index(where)} text.
 */
final class Renaming {
  private Renaming() {}

  static List<Table> renameTable(List<Table> tables, QualifiedName from, QualifiedName to) {
    List<Table> result = new ArrayList<>();
    for (Table table : tables) {
      TableEditor t = new TableEditor(table);
      t.foreignKeys.replaceAll(k -> k.target().equals(from) ? retarget(k, to) : k);
      if (table.name().equals(from)) {
        String a = from.name();
        String b = to.name();
        t.name = to;
        t.primaryKey = t.primaryKey.map(k -> k.name().equals(ConstraintNames.primaryKey(a))
            ? new PrimaryKey(ConstraintNames.primaryKey(b), k.columns()) : k);
        t.uniques.replaceAll(u -> u.name().equals(ConstraintNames.unique(a, u.columns()))
            ? new UniqueConstraint(ConstraintNames.unique(b, u.columns()), u.columns()) : u);
        t.indexes.replaceAll(i -> i.name().equals(ConstraintNames.index(a, i.columns()))
            ? withName(i, ConstraintNames.index(b, i.columns())) : i);
        t.foreignKeys.replaceAll(k -> k.name().equals(ConstraintNames.foreignKey(a, k.columns()))
            ? withName(k, ConstraintNames.foreignKey(b, k.columns())) : k);
        t.checks.replaceAll(c -> new CheckConstraint(checkName(c.name(), c.expression(), a, b, c.expression()), c.expression()));
      }
      result.add(t.build());
    }
    return result;
  }

  static List<Table> renameColumn(List<Table> tables, QualifiedName tableName, String from, String to) {
    List<Table> result = new ArrayList<>();
    for (Table table : tables) {
      TableEditor t = new TableEditor(table);
      t.foreignKeys.replaceAll(k -> k.target().equals(tableName)
          ? new ForeignKey(k.name(), k.columns(), k.target(), rename(k.targetColumns(), from, to), k.onDelete(), k.onUpdate())
          : k);
      if (table.name().equals(tableName)) {
        String n = tableName.name();
        t.replaceColumn(from, c -> Draft.column(to, c.type(), c.nullable(), c.identity(), c.defaultExpression(), c.comment()));
        t.primaryKey = t.primaryKey.map(k -> new PrimaryKey(k.name(), rename(k.columns(), from, to)));
        t.uniques.replaceAll(u -> {
          List<String> columns = rename(u.columns(), from, to);
          String name = u.name().equals(ConstraintNames.unique(n, u.columns())) ? ConstraintNames.unique(n, columns) : u.name();
          return new UniqueConstraint(name, columns);
        });
        t.indexes.replaceAll(i -> {
          List<String> columns = rename(i.columns(), from, to);
          String name = i.name().equals(ConstraintNames.index(n, i.columns())) ? ConstraintNames.index(n, columns) : i.name();
          return new Index(name, columns, i.unique(), i.method(), i.where().map(w -> Expressions.rename(w, from, to)));
        });
        t.foreignKeys.replaceAll(k -> {
          List<String> columns = rename(k.columns(), from, to);
          String name = k.name().equals(ConstraintNames.foreignKey(n, k.columns())) ? ConstraintNames.foreignKey(n, columns) : k.name();
          return new ForeignKey(name, columns, k.target(), k.targetColumns(), k.onDelete(), k.onUpdate());
        });
        t.checks.replaceAll(c -> {
          String expression = Expressions.rename(c.expression(), from, to);
          String name = c.name().equals(ConstraintNames.columnCheck(n, from)) ? ConstraintNames.columnCheck(n, to)
              : checkName(c.name(), c.expression(), n, n, expression);
          return new CheckConstraint(name, expression);
        });
      }
      result.add(t.build());
    }
    return result;
  }

  /** A check's default name under a new table name or expression; other names stay. */
  private static String checkName(String name, String expression, String oldTable, String newTable, String newExpression) {
    if (name.equals(ConstraintNames.tableCheck(oldTable, expression))) {
      return ConstraintNames.tableCheck(newTable, newExpression);
    }
    String prefix = oldTable + "_";
    if (!oldTable.equals(newTable) && name.startsWith(prefix) && name.endsWith("_check")) {
      String column = name.substring(prefix.length(), name.length() - "_check".length());
      if (name.equals(ConstraintNames.columnCheck(oldTable, column))) {
        return ConstraintNames.columnCheck(newTable, column);
      }
    }
    return name;
  }

  private static ForeignKey retarget(ForeignKey key, QualifiedName target) {
    return new ForeignKey(key.name(), key.columns(), target, key.targetColumns(), key.onDelete(), key.onUpdate());
  }

  private static ForeignKey withName(ForeignKey key, String name) {
    return new ForeignKey(name, key.columns(), key.target(), key.targetColumns(), key.onDelete(), key.onUpdate());
  }

  private static Index withName(Index index, String name) {
    return new Index(name, index.columns(), index.unique(), index.method(), index.where());
  }

  private static List<String> rename(List<String> columns, String from, String to) {
    return columns.stream().map(c -> c.equals(from) ? to : c).toList();
  }
}

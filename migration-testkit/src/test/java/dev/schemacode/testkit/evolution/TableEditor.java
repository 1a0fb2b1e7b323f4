package dev.schemacode.testkit.evolution;

import dev.schemacode.model.CheckConstraint;
import dev.schemacode.model.Column;
import dev.schemacode.model.ForeignKey;
import dev.schemacode.model.Index;
import dev.schemacode.model.PrimaryKey;
import dev.schemacode.model.QualifiedName;
import dev.schemacode.model.Table;
import dev.schemacode.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** A mutable copy of a {@link Table}, so that edits read like what they do. */
final class TableEditor {
  QualifiedName name;
  final List<Column> columns;
  Optional<PrimaryKey> primaryKey;
  final List<UniqueConstraint> uniques;
  final List<ForeignKey> foreignKeys;
  final List<CheckConstraint> checks;
  final List<Index> indexes;
  Optional<String> comment;

  TableEditor(Table table) {
    name = table.name();
    columns = new ArrayList<>(table.columns());
    primaryKey = table.primaryKey();
    uniques = new ArrayList<>(table.uniques());
    foreignKeys = new ArrayList<>(table.foreignKeys());
    checks = new ArrayList<>(table.checks());
    indexes = new ArrayList<>(table.indexes());
    comment = table.comment();
  }

  Table build() {
    return new Table(name, columns, primaryKey, uniques, foreignKeys, checks, indexes, comment);
  }

  Column column(String column) {
    return columns.stream().filter(c -> c.name().equals(column)).findFirst().orElseThrow();
  }

  void replaceColumn(String column, UnaryOperator<Column> change) {
    columns.replaceAll(c -> c.name().equals(column) ? change.apply(c) : c);
  }

  /** Drops the column and every key, constraint and index of this table that uses it. */
  void dropColumn(String column) {
    columns.removeIf(c -> c.name().equals(column));
    uniques.removeIf(u -> u.columns().contains(column));
    foreignKeys.removeIf(k -> k.columns().contains(column));
    checks.removeIf(c -> Expressions.mentions(c.expression(), column));
    indexes.removeIf(i -> i.columns().contains(column) || i.where().filter(w -> Expressions.mentions(w, column)).isPresent());
  }
}

package dev.schemacode.model;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A table: columns in declaration order, its keys and constraints (each list sorted by name, so that
 * reordering annotations changes nothing), indexes and comment.
 */
public record Table(QualifiedName name, List<Column> columns, Optional<PrimaryKey> primaryKey,
    List<UniqueConstraint> uniques, List<ForeignKey> foreignKeys, List<CheckConstraint> checks,
    List<Index> indexes, Optional<String> comment) {

  public Table {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    Objects.requireNonNull(primaryKey, "primaryKey");
    uniques = sorted(uniques, Comparator.comparing(UniqueConstraint::name));
    foreignKeys = sorted(foreignKeys, Comparator.comparing(ForeignKey::name));
    checks = sorted(checks, Comparator.comparing(CheckConstraint::name));
    indexes = sorted(indexes, Comparator.comparing(Index::name));
    Objects.requireNonNull(comment, "comment");
    validate(name, columns, primaryKey, uniques, foreignKeys, indexes, checks);
  }

  public Table(QualifiedName name, List<Column> columns, Optional<PrimaryKey> primaryKey) {
    this(name, columns, primaryKey, List.of(), List.of(), List.of(), List.of(), Optional.empty());
  }

  private static <T> List<T> sorted(List<T> items, Comparator<T> order) {
    return items.stream().sorted(order).toList();
  }

  private static void validate(QualifiedName table, List<Column> columns, Optional<PrimaryKey> primaryKey,
      List<UniqueConstraint> uniques, List<ForeignKey> foreignKeys, List<Index> indexes,
      List<CheckConstraint> checks) {
    Set<String> columnNames = new HashSet<>();
    for (Column column : columns) {
      if (!columnNames.add(column.name())) {
        throw new IllegalArgumentException("table " + table + " has two columns named " + column.name());
      }
    }
    primaryKey.ifPresent(key -> requireColumns(table, "primary key", key.columns(), columnNames));
    uniques.forEach(u -> requireColumns(table, "unique constraint " + u.name(), u.columns(), columnNames));
    foreignKeys.forEach(f -> requireColumns(table, "foreign key " + f.name(), f.columns(), columnNames));
    indexes.forEach(i -> requireColumns(table, "index " + i.name(),
        i.columns().stream().filter(key -> !Index.isExpression(key)).toList(), columnNames));
    Set<String> constraintNames = new HashSet<>();
    primaryKey.ifPresent(key -> constraintNames.add(key.name()));
    for (String constraint : (Iterable<String>) java.util.stream.Stream.of(
        uniques.stream().map(UniqueConstraint::name),
        foreignKeys.stream().map(ForeignKey::name),
        checks.stream().map(CheckConstraint::name)).flatMap(s -> s)::iterator) {
      if (!constraintNames.add(constraint)) {
        throw new IllegalArgumentException("table " + table + " has two constraints named " + constraint);
      }
    }
  }

  private static void requireColumns(QualifiedName table, String what, List<String> names, Set<String> columns) {
    for (String column : names) {
      if (!columns.contains(column)) {
        throw new IllegalArgumentException(what + " of " + table + " names unknown column " + column);
      }
    }
  }

  public Optional<Column> column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
  }

  /** Names that live in the schema's relation namespace: the table, its key, unique constraints and indexes. */
  public List<String> relationNames() {
    List<String> names = new java.util.ArrayList<>();
    names.add(name.name());
    primaryKey.ifPresent(key -> names.add(key.name()));
    uniques.forEach(u -> names.add(u.name()));
    indexes.forEach(i -> names.add(i.name()));
    return names;
  }
}

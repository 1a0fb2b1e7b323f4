package dev.schemacode.model;

import java.util.ArrayList;
import java.util.Collections;
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
    uniques = sorted(uniques, UNIQUE_ORDER);
    foreignKeys = sorted(foreignKeys, FOREIGN_KEY_ORDER);
    checks = sorted(checks, CHECK_ORDER);
    indexes = sorted(indexes, INDEX_ORDER);
    Objects.requireNonNull(comment, "comment");
    validate(name, columns, primaryKey, uniques, foreignKeys, indexes, checks);
  }

  public Table(QualifiedName name, List<Column> columns, Optional<PrimaryKey> primaryKey) {
    this(name, columns, primaryKey, List.of(), List.of(), List.of(), List.of(), Optional.empty());
  }

  /*
   * Plain loops and sorts rather than streams here and in validate: the annotation processor builds
   * every table at least three times per compile, usually in a new javac whose code still runs in
   * the interpreter, where a stream pipeline costs many times the loop it replaces (with streams,
   * this constructor was about a tenth of the processor's time on 500 entities).
   */
  private static final Comparator<UniqueConstraint> UNIQUE_ORDER = Comparator.comparing(UniqueConstraint::name);
  private static final Comparator<ForeignKey> FOREIGN_KEY_ORDER = Comparator.comparing(ForeignKey::name);
  private static final Comparator<CheckConstraint> CHECK_ORDER = Comparator.comparing(CheckConstraint::name);
  private static final Comparator<Index> INDEX_ORDER = Comparator.comparing(Index::name);

  private static <T> List<T> sorted(List<T> items, Comparator<T> order) {
    if (items.size() < 2) {
      return List.copyOf(items);
    }
    List<T> copy = new ArrayList<>(items);
    copy.sort(order);
    return Collections.unmodifiableList(copy);
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
    Set<String> constraintNames = new HashSet<>();
    if (primaryKey.isPresent()) {
      requireColumns(table, "primary key", primaryKey.get().columns(), columnNames);
      constraintNames.add(primaryKey.get().name());
    }
    for (UniqueConstraint unique : uniques) {
      requireColumns(table, "unique constraint " + unique.name(), unique.columns(), columnNames);
      requireNewConstraintName(table, unique.name(), constraintNames);
    }
    for (ForeignKey key : foreignKeys) {
      requireColumns(table, "foreign key " + key.name(), key.columns(), columnNames);
      requireNewConstraintName(table, key.name(), constraintNames);
    }
    for (CheckConstraint check : checks) {
      requireNewConstraintName(table, check.name(), constraintNames);
    }
    for (Index index : indexes) {
      for (String key : index.columns()) {
        if (!Index.isExpression(key) && !columnNames.contains(key)) {
          throw new IllegalArgumentException("index " + index.name() + " of " + table + " names unknown column " + key);
        }
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

  private static void requireNewConstraintName(QualifiedName table, String constraint, Set<String> names) {
    if (!names.add(constraint)) {
      throw new IllegalArgumentException("table " + table + " has two constraints named " + constraint);
    }
  }

  public Optional<Column> column(String columnName) {
    for (Column column : columns) {
      if (column.name().equals(columnName)) {
        return Optional.of(column);
      }
    }
    return Optional.empty();
  }

  /** Names that live in the schema's relation namespace: the table, its key, unique constraints and indexes. */
  public List<String> relationNames() {
    List<String> names = new java.util.ArrayList<>();
    names.add(name.name());
    primaryKey.ifPresent(key -> names.add(key.name()));
    for (UniqueConstraint unique : uniques) {
      names.add(unique.name());
    }
    for (Index index : indexes) {
      names.add(index.name());
    }
    return names;
  }
}

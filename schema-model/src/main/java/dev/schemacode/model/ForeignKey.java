package dev.schemacode.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** {@code CONSTRAINT name FOREIGN KEY (columns) REFERENCES target (targetColumns) ON DELETE … ON UPDATE …}. */
public record ForeignKey(String name, List<String> columns, QualifiedName target, List<String> targetColumns,
    Action onDelete, Action onUpdate) {

  /** Referential actions, in PostgreSQL's words. */
  public enum Action {
    NO_ACTION, RESTRICT, CASCADE, SET_NULL, SET_DEFAULT;

    /** {@code NO ACTION}, {@code SET NULL}, … */
    public String sql() {
      return name().replace('_', ' ');
    }

    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  public ForeignKey {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    Objects.requireNonNull(target, "target");
    targetColumns = List.copyOf(targetColumns);
    Objects.requireNonNull(onDelete, "onDelete");
    Objects.requireNonNull(onUpdate, "onUpdate");
    if (columns.isEmpty() || columns.size() != targetColumns.size()) {
      throw new IllegalArgumentException("foreign key " + name + " has " + columns.size()
          + " columns referencing " + targetColumns.size());
    }
  }
}

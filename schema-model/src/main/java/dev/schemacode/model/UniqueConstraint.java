package dev.schemacode.model;

import java.util.List;
import java.util.Objects;

/** {@code CONSTRAINT name UNIQUE (columns)}. */
public record UniqueConstraint(String name, List<String> columns) {
  public UniqueConstraint {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("unique constraint " + name + " has no columns");
    }
  }
}

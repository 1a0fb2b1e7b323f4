package dev.schemacode.model;

import java.util.Objects;

/** {@code CONSTRAINT name CHECK (expression)}. */
public record CheckConstraint(String name, String expression) {
  public CheckConstraint {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(expression, "expression");
  }
}

package dev.schemacode.model;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/** {@code CREATE TYPE name AS ENUM (labels)}; the order of labels is the type's sort order. */
public record EnumType(QualifiedName name, List<String> labels) {
  public EnumType {
    Objects.requireNonNull(name, "name");
    labels = List.copyOf(labels);
    if (labels.isEmpty()) {
      throw new IllegalArgumentException("enum type " + name + " has no labels");
    }
    if (new HashSet<>(labels).size() != labels.size()) {
      throw new IllegalArgumentException("enum type " + name + " repeats a label");
    }
  }
}

package dev.schemacode.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code CREATE [UNIQUE] INDEX name ON table USING method (columns) [WHERE predicate]}.
 * {@code method} is lower case; {@code btree} is PostgreSQL's default. A key in parentheses is an
 * expression ({@code (lower(email))}), kept as the text PostgreSQL prints and compared as such:
 * annotations cannot declare one, but a live database read by introspection may have one, made by a
 * hand-written migration.
 */
public record Index(String name, List<String> columns, boolean unique, String method, Optional<String> where) {
  public static final String DEFAULT_METHOD = "btree";

  public Index {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(where, "where");
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("index " + name + " has no columns");
    }
  }

  /** A key that is an expression in parentheses, not a column name. */
  public static boolean isExpression(String key) {
    return key.startsWith("(") && key.endsWith(")");
  }
}

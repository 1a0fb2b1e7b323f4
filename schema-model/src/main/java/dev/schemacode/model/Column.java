package dev.schemacode.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A column as declared. {@code type} is the PostgreSQL type as SQL text ({@code bigint},
 * {@code varchar(255)}, {@code numeric(12,2)}, {@code collection_status}, {@code text[]});
 * {@code defaultExpression} is SQL written verbatim into the DDL.
 */
public record Column(String name, String type, boolean nullable, boolean identity,
    Optional<String> defaultExpression, Optional<String> comment) {
  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaultExpression, "defaultExpression");
    Objects.requireNonNull(comment, "comment");
    if (identity && nullable) {
      throw new IllegalArgumentException("identity column " + name + " cannot be nullable");
    }
    if (identity && defaultExpression.isPresent()) {
      throw new IllegalArgumentException("identity column " + name + " cannot have a default");
    }
  }

  public Column(String name, String type, boolean nullable, boolean identity) {
    this(name, type, nullable, identity, Optional.empty(), Optional.empty());
  }

  public static Column required(String name, String type) {
    return new Column(name, type, false, false);
  }

  public static Column optional(String name, String type) {
    return new Column(name, type, true, false);
  }

  public static Column identity(String name, String type) {
    return new Column(name, type, false, true);
  }

  public Column withDefault(String expression) {
    return new Column(name, type, nullable, identity, Optional.of(expression), comment);
  }

  public Column withComment(String text) {
    return new Column(name, type, nullable, identity, defaultExpression, Optional.of(text));
  }
}

package dev.schemacode.model;

import java.util.Objects;

/**
 * A column as declared. {@code type} is the PostgreSQL type in its canonical spelling
 * ({@code bigint}, {@code varchar(255)}, {@code numeric(12,2)}), which is also how the catalog
 * reports it, so that declared and live schemas compare as text.
 */
public record Column(String name, String type, boolean nullable, boolean identity) {
  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (identity && nullable) {
      throw new IllegalArgumentException("identity column " + name + " cannot be nullable");
    }
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
}

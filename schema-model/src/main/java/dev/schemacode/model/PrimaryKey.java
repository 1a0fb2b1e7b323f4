package dev.schemacode.model;

import java.util.List;
import java.util.Objects;

/** A primary key: its constraint name and its columns in key order. */
public record PrimaryKey(String name, List<String> columns) {
  public PrimaryKey {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("primary key " + name + " has no columns");
    }
  }

  /** PostgreSQL's own default name, so that a table created by hand matches the declaration. */
  public static PrimaryKey defaultFor(String table, List<String> columns) {
    return new PrimaryKey(table + "_pkey", columns);
  }
}

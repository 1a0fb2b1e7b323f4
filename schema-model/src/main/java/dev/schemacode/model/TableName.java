package dev.schemacode.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * A table's name within its PostgreSQL schema. An empty {@code schema} means the connection's
 * default schema (the first on {@code search_path}, normally {@code public}); such tables are
 * rendered unqualified so that a deployment can choose its schema.
 */
public record TableName(String schema, String name) implements Comparable<TableName> {
  private static final Comparator<TableName> ORDER =
      Comparator.comparing(TableName::schema).thenComparing(TableName::name);

  public TableName {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(name, "name");
  }

  public static TableName of(String name) {
    return new TableName("", name);
  }

  public boolean inDefaultSchema() {
    return schema.isEmpty();
  }

  @Override
  public int compareTo(TableName other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return inDefaultSchema() ? name : schema + "." + name;
  }
}

package dev.schemacode.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * The name of a table or type within its PostgreSQL schema. An empty {@code schema} means the
 * connection's default schema (the first on {@code search_path}, normally {@code public}); such
 * names are rendered unqualified so that a deployment can choose its schema.
 */
public record QualifiedName(String schema, String name) implements Comparable<QualifiedName> {
  private static final Comparator<QualifiedName> ORDER =
      Comparator.comparing(QualifiedName::schema).thenComparing(QualifiedName::name);

  public QualifiedName {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(name, "name");
  }

  public static QualifiedName of(String name) {
    return new QualifiedName("", name);
  }

  public boolean inDefaultSchema() {
    return schema.isEmpty();
  }

  @Override
  public int compareTo(QualifiedName other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return inDefaultSchema() ? name : schema + "." + name;
  }
}

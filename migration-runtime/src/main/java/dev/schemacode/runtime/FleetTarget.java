package dev.schemacode.runtime;

import java.util.Objects;

/**
 * One target of a {@link Fleet}: a tenant schema in a database ({@code schema} non-null), or a
 * whole database. {@link #toString()} names it without a password.
 */
public record FleetTarget(DatabaseUrl url, String schema) {
  public FleetTarget {
    Objects.requireNonNull(url, "url");
  }

  /** The schema's name for a schema target, the URL without its password for a database. */
  public String name() {
    return schema != null ? schema : url.toString();
  }

  @Override
  public String toString() {
    return name();
  }
}

package dev.schemacode.runtime.internal;

/** Quoting for the few names and values the runtime puts into SQL text itself. */
public final class Sql {
  private Sql() {}

  static String identifier(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  static String literal(String value) {
    return '\'' + value.replace("'", "''") + '\'';
  }
}

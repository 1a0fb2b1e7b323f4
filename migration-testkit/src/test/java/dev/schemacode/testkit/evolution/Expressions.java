package dev.schemacode.testkit.evolution;

/** The generator always quotes identifiers in the SQL it writes, so that renaming them is a plain replace. */
final class Expressions {
  private Expressions() {}

  static boolean mentions(String expression, String column) {
    return expression.contains(Types.quote(column));
  }

  static String rename(String expression, String from, String to) {
    return expression.replace(Types.quote(from), Types.quote(to));
  }
}

package dev.schemacode.processor;

import dev.schemacode.model.ConstraintNames;
import javax.lang.model.element.Element;

/** Checks names users write: PostgreSQL would silently truncate one past 63 bytes. */
final class Identifiers {
  private Identifiers() {}

  static boolean check(Reporter reporter, Element element, String what, String name) {
    String problem = null;
    if (name.isBlank()) {
      problem = "it is blank";
    } else if (name.indexOf('\0') >= 0) {
      problem = "it contains a NUL character";
    } else if (ConstraintNames.bytes(name) > ConstraintNames.MAX_IDENTIFIER_BYTES) {
      problem = "it is " + ConstraintNames.bytes(name)
          + " bytes long and PostgreSQL silently truncates identifiers to 63 bytes; choose a shorter name";
    }
    if (problem != null) {
      reporter.error(element, Diagnostic.BAD_NAME, what, name, element.getSimpleName(), problem);
      return false;
    }
    return true;
  }
}

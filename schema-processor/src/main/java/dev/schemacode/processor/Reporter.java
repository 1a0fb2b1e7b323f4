package dev.schemacode.processor;

import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/** Sends diagnostics to javac, always on the element at fault when there is one, and counts errors. */
final class Reporter {
  private final Messager messager;
  private int errors;

  Reporter(Messager messager) {
    this.messager = messager;
  }

  void error(Element element, Diagnostic diagnostic, Object... arguments) {
    errors++;
    messager.printMessage(Kind.ERROR, diagnostic.format(arguments), element);
  }

  void error(Diagnostic diagnostic, Object... arguments) {
    errors++;
    messager.printMessage(Kind.ERROR, diagnostic.format(arguments));
  }

  void warning(Diagnostic diagnostic, Object... arguments) {
    messager.printMessage(Kind.WARNING, diagnostic.format(arguments));
  }

  void note(Diagnostic diagnostic, Object... arguments) {
    messager.printMessage(Kind.NOTE, diagnostic.format(arguments));
  }

  boolean hasErrors() {
    return errors > 0;
  }
}

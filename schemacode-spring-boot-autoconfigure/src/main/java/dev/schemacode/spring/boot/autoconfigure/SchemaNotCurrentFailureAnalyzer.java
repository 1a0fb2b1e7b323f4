package dev.schemacode.spring.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Check-only start-up ({@code schemacode.on-startup=check}) refused: says which migrations, and what to do. */
public class SchemaNotCurrentFailureAnalyzer extends AbstractFailureAnalyzer<SchemaNotCurrentException> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, SchemaNotCurrentException cause) {
    StringBuilder description = new StringBuilder(
        "schemacode.on-startup=check: the database schema is not the one this build expects, so the application"
            + " did not start.\n");
    if (!cause.pending().isEmpty()) {
      description.append("\nPending migrations (not applied yet):\n");
      cause.pending().forEach(m -> description.append("    ").append(m.label()).append('\n'));
    }
    if (!cause.problems().isEmpty()) {
      description.append("\nProblems in the history:\n");
      cause.problems().forEach(m -> description.append("    ").append(m.explanation()).append('\n'));
    }
    String action = cause.problems().isEmpty()
        ? "Run `schemacode deploy` against this database before starting this version (the pre-deploy step), or"
            + " set schemacode.on-startup=deploy to apply migrations at start-up."
        : "Resolve the problems listed above (each line says how), then run `schemacode deploy`.";
    return new FailureAnalysis(description.toString(), action, cause);
  }
}

package dev.schemacode.spring.boot.autoconfigure;

import dev.schemacode.runtime.MigrationException;
import dev.schemacode.runtime.ScriptFailedException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a failed start-up migration into one readable block: the migration, the statement, and what
 * PostgreSQL said. The runtime's messages never carry a password, so neither does this.
 */
public class SchemacodeMigrationFailureAnalyzer extends AbstractFailureAnalyzer<MigrationException> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, MigrationException cause) {
    if (!(cause instanceof ScriptFailedException failed)) {
      return new FailureAnalysis("schemacode could not migrate the database during start-up:\n\n    "
          + cause.getMessage(), "Fix what the message names, then start the application again.", cause);
    }
    StringBuilder description = new StringBuilder("A schemacode ").append(failed.kind())
        .append(" failed during start-up, so the application did not start.\n\n");
    description.append("    Migration:  ").append(failed.script()).append(" (").append(failed.location()).append(")\n");
    failed.statement().ifPresent(statement -> description.append("    Statement:  line ")
        .append(failed.line().orElse(0)).append(": ").append(statement).append('\n'));
    description.append("    PostgreSQL: ").append(failed.serverMessage()).append("\n\n");
    description.append(failed.getMessage());
    return new FailureAnalysis(description.toString(),
        "Fix " + failed.script() + " (or the data it meets) and start again: a migration that ran in a transaction was"
            + " rolled back and is applied on the next start. One marked -- schemacode:no-transaction may have"
            + " left part of its work behind: the message above says what, and how to resolve it.", cause);
  }
}

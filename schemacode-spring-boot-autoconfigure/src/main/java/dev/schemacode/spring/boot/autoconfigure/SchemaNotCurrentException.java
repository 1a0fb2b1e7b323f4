package dev.schemacode.spring.boot.autoconfigure;

import dev.schemacode.runtime.MigrationInfo;
import java.util.List;

/**
 * Start-up in check-only mode ({@code schemacode.on-startup=check}) found the database not at the
 * schema this build expects: migrations pending, or a history with problems. The message names each.
 */
public class SchemaNotCurrentException extends RuntimeException {
  private final List<MigrationInfo> pending;
  private final List<MigrationInfo> problems;

  public SchemaNotCurrentException(List<MigrationInfo> pending, List<MigrationInfo> problems) {
    super(message(pending, problems));
    this.pending = List.copyOf(pending);
    this.problems = List.copyOf(problems);
  }

  private static String message(List<MigrationInfo> pending, List<MigrationInfo> problems) {
    StringBuilder message = new StringBuilder("the database schema is not the one this build expects");
    if (!pending.isEmpty()) {
      message.append("; pending: ").append(String.join(", ", pending.stream().map(MigrationInfo::label).toList()));
    }
    if (!problems.isEmpty()) {
      message.append("; problems: ").append(String.join("; ", problems.stream().map(MigrationInfo::explanation).toList()));
    }
    return message.toString();
  }

  public List<MigrationInfo> pending() {
    return pending;
  }

  public List<MigrationInfo> problems() {
    return problems;
  }
}

package dev.schemacode.runtime;

import java.util.List;

/**
 * What {@code validate} found: the migrations that would stop a deploy, and those it would apply.
 * Pending migrations are not a problem; they are what a deploy is for.
 */
public record Validation(MigrationStatus status, List<MigrationInfo> problems, List<MigrationInfo> pending) {
  public Validation {
    problems = List.copyOf(problems);
    pending = List.copyOf(pending);
  }

  public boolean valid() {
    return problems.isEmpty();
  }
}

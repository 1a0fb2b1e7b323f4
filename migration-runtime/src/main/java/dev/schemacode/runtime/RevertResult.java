package dev.schemacode.runtime;

import java.util.List;
import java.util.Optional;

/**
 * What {@code revert} did.
 *
 * @param reverted the migrations undone, newest first ({@code V0007__add_phone})
 * @param scripts the reverse scripts run, in order ({@code U0007__add_phone.sql})
 * @param currentVersion the newest migration still applied, if any
 */
public record RevertResult(List<String> reverted, List<String> scripts, Optional<String> currentVersion) {
  public RevertResult {
    reverted = List.copyOf(reverted);
    scripts = List.copyOf(scripts);
  }
}

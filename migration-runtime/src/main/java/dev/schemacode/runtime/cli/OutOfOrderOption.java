package dev.schemacode.runtime.cli;

import dev.schemacode.runtime.Migrator;
import picocli.CommandLine.Option;

/** {@code --out-of-order}: pending migrations older than the newest applied one are allowed. */
final class OutOfOrderOption {
  @Option(names = "--out-of-order",
      description = "Allow (and apply) pending migrations older than the newest applied one, e.g. from a branch"
          + " merged late. Without it they stop the deploy.")
  boolean outOfOrder;

  Migrator.Builder applyTo(Migrator.Builder builder) {
    return builder.outOfOrder(outOfOrder);
  }
}

package dev.schemacode.runtime;

import java.util.Optional;

/** One migration's state, with its file and its history row when each exists. */
public record MigrationInfo(String version, String name, MigrationState state,
    Optional<ResolvedMigration> resolved, Optional<AppliedMigration> applied) {

  /** {@code V0001__init}. */
  public String label() {
    return "V" + version + "__" + name;
  }

  /** The version as a number, for ordering and lookup. */
  public long number() {
    return Long.parseLong(version);
  }

  /** One sentence for a person: what is wrong and what to do; for states that are not problems, the state. */
  public String explanation() {
    switch (state) {
      case MODIFIED:
        return label() + " was modified after it was applied (checksum differs); restore the file, or accept it"
            + " with `schemacode resolve --applied " + version + "`";
      case MISSING:
        return label() + " was applied but is not among the migrations of this build; restore the file, or forget"
            + " it with `schemacode resolve --rolled-back " + version + "`";
      case FAILED:
        return label() + " failed earlier (or was interrupted) outside a transaction and needs `schemacode resolve"
            + " --applied " + version + "` or `--rolled-back " + version + "` once the database is repaired";
      case OUT_OF_ORDER:
        return label() + " is pending but older than the newest applied migration; allow it with --out-of-order"
            + " (Migrator.builder().outOfOrder(true)), or renumber it";
      default:
        return label() + " is " + state.label();
    }
  }
}

package dev.schemacode.histories;

import java.util.List;
import java.util.Set;

/**
 * One entity version of a replayed history.
 *
 * @param version the directory under the history's {@code entities/} with the classes this version adds or
 *     changes (a {@code DELETED} file there lists the ones it removes); the others carry over
 * @param reference the project's own migrations (under {@code reference/}) that bring its database to the
 *     same schema, or none when this version is half of a change the project made in one file (a column
 *     added nullable, backfilled, then made {@code NOT NULL})
 * @param renames what this version renames, for following the rows
 * @param filled "table.column" whose values this version changes on purpose (through a backfill)
 * @param backfill a hand-written migration (under {@code backfills/}) added after this version is deployed,
 *     recorded by the next compilation and applied with it, as a user writes one
 */
record Step(String version, List<String> reference, Renames renames, Set<String> filled, String backfill) {
  static Step of(String version, String... reference) {
    return new Step(version, List.of(reference), Renames.NONE, Set.of(), null);
  }

  Step renaming(String... renames) {
    return new Step(version, reference, Renames.of(renames), filled, backfill);
  }

  Step filling(String... columns) {
    return new Step(version, reference, renames, Set.of(columns), backfill);
  }

  Step thenBackfill(String file) {
    return new Step(version, reference, renames, filled, file);
  }
}

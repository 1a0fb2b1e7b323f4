package dev.schemacode.runtime.internal;

import dev.schemacode.model.AppliedDigest;
import dev.schemacode.runtime.AppliedMigration;
import dev.schemacode.runtime.ResolvedMigration;
import java.util.List;

/**
 * The digest of a history that the start-up check compares instead of every row: the XOR of one MD5
 * per row over {@code version checksum success}, which is what decides a migration's state
 * ({@link MigrationStatus#merge}). An XOR of per-row hashes, not a chain, because a trigger must keep
 * it from the changed row alone, whichever row a writer inserts, updates or deletes (see
 * {@link HistoryTable}); and it does not depend on the order rows were written in. It guards against
 * accidents, not against someone who rewrites the summary row by hand.
 */
public final class HistoryDigest {
  /** The digest of an empty history. */
  static final String EMPTY = AppliedDigest.EMPTY;

  private HistoryDigest() {}

  /** What the history's digest is when every one of these migrations is applied, successfully, as it is now. */
  public static String allApplied(List<ResolvedMigration> migrations) {
    AppliedDigest digest = new AppliedDigest();
    for (ResolvedMigration migration : migrations) {
      digest.add(migration.version(), migration.checksum());
    }
    return digest.hex();
  }

  /** The digest these rows give the history, as its triggers keep it: what a deploy expects to find until it writes. */
  static AppliedDigest of(List<AppliedMigration> rows) {
    AppliedDigest digest = new AppliedDigest();
    for (AppliedMigration row : rows) {
      digest.toggle(row.version(), row.checksum(), row.success());
    }
    return digest;
  }

  /** The row's term ({@link AppliedDigest#term}) in SQL, over the row variable {@code row} ({@code NEW}, {@code OLD}) of the trigger. */
  static String termSql(String row) {
    return "('x' || md5(" + row + ".version || ' ' || " + row + ".checksum || ' ' || " + row + ".success::text))::bit(128)";
  }
}

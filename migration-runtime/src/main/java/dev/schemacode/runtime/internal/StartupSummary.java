package dev.schemacode.runtime.internal;

import dev.schemacode.runtime.MigrationSource;
import dev.schemacode.runtime.ResolvedMigration;
import java.util.List;
import java.util.Optional;

/**
 * What the start-up check compares a history with: the {@link HistoryDigest} it has when every
 * migration of a source is applied as it is, and the newest version. A source that cannot have
 * changed since an earlier call (a generated index, a directory whose listing and ledger are as they
 * were) gives the summary it kept, without listing anything: with nothing pending the check then
 * costs the same with 200 or 10,000 migrations. The listing itself is built when the history differs.
 */
public final class StartupSummary {
  /**
   * A source that can keep its summary between calls: {@link #of(MigrationSource)} takes the kept one
   * when there is one, and lists only when there is not.
   */
  public interface Source {
    /** The summary when it can be had without listing anything (kept, or built with the source); else null. */
    StartupSummary keptSummary();

    /** The summary of a listing made now, kept for later calls where the source allows it. */
    StartupSummary listedSummary();
  }

  private final MigrationSource source;
  private final String digest;
  private final Optional<String> currentVersion;
  private List<ResolvedMigration> listing;

  private StartupSummary(MigrationSource source, String digest, Optional<String> currentVersion,
      List<ResolvedMigration> listing) {
    this.source = source;
    this.digest = digest;
    this.currentVersion = currentVersion;
    this.listing = listing;
  }

  /** The summary of {@code source}: kept, when the source keeps one, else from its listing now. */
  public static StartupSummary of(MigrationSource source) {
    StartupSummary kept = kept(source);
    return kept != null ? kept : listed(source);
  }

  /** The summary of {@code source} when it has one without listing anything; else null (see {@link SummaryAhead}). */
  public static StartupSummary kept(MigrationSource source) {
    return source instanceof Source keeping ? keeping.keptSummary() : null;
  }

  /** The summary of a listing of {@code source} made now (kept for later calls where the source keeps one). */
  public static StartupSummary listed(MigrationSource source) {
    return source instanceof Source keeping ? keeping.listedSummary() : of(source, source.listing());
  }

  /** The summary of a listing just built, which it keeps for {@link #listing()}. */
  public static StartupSummary of(MigrationSource source, List<ResolvedMigration> listing) {
    return new StartupSummary(source, HistoryDigest.allApplied(listing),
        listing.isEmpty() ? Optional.empty() : Optional.of(listing.get(listing.size() - 1).version()), listing);
  }

  /**
   * A summary computed when the source was built (a generated index carries its own, {@link
   * dev.schemacode.model.MigrationIndex#summary()}): nothing is listed unless the history differs.
   */
  public static StartupSummary built(MigrationSource source, String digest, String currentVersion) {
    return new StartupSummary(source, digest, Optional.of(currentVersion), null);
  }

  /** The same summary for a later call of {@code source}, without the listing (which holds scripts once read). */
  StartupSummary keptFor(MigrationSource later) {
    return new StartupSummary(later, digest, currentVersion, null);
  }

  public String digest() {
    return digest;
  }

  public Optional<String> currentVersion() {
    return currentVersion;
  }

  /** The source's listing: the one this summary was made from, or a new one. */
  public List<ResolvedMigration> listing() {
    if (listing == null) {
      listing = source.listing();
    }
    return listing;
  }
}

package dev.schemacode.runtime.internal;

import dev.schemacode.model.DeclaredSchema;
import dev.schemacode.model.Ledger;
import dev.schemacode.runtime.MigrationSource;
import dev.schemacode.runtime.ResolvedMigration;
import dev.schemacode.runtime.ScriptFolder;
import java.util.List;
import java.util.Optional;

/**
 * One fleet run's migrations, listed once and shared by the migrators of all its targets: each
 * script is read from its jar or directory and checked against its checksum once per run, not once
 * per target (a thousand tenants made that a thousand class-path reads and hashes of every script,
 * in the client's time between round trips). The listing's migrations read their scripts when first
 * needed, once ({@link ResolvedMigration#script()} is synchronised), so a run with nothing pending
 * still reads none. Held for the run only: what the fleet keeps per target is unchanged.
 *
 * <p>A listing or a script that fails (a missing file, a checksum that differs) is not kept: every
 * target that needs it fails the same way, as each would on its own.
 */
public final class SharedSource implements MigrationSource, StartupSummary.Source {
  private final MigrationSource source;
  private List<ResolvedMigration> listing;
  private List<ResolvedMigration> resolved;
  private StartupSummary summary;
  private Optional<Ledger> ledger;

  public SharedSource(MigrationSource source) {
    this.source = source;
  }

  @Override
  public synchronized List<ResolvedMigration> listing() {
    if (listing == null) {
      listing = List.copyOf(source.listing());
    }
    return listing;
  }

  @Override
  public synchronized List<ResolvedMigration> resolve() {
    if (resolved == null) {
      resolved = List.copyOf(source.resolve());
    }
    return resolved;
  }

  /** The digest of the listing, made once; each call gets a summary of its own over the shared listing. */
  @Override
  public synchronized StartupSummary keptSummary() {
    return summary != null ? summary.keptFor(this) : null;
  }

  @Override
  public synchronized StartupSummary listedSummary() {
    if (summary == null) {
      summary = StartupSummary.of(this, listing());
    }
    return summary.keptFor(this);
  }

  @Override
  public String description() {
    return source.description();
  }

  @Override
  public synchronized Optional<Ledger> ledger() {
    if (ledger == null) {
      ledger = source.ledger();
    }
    return ledger;
  }

  @Override
  public Optional<DeclaredSchema> declared() {
    return source.declared();
  }

  @Override
  public ScriptFolder folder(String name) {
    return source.folder(name);
  }

  @Override
  public Optional<String> companion(String fileName) {
    return source.companion(fileName);
  }
}

package dev.schemacode.runtime;

import dev.schemacode.model.MigrationFileName;
import dev.schemacode.model.MigrationIndex;
import dev.schemacode.runtime.internal.ClasspathLocation;
import dev.schemacode.runtime.internal.KeptSummaries;
import dev.schemacode.runtime.internal.StartupSummary;
import java.util.ArrayList;
import java.util.List;

/**
 * The migrations a generated index lists, loaded from the class path (see {@link
 * MigrationSource#index}). An index is a constant of generated code: its start-up summary is made
 * once per index and kept.
 */
final class IndexSource extends ClasspathLocation implements StartupSummary.Source {
  private final MigrationIndex index;

  IndexSource(MigrationIndex index, ClassLoader loader) {
    super(index.resourcePath(), loader);
    this.index = index;
  }

  @Override
  public List<ResolvedMigration> resolve() {
    // read and check every one now, as resolve() promises (but those archived after a checkpoint)
    return loadedUnlessArchived(listing());
  }

  @Override
  public List<ResolvedMigration> listing() {
    List<ResolvedMigration> migrations = new ArrayList<>();
    String listedIn = "the migration index of " + description(); // once, not per migration: start-up path
    for (MigrationIndex.Entry entry : index.migrations()) {
      MigrationFileName file = MigrationFileName.parse(entry.file()).orElseThrow(() -> new ConfigurationException(
          "the migration index of " + description() + " lists '" + entry.file()
              + "', which is not named V<version>__<name>.sql"));
      migrations.add(MigrationSource.Sources.deferred(loader, folder, file, entry.checksum(), listedIn));
    }
    return MigrationSource.Sources.inOrder(migrations, description());
  }

  /**
   * Kept per index object, whatever the class loader: the digest and version come from the index
   * alone. A generated index carries them, computed by the processor, so even the first check of a
   * new JVM lists and hashes nothing (the one it carries is kept from then on); null for an index made
   * by hand that was not listed yet.
   */
  @Override
  public StartupSummary keptSummary() {
    Object key = KeptSummaries.identityOf(index);
    StartupSummary kept = KeptSummaries.find(key, Boolean.TRUE, this);
    if (kept != null) {
      return kept;
    }
    MigrationIndex.Summary built = index.summary();
    if (built == null) {
      return null;
    }
    StartupSummary summary = StartupSummary.built(this, built.digest(), built.currentVersion());
    KeptSummaries.keep(key, Boolean.TRUE, summary);
    return summary;
  }

  /** An index made by hand is listed once. A listing that fails (a misnamed entry, two of one version) keeps nothing, so it fails again. */
  @Override
  public StartupSummary listedSummary() {
    StartupSummary summary = StartupSummary.of(this, listing());
    KeptSummaries.keep(KeptSummaries.identityOf(index), Boolean.TRUE, summary);
    return summary;
  }
}

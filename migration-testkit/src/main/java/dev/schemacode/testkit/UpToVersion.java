package dev.schemacode.testkit;

import dev.schemacode.model.Ledger;
import dev.schemacode.runtime.MigrationSource;
import dev.schemacode.runtime.ResolvedMigration;
import dev.schemacode.runtime.ScriptFolder;
import java.util.List;
import java.util.Optional;

/**
 * The migrations of a source up to and including one version, so that the runtime applies exactly
 * those: {@code migrateTo("0007")} then {@code migrateTo("0008")} is how a deploy of V7 and a later
 * deploy of V8 would go.
 */
final class UpToVersion implements MigrationSource {
  private final MigrationSource source;
  private final long last;

  UpToVersion(MigrationSource source, long last) {
    this.source = source;
    this.last = last;
  }

  @Override
  public List<ResolvedMigration> resolve() {
    return source.resolve().stream().filter(m -> m.file().number() <= last).toList();
  }

  @Override
  public String description() {
    return source.description();
  }

  @Override
  public Optional<Ledger> ledger() {
    return source.ledger();
  }

  @Override
  public ScriptFolder folder(String name) {
    return source.folder(name);
  }
}

package dev.schemacode.bench.tools;

import dev.schemacode.runtime.DatabaseUrl;
import dev.schemacode.runtime.MigrationSource;
import dev.schemacode.runtime.Migrator;

/**
 * {@code Migrator.builder()....migrations(MigrationSource.directory(dir))}: what {@code schemacode
 * deploy --migrations dir} does. A directory has no index, so every file is read and hashed.
 */
public final class SchemacodeDirectoryRunner implements Runner {
  @Override
  public void migrate(Target target) {
    Migrator.Builder builder = target.pool() != null ? Migrator.builder().dataSource(target.pool())
        : Migrator.builder().url(DatabaseUrl.parse(target.url()));
    builder.migrations(MigrationSource.directory(target.directory())).build().migrate();
  }
}

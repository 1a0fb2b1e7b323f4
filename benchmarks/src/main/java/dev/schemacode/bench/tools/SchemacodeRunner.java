package dev.schemacode.bench.tools;

import dev.schemacode.model.MigrationIndex;
import dev.schemacode.runtime.DatabaseUrl;
import dev.schemacode.runtime.MigrationSource;
import dev.schemacode.runtime.Migrator;

/**
 * {@code Migrator.builder().dataSource(pool) / .url(...).migrations(SchemacodeMigrations.INDEX).build().migrate()}:
 * migrations from the class path through the index class the processor generates, as the README
 * recommends for applications.
 */
public final class SchemacodeRunner implements Runner {
  @Override
  public void migrate(Target target) throws Exception {
    MigrationIndex index = (MigrationIndex) target.loader().loadClass(INDEX_CLASS).getField("INDEX").get(null);
    Migrator.Builder builder = target.pool() != null ? Migrator.builder().dataSource(target.pool())
        : Migrator.builder().url(DatabaseUrl.parse(target.url()));
    builder.migrations(MigrationSource.index(index, target.loader())).build().migrate();
  }
}

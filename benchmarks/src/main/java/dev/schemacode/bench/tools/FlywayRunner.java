package dev.schemacode.bench.tools;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * {@code Flyway.configure(classLoader).dataSource(...).locations("classpath:db/migration").load().migrate()},
 * defaults otherwise (so it validates checksums before migrating, as it does out of the box).
 */
public final class FlywayRunner implements Runner {
  @Override
  public void migrate(Target target) {
    FluentConfiguration configuration = Flyway.configure(target.loader()).locations("classpath:" + FOLDER);
    if (target.pool() != null) {
      configuration.dataSource(target.pool());
    } else {
      configuration.dataSource(target.url(), null, null);
    }
    configuration.load().migrate();
  }
}

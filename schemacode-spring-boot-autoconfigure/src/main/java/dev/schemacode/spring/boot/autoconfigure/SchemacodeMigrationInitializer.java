package dev.schemacode.spring.boot.autoconfigure;

import dev.schemacode.runtime.Migrator;
import java.util.Objects;
import org.springframework.beans.factory.InitializingBean;

/**
 * Runs the start-up strategy when the context creates this bean. Boot's database-initialization
 * ordering (see {@link SchemacodeMigrationInitializerDatabaseInitializerDetector}) makes every bean
 * that uses the database ({@code JdbcTemplate}, {@code JdbcClient}, jOOQ's {@code DSLContext}, JPA's
 * {@code EntityManagerFactory}, beans marked {@code @DependsOnDatabaseInitialization}) depend on it,
 * so they are created after the migrations.
 */
public class SchemacodeMigrationInitializer implements InitializingBean {
  private final Migrator migrator;
  private final SchemacodeMigrationStrategy strategy;

  public SchemacodeMigrationInitializer(Migrator migrator, SchemacodeMigrationStrategy strategy) {
    this.migrator = Objects.requireNonNull(migrator, "migrator");
    this.strategy = Objects.requireNonNull(strategy, "strategy");
  }

  @Override
  public void afterPropertiesSet() {
    strategy.migrate(migrator);
  }
}

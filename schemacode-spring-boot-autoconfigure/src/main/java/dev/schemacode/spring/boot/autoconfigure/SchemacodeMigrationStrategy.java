package dev.schemacode.spring.boot.autoconfigure;

import dev.schemacode.runtime.Migrator;

/**
 * What happens to the database during start-up, for an application that wants full control (as
 * Flyway's {@code FlywayMigrationStrategy}): define a bean of this type and it replaces what
 * {@code schemacode.on-startup} says. It still runs before anything that uses the database.
 *
 * <pre>{@code
 * @Bean
 * SchemacodeMigrationStrategy migrateUnlessReadOnly(Migrator migrator) {
 *   return m -> { if (!readOnlyReplica) m.migrate(); };
 * }
 * }</pre>
 */
@FunctionalInterface
public interface SchemacodeMigrationStrategy {
  /** Called once, during start-up, with the application's {@link Migrator}. */
  void migrate(Migrator migrator);
}

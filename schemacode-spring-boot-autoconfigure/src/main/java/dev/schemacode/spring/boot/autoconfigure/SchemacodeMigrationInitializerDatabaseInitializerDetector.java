package dev.schemacode.spring.boot.autoconfigure;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Boot that a {@link SchemacodeMigrationInitializer} initializes the database, so that beans
 * which depend on database initialization are created after it (Boot does the same for Flyway).
 * Registered in {@code META-INF/spring.factories}.
 */
public class SchemacodeMigrationInitializerDatabaseInitializerDetector
    extends AbstractBeansOfTypeDatabaseInitializerDetector {
  @Override
  protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
    return Set.of(SchemacodeMigrationInitializer.class);
  }
}

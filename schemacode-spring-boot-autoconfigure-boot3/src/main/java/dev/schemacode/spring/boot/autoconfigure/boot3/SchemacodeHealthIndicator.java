package dev.schemacode.spring.boot.autoconfigure.boot3;

import dev.schemacode.runtime.Migrator;
import dev.schemacode.spring.boot.autoconfigure.SchemaHealth;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * The {@code schemacode} health contributor through Boot 3.5's health API: UP when the schema is the
 * one this build expects, DOWN with the pending migrations and problems otherwise, and DOWN with the
 * error when the database cannot be read. One query per check ({@link SchemaHealth}).
 */
public class SchemacodeHealthIndicator extends AbstractHealthIndicator {
  private final Migrator migrator;

  public SchemacodeHealthIndicator(Migrator migrator) {
    super("schemacode health check failed");
    this.migrator = migrator;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    SchemaHealth health = SchemaHealth.of(migrator);
    (health.current() ? builder.up() : builder.down()).withDetails(health.details());
  }
}

package dev.schemacode.spring.boot.autoconfigure.boot3;

import dev.schemacode.runtime.Migrator;
import dev.schemacode.spring.boot.autoconfigure.SchemacodeAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@code schemacode} health contributor on Boot 3.5, where its health API is present ({@code
 * management.health.schemacode.enabled}). Boot 4 removed these classes (its own API is in {@code
 * org.springframework.boot.health}), so there the condition fails before this class is loaded and the
 * Boot 4 variant in schemacode-spring-boot-autoconfigure contributes the bean instead.
 */
@AutoConfiguration(after = SchemacodeAutoConfiguration.class)
@ConditionalOnClass(name = {"org.springframework.boot.actuate.health.HealthIndicator",
    "org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator"})
@ConditionalOnBean(Migrator.class)
@ConditionalOnEnabledHealthIndicator("schemacode")
public class SchemacodeHealthContributorAutoConfiguration {
  @Bean
  @ConditionalOnMissingBean(name = "schemacodeHealthIndicator")
  public SchemacodeHealthIndicator schemacodeHealthIndicator(Migrator migrator) {
    return new SchemacodeHealthIndicator(migrator);
  }
}

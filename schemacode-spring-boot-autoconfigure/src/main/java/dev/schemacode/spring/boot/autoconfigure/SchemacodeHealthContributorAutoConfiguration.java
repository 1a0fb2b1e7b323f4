package dev.schemacode.spring.boot.autoconfigure;

import dev.schemacode.runtime.Migrator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code schemacode} health contributor on Boot 4, where its health API is present ({@code
 * management.health.schemacode.enabled}). On Boot 3.5 the condition fails before this class is loaded and
 * {@code schemacode-spring-boot-autoconfigure-boot3} contributes the same bean through Boot 3's API; the
 * classes are named as strings so that neither line's check needs the other line's classes.
 */
@AutoConfiguration(after = SchemacodeAutoConfiguration.class)
@ConditionalOnClass(name = {"org.springframework.boot.health.contributor.HealthIndicator",
    "org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator"})
@ConditionalOnBean(Migrator.class)
@ConditionalOnEnabledHealthIndicator("schemacode")
public class SchemacodeHealthContributorAutoConfiguration {
  @Bean
  @ConditionalOnMissingBean(name = "schemacodeHealthIndicator")
  public SchemacodeHealthIndicator schemacodeHealthIndicator(Migrator migrator) {
    return new SchemacodeHealthIndicator(migrator);
  }
}

package dev.schemacode.spring.boot.autoconfigure;

import dev.schemacode.runtime.Migrator;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The {@code schemacode} health contributor, where the health API is present ({@code management.health.schemacode.enabled}). */
@AutoConfiguration(after = SchemacodeAutoConfiguration.class)
@ConditionalOnClass({HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnBean(Migrator.class)
@ConditionalOnEnabledHealthIndicator("schemacode")
public class SchemacodeHealthContributorAutoConfiguration {
  @Bean
  @ConditionalOnMissingBean(name = "schemacodeHealthIndicator")
  public SchemacodeHealthIndicator schemacodeHealthIndicator(Migrator migrator) {
    return new SchemacodeHealthIndicator(migrator);
  }
}

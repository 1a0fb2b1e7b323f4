package dev.schemacode.spring.boot.autoconfigure;

import dev.schemacode.runtime.Migrator;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The {@code schemacode} Actuator endpoint, where Actuator is present and the endpoint is available. */
@AutoConfiguration(after = SchemacodeAutoConfiguration.class)
@ConditionalOnClass({Endpoint.class, ConditionalOnAvailableEndpoint.class})
@ConditionalOnBean(Migrator.class)
@ConditionalOnAvailableEndpoint(SchemacodeEndpoint.class)
public class SchemacodeEndpointAutoConfiguration {
  @Bean
  @ConditionalOnMissingBean
  public SchemacodeEndpoint schemacodeEndpoint(Migrator migrator) {
    return new SchemacodeEndpoint(migrator);
  }
}

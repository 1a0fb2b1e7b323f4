package dev.schemacode.spring.boot.autoconfigure;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * {@code DATABASE_URL} as {@code spring.datasource.*} when the application sets no URL; see {@link
 * DatabaseUrlProperties}. Boot 4's interface, under its {@code spring.factories} key (Boot 3.5 reads
 * neither, and runs {@code schemacode-spring-boot-autoconfigure-boot3}'s instead).
 */
public class DatabaseUrlEnvironmentPostProcessor implements EnvironmentPostProcessor {
  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    DatabaseUrlProperties.addTo(environment);
  }
}

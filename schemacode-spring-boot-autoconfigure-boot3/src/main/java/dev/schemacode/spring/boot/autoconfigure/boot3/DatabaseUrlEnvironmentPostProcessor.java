package dev.schemacode.spring.boot.autoconfigure.boot3;

import dev.schemacode.spring.boot.autoconfigure.DatabaseUrlProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;

/**
 * {@code DATABASE_URL} as {@code spring.datasource.*} on Boot 3.5, through the interface and {@code
 * spring.factories} key Boot 4 deprecated. Boot 4 still reads that key, and runs the Boot 4 post-processor
 * from schemacode-spring-boot-autoconfigure as well, so this one steps aside where Boot 4's interface
 * exists rather than doing the work twice.
 */
public class DatabaseUrlEnvironmentPostProcessor implements EnvironmentPostProcessor {
  static final String BOOT4_INTERFACE = "org.springframework.boot.EnvironmentPostProcessor";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!ClassUtils.isPresent(BOOT4_INTERFACE, getClass().getClassLoader())) {
      DatabaseUrlProperties.addTo(environment);
    }
  }
}

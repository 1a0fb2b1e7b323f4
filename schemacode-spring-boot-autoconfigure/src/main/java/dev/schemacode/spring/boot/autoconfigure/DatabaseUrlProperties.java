package dev.schemacode.spring.boot.autoconfigure;

import dev.schemacode.runtime.DatabaseUrl;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * A platform's {@code DATABASE_URL} ({@code postgresql://user:pass@host:port/db?sslmode=…}, as
 * Railway, Render and Heroku hand it to an application) as {@code spring.datasource.*}, when the
 * application does not set {@code spring.datasource.url} itself. Added last, so anything the
 * application configures wins. The environment post-processor of each Boot line calls this (Boot 4's
 * here, Boot 3.5's in {@code schemacode-spring-boot-autoconfigure-boot3}, another package: hence public;
 * not meant for applications).
 */
public final class DatabaseUrlProperties {
  static final String VARIABLE = "DATABASE_URL";
  static final String SOURCE_NAME = "schemacode-database-url";

  private DatabaseUrlProperties() {}

  public static void addTo(ConfigurableEnvironment environment) {
    from(environment).ifPresent(source -> environment.getPropertySources().addLast(source));
  }

  static Optional<MapPropertySource> from(ConfigurableEnvironment environment) {
    String raw = environment.getProperty(VARIABLE);
    if (!StringUtils.hasText(raw) || StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
      return Optional.empty();
    }
    DatabaseUrl url = DatabaseUrl.parse(raw); // a malformed URL fails start-up; the message omits the password
    Properties connection = url.connectionProperties();
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("spring.datasource.url", url.jdbcUrl());
    if (connection.getProperty("user") != null) {
      properties.put("spring.datasource.username", connection.getProperty("user"));
    }
    if (connection.getProperty("password") != null) {
      properties.put("spring.datasource.password", connection.getProperty("password"));
    }
    return Optional.of(new MapPropertySource(SOURCE_NAME, properties));
  }
}

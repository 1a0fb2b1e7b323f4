package dev.schemacode.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.schemacode.runtime.ConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** A platform's DATABASE_URL becomes spring.datasource.* when the application sets no URL. */
class DatabaseUrlPropertiesTest {
  private static StandardEnvironment environment(Map<String, Object> properties) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
    return environment;
  }

  @Test
  void platformUrlBecomesDataSourceProperties() {
    StandardEnvironment environment = environment(Map.of("DATABASE_URL",
        "postgresql://shop:s3cr%40t@db.internal:6543/shop?sslmode=require"));
    DatabaseUrlProperties.addTo(environment);
    assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db.internal:6543/shop?sslmode=require");
    assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("shop");
    assertThat(environment.getProperty("spring.datasource.password")).isEqualTo("s3cr@t");
  }

  @Test
  void theApplicationsOwnSettingsWin() {
    StandardEnvironment withUrl = environment(Map.of("DATABASE_URL", "postgresql://a:b@h/db",
        "spring.datasource.url", "jdbc:postgresql://other/db"));
    assertThat(DatabaseUrlProperties.from(withUrl)).isEmpty();

    StandardEnvironment withUser = environment(Map.of("DATABASE_URL", "postgresql://a:b@h/db",
        "spring.datasource.username", "mine"));
    DatabaseUrlProperties.addTo(withUser);
    assertThat(withUser.getProperty("spring.datasource.username")).isEqualTo("mine");
    assertThat(withUser.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://h/db");
  }

  @Test
  void nothingWithoutIt() {
    assertThat(DatabaseUrlProperties.from(environment(Map.of()))).isEmpty();
  }

  @Test
  void aMalformedUrlFailsWithoutThePassword() {
    assertThatThrownBy(() -> DatabaseUrlProperties.addTo(environment(Map.of("DATABASE_URL",
        "postgresql://shop:Sup3rSecret@db:99999/shop"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("port '99999'")
        .hasMessageNotContaining("Sup3rSecret");
  }

  /** Registered in spring.factories under the key of the Boot line at hand (the interface moved in Boot 4). */
  @Test
  void aSpringApplicationReadsItWithoutAnyCode() {
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Empty.class)
        .web(WebApplicationType.NONE)
        .properties("DATABASE_URL=postgresql://shop:pw@db.internal:6543/shop", "spring.main.banner-mode=off")
        .run()) {
      assertThat(context.getEnvironment().getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db.internal:6543/shop");
      assertThat(context.getEnvironment().getProperty("spring.datasource.username")).isEqualTo("shop");
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Empty {}
}

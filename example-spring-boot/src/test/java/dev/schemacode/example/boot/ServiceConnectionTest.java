package dev.schemacode.example.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemacode.runtime.Migrator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Boot's Testcontainers service connection: the container's database becomes the DataSource and
 * the starter migrates it. Needs Docker; without it the test is skipped (reported as such).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@EnabledIf(value = "dockerAvailable", disabledReason = "no Docker engine here: the Testcontainers service connection is not tried")
class ServiceConnectionTest {
  static boolean dockerAvailable() {
    return DockerClientFactory.instance().isDockerAvailable();
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class Containers {
    @Bean
    @ServiceConnection
    PostgreSQLContainer postgres() {
      return new PostgreSQLContainer("postgres:17-alpine");
    }
  }

  @Autowired Migrator migrator;

  @Test
  void theContainersDatabaseIsMigrated() {
    assertThat(migrator.status().pending()).isEmpty();
    assertThat(migrator.status().currentVersion()).contains("0001");
  }
}

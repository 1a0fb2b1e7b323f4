package dev.schemacode.example.boot;

import static dev.schemacode.example.boot.jooq.Tables.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.schemacode.testing.TestDatabase;
import java.time.Instant;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootVersion;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import java.util.Map;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jooq.test.autoconfigure.JooqTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Boot's test slices and {@code @SpringBootTest} get a migrated database with no code of their own:
 * the starter's auto-configuration is part of {@code @JdbcTest}, {@code @JooqTest} and
 * {@code @DataJpaTest}, and orders itself before the {@code JdbcTemplate}, {@code DSLContext} and
 * {@code EntityManagerFactory} they inject.
 */
class SliceTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", database::jdbcUrl);
    registry.add("spring.datasource.username", database::user);
    registry.add("spring.datasource.password", database::password);
  }

  @Nested
  @JdbcTest
  @AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE) // the real PostgreSQL
  class Jdbc {
    @Autowired JdbcTemplate jdbc;

    @Test
    void theSchemaIsThere() {
      jdbc.update("INSERT INTO customer (email, created_at) VALUES ('jdbc@example.com', now())");
      assertThat(jdbc.queryForObject("SELECT count(*) FROM customer WHERE email = 'jdbc@example.com'", Long.class))
          .isEqualTo(1);
      assertThat(jdbc.queryForObject("SELECT max(version) FROM schemacode_history", String.class)).isEqualTo("0001");
    }
  }

  @Nested
  @JooqTest
  @AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
  class Jooq {
    @Autowired DSLContext db;

    @Test
    void theGeneratedMetamodelQueriesTheMigratedSchema() {
      db.insertInto(CUSTOMER).set(CUSTOMER.EMAIL, "jooq@example.com").set(CUSTOMER.CREATED_AT, Instant.now()).execute();
      assertThat(db.fetchCount(CUSTOMER, CUSTOMER.EMAIL.eq("jooq@example.com"))).isEqualTo(1);
    }
  }

  @Nested
  @DataJpaTest
  @AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
  @TestPropertySource(properties = "spring.jpa.hibernate.ddl-auto=validate") // fails if not migrated first
  class Jpa {
    @Autowired EntityManager entityManager;

    @Test
    void hibernateValidatesAndQueriesTheMigratedSchema() {
      CustomerRow row = new CustomerRow();
      row.email = "jpa@example.com";
      row.createdAt = Instant.now();
      entityManager.persist(row);
      entityManager.flush();
      Number count = (Number) entityManager
          .createNativeQuery("SELECT count(*) FROM customer WHERE email = 'jpa@example.com'").getSingleResult();
      assertThat(count.longValue()).isEqualTo(1);
    }
  }

  @Nested
  @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
  @TestPropertySource(properties = "spring.jpa.hibernate.ddl-auto=validate")
  class WholeApplication {
    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theApplicationStartsOnTheMigratedSchemaAndReportsItHealthy() throws Exception {
      assertThat(jdbc.queryForObject("SELECT max(version) FROM schemacode_history", String.class)).isEqualTo("0001");
      HttpResponse<String> health = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/schemacode")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    /**
     * The starter also brings its Boot 3.5 classes (schemacode-spring-boot-autoconfigure-boot3); on Boot 4
     * the health bean is Boot 4's, and 3.5's post-processor (under the spring.factories key Boot 4 still
     * reads) leaves DATABASE_URL to Boot 4's.
     */
    @Test
    void theBoot4VariantsAreTheOnesInUse(@Autowired ApplicationContext context) {
      assertThat(SpringBootVersion.getVersion()).startsWith("4.");
      assertThat(context.getBean("schemacodeHealthIndicator"))
          .isInstanceOf(dev.schemacode.spring.boot.autoconfigure.SchemacodeHealthIndicator.class);
      StandardEnvironment environment = new StandardEnvironment();
      environment.getPropertySources().addFirst(
          new MapPropertySource("platform", Map.of("DATABASE_URL", "postgresql://shop:secret@db:5432/shop")));
      new dev.schemacode.spring.boot.autoconfigure.boot3.DatabaseUrlEnvironmentPostProcessor()
          .postProcessEnvironment(environment, new SpringApplication(ExampleSpringBootApplication.class));
      assertThat(environment.getProperty("spring.datasource.url")).isNull();
      new dev.schemacode.spring.boot.autoconfigure.DatabaseUrlEnvironmentPostProcessor()
          .postProcessEnvironment(environment, new SpringApplication(ExampleSpringBootApplication.class));
      assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db:5432/shop");
    }
  }
}

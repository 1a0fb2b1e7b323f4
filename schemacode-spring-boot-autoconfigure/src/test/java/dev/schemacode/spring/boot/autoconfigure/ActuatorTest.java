package dev.schemacode.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemacode.spring.boot.autoconfigure.SchemacodeEndpoint.MigrationDescriptor;
import dev.schemacode.testing.TestDatabase;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The {@code schemacode} health contributor and endpoint. */
class ActuatorTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();

  @TempDir Path migrations;

  @BeforeEach
  void emptyDatabase() throws Exception {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    }
    Files.writeString(migrations.resolve("V0001__create_note.sql"), "CREATE TABLE note (id bigint PRIMARY KEY);\n");
    Files.writeString(migrations.resolve("V0002__add_note_body.sql"), "ALTER TABLE note ADD COLUMN body text;\n");
  }

  private ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withConfiguration(BootClasses.withDataSource())
        .withPropertyValues("spring.datasource.url=" + database.jdbcUrl(),
            "spring.datasource.username=" + database.user(), "spring.datasource.password=" + database.password(),
            "schemacode.migrations=" + migrations, "management.endpoints.web.exposure.include=health,schemacode");
  }

  @Test
  void healthIsUpWithTheVersionOnceMigrated() throws Exception {
    runner().run(context -> {
      assertThat(context).hasNotFailed().hasBean("schemacodeHealthIndicator");
      Health health = Health.of(context.getBean("schemacodeHealthIndicator"));
      assertThat(health.status()).isEqualTo("UP");
      assertThat(health.details()).containsEntry("currentVersion", "0002");
    });
  }

  @Test
  void healthIsDownAndNamesWhatIsPending() throws Exception {
    runner().withPropertyValues("schemacode.on-startup=none").run(context -> {
      Health health = Health.of(context.getBean("schemacodeHealthIndicator"));
      assertThat(health.status()).isEqualTo("DOWN");
      assertThat(health.details()).containsEntry("pending",
          java.util.List.of("V0001__create_note", "V0002__add_note_body"));
    });
  }

  @Test
  void healthCanBeTurnedOff() throws Exception {
    runner().withPropertyValues("management.health.schemacode.enabled=false")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("schemacodeHealthIndicator"));
  }

  @Test
  void theEndpointListsEveryMigrationWithItsState() throws Exception {
    Files.writeString(migrations.resolve("V0003__pending.sql"), "SELECT 1;\n");
    runner().withPropertyValues("schemacode.on-startup=none").run(context -> {
      context.getBean(dev.schemacode.runtime.Migrator.class).migrate();
    });
    Files.writeString(migrations.resolve("V0004__later.sql"), "SELECT 1;\n");
    runner().withPropertyValues("schemacode.on-startup=none").run(context -> {
      SchemacodeEndpoint.MigrationsDescriptor listed = context.getBean(SchemacodeEndpoint.class).migrations();
      assertThat(listed.currentVersion()).isEqualTo("0003");
      assertThat(listed.migrations()).extracting(MigrationDescriptor::version, MigrationDescriptor::description,
          MigrationDescriptor::state).containsExactly(
              org.assertj.core.groups.Tuple.tuple("0001", "create note", "APPLIED"),
              org.assertj.core.groups.Tuple.tuple("0002", "add note body", "APPLIED"),
              org.assertj.core.groups.Tuple.tuple("0003", "pending", "APPLIED"),
              org.assertj.core.groups.Tuple.tuple("0004", "later", "PENDING"));
      MigrationDescriptor first = listed.migrations().get(0);
      assertThat(first.checksum()).isNotBlank();
      assertThat(first.appliedAt()).isNotNull();
      assertThat(first.executionTime()).isNotNull().isNotNegative();
      assertThat(first.appliedBy()).isEqualTo("migration");
      MigrationDescriptor pending = listed.migrations().get(3);
      assertThat(pending.appliedAt()).isNull();
      assertThat(pending.checksum()).isNotBlank();
    });
  }

  @Test
  void theEndpointIsOnlyThereWhenExposed() throws Exception {
    runner().withPropertyValues("management.endpoints.web.exposure.include=health")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(SchemacodeEndpoint.class));
  }

  /** Boot 4 moved the health API to another package; read it reflectively so these tests run on both lines. */
  record Health(String status, Map<String, Object> details) {
    @SuppressWarnings("unchecked")
    static Health of(Object indicator) throws Exception {
      Object health = indicator.getClass().getMethod("health").invoke(indicator);
      Object status = health.getClass().getMethod("getStatus").invoke(health);
      Method code = status.getClass().getMethod("getCode");
      return new Health((String) code.invoke(status), (Map<String, Object>) health.getClass().getMethod("getDetails").invoke(health));
    }
  }
}

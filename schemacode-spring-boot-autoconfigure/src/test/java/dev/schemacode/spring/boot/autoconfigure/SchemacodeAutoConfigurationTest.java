package dev.schemacode.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemacode.runtime.MigrationSource;
import dev.schemacode.runtime.MigrationState;
import dev.schemacode.runtime.Migrator;
import dev.schemacode.runtime.ScriptFailedException;
import dev.schemacode.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The auto-configuration in an application context, against a real PostgreSQL. */
class SchemacodeAutoConfigurationTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();

  @TempDir Path migrations;

  @BeforeEach
  void emptyDatabaseAndTwoMigrations() throws Exception {
    execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    write("V0001__create_note.sql", "CREATE TABLE note (id bigint PRIMARY KEY, body text NOT NULL);\n");
    write("V0002__add_note_author.sql", "ALTER TABLE note ADD COLUMN author text;\n");
  }

  private ApplicationContextRunner runner(Class<?>... more) {
    return new ApplicationContextRunner()
        .withConfiguration(BootClasses.withDataSource(more))
        .withPropertyValues("spring.datasource.url=" + database.jdbcUrl(),
            "spring.datasource.username=" + database.user(), "spring.datasource.password=" + database.password(),
            "schemacode.migrations=" + migrations);
  }

  @Test
  void appliesPendingMigrationsAtStartUp() throws Exception {
    runner().run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(Migrator.class).hasSingleBean(SchemacodeMigrationInitializer.class);
      assertThat(context.getBean(Migrator.class).status().migrations())
          .extracting(m -> m.state()).containsExactly(MigrationState.APPLIED, MigrationState.APPLIED);
    });
    assertThat(historyRows()).isEqualTo(2);
    runner().run(context -> assertThat(context).hasNotFailed()); // a second start applies nothing
    assertThat(historyRows()).isEqualTo(2);
  }

  /** Beans that use the database are created after the migrations, without the application saying so. */
  @Test
  void migratesBeforeJdbcTemplateJdbcClientAndJooqAreUsed() throws Exception {
    runner(BootClasses.JDBC_TEMPLATE, BootClasses.JDBC_CLIENT, BootClasses.JOOQ)
        .withUserConfiguration(QueriesAtCreation.class)
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(QueriesAtCreation.class).results).containsExactly(0L, 0L, 0);
        });
  }

  @Configuration(proxyBeanMethods = false)
  static class QueriesAtCreation {
    final List<Object> results = new ArrayList<>();

    // Created first (user configuration comes before auto-configuration), unless Boot's
    // database-initialization ordering makes these beans wait for the migrations.
    QueriesAtCreation(JdbcTemplate jdbc, JdbcClient client, DSLContext jooq) {
      results.add(jdbc.queryForObject("SELECT count(author) FROM note", Long.class));
      results.add(client.sql("SELECT count(body) FROM note").query(Long.class).single());
      results.add(jooq.fetchCount(jooq.selectFrom("note")));
    }
  }

  /** JPA's EntityManagerFactory too (Hibernate validates or reads the schema when it starts). */
  @Test
  void migratesBeforeJpaStarts() throws Exception {
    runner(BootClasses.HIBERNATE_JPA)
        .withUserConfiguration(QueriesThroughJpaAtCreation.class)
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(QueriesThroughJpaAtCreation.class).notes).isEqualTo(0L);
        });
  }

  @Configuration(proxyBeanMethods = false)
  static class QueriesThroughJpaAtCreation {
    final long notes;

    QueriesThroughJpaAtCreation(jakarta.persistence.EntityManagerFactory jpa) {
      jakarta.persistence.EntityManager entityManager = jpa.createEntityManager();
      try {
        notes = ((Number) entityManager.createNativeQuery("SELECT count(author) FROM note").getSingleResult()).longValue();
      } finally {
        entityManager.close();
      }
    }
  }

  @Test
  void checkOnlyRefusesToStartWhileMigrationsArePendingAndSaysWhich() throws Exception {
    runner().withPropertyValues("schemacode.on-startup=check").run(context -> {
      assertThat(context).hasFailed();
      SchemaNotCurrentException failure = cause(context.getStartupFailure(), SchemaNotCurrentException.class);
      FailureAnalysis analysis = new SchemaNotCurrentFailureAnalyzer().analyze(context.getStartupFailure());
      assertThat(analysis.getDescription()).contains("V0001__create_note", "V0002__add_note_author");
      assertThat(analysis.getAction()).contains("schemacode deploy");
      assertThat(failure.pending()).hasSize(2);
    });
    assertThat(tableExists("schemacode_history")).isFalse();
  }

  @Test
  void checkOnlyStartsWhenTheSchemaIsCurrentAndRefusesAModifiedHistory() throws Exception {
    runner().run(context -> assertThat(context).hasNotFailed());
    runner().withPropertyValues("schemacode.on-startup=check").run(context -> assertThat(context).hasNotFailed());

    write("V0002__add_note_author.sql", "ALTER TABLE note ADD COLUMN author varchar(100);\n");
    runner().withPropertyValues("schemacode.on-startup=check").run(context -> {
      assertThat(context).hasFailed();
      FailureAnalysis analysis = new SchemaNotCurrentFailureAnalyzer().analyze(context.getStartupFailure());
      assertThat(analysis.getDescription()).contains("Problems in the history", "V0002__add_note_author was modified");
    });
  }

  @Test
  void noneCreatesTheMigratorButAppliesNothing() throws Exception {
    runner().withPropertyValues("schemacode.on-startup=none").run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(Migrator.class);
      assertThat(context.getBean(Migrator.class).status().pending()).hasSize(2);
    });
    assertThat(tableExists("note")).isFalse();
  }

  @Test
  void disabledOrWithoutADataSourceThereIsNothing() throws Exception {
    runner().withPropertyValues("schemacode.enabled=false")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(Migrator.class));
    new ApplicationContextRunner() // no DataSource and no schemacode.url
        .withConfiguration(org.springframework.boot.autoconfigure.AutoConfigurations.of(SchemacodeAutoConfiguration.class))
        .withPropertyValues("schemacode.migrations=" + migrations)
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(Migrator.class));
    assertThat(tableExists("note")).isFalse();
  }

  @Test
  void aUrlOfItsOwnWithUserAndPassword() throws Exception {
    new ApplicationContextRunner() // no DataSource at all: migrations connect by themselves
        .withConfiguration(org.springframework.boot.autoconfigure.AutoConfigurations.of(SchemacodeAutoConfiguration.class))
        .withPropertyValues("schemacode.url=" + database.jdbcUrl(), "schemacode.user=" + database.user(),
            "schemacode.password=" + database.password(), "schemacode.migrations=" + migrations,
            "schemacode.history-table=app_migrations")
        .run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(Migrator.class).doesNotHaveBean(DataSource.class);
        });
    assertThat(tableExists("app_migrations")).isTrue();
    assertThat(tableExists("note")).isTrue();
  }

  /** What changes the database runs on the direct URL (behind a transaction pooler the DataSource's would not do). */
  @Test
  void theDirectUrlCarriesTheMigrations() throws Exception {
    runner().withPropertyValues("schemacode.direct-url=postgresql://nobody@127.0.0.1:1/none?connect_timeout=2")
        .run(context -> {
          assertThat(context).hasFailed();
          assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("127.0.0.1:1");
        });
    assertThat(tableExists("note")).isFalse();

    runner().withPropertyValues("schemacode.direct-url=" + database.jdbcUrl(), "schemacode.user=" + database.user(),
        "schemacode.password=" + database.password(), "schemacode.lock-wait-timeout=30s")
        .run(context -> assertThat(context).hasNotFailed());
    assertThat(tableExists("note")).isTrue();
  }

  @Test
  void backsOffForTheApplicationsMigratorAndStrategy() throws Exception {
    List<String> calls = new ArrayList<>();
    Migrator own = Migrator.builder().dataSource(database.dataSource())
        .migrations(MigrationSource.directory(migrations)).historyTable("own_history").build();
    runner().withBean(Migrator.class, () -> own)
        .withBean(SchemacodeMigrationStrategy.class, () -> migrator -> calls.add(migrator == own ? "own" : "other"))
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(Migrator.class)).isSameAs(own);
        });
    assertThat(calls).containsExactly("own");
    assertThat(tableExists("note")).isFalse(); // the strategy replaced the deploy
  }

  @Test
  void aFailingMigrationStopsStartUpWithTheAnalyzersMessage() throws Exception {
    write("V0003__broken.sql", "-- header\nUPDATE note SET body = 'x';\nINSERT INTO nowhere VALUES (1);\n");
    runner().run(context -> {
      assertThat(context).hasFailed();
      assertThat(cause(context.getStartupFailure(), ScriptFailedException.class).script()).isEqualTo("V0003__broken");
      FailureAnalysis analysis = new SchemacodeMigrationFailureAnalyzer().analyze(context.getStartupFailure());
      assertThat(analysis.getDescription())
          .contains("Migration:  V0003__broken (" + migrations.resolve("V0003__broken.sql") + ")")
          .contains("Statement:  line 3: INSERT INTO nowhere VALUES (1)")
          .contains("PostgreSQL: ERROR: relation \"nowhere\" does not exist");
      assertThat(analysis.getAction()).contains("Fix V0003__broken");
    });
    assertThat(historyRows()).isEqualTo(2); // the two before it stay applied
  }

  @Test
  void migrationsWhereThereAreNoneStopStartUpSayingWhere() throws Exception {
    runner().withPropertyValues("schemacode.migrations=classpath:db/nowhere").run(context -> {
      assertThat(context).hasFailed();
      FailureAnalysis analysis = new SchemacodeConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
      assertThat(analysis.getDescription()).contains("no schemacode-ledger.json at classpath:db/nowhere");
      assertThat(analysis.getAction()).contains("schemacode.migrations");
    });
  }

  @Test
  void seedsRunOnlyInADeclaredNonProductionEnvironment() throws Exception {
    Files.createDirectories(migrations.resolve("seeds"));
    Files.writeString(migrations.resolve("seeds/notes.sql"),
        "INSERT INTO note (id, body) VALUES (1, 'hello') ON CONFLICT DO NOTHING;\n");
    runner().withPropertyValues("schemacode.seed=true", "schemacode.environment=production")
        .run(context -> assertThat(context).hasNotFailed());
    assertThat(count("SELECT count(*) FROM note")).isZero();
    runner().withPropertyValues("schemacode.seed=true", "schemacode.environment=development")
        .run(context -> assertThat(context).hasNotFailed());
    assertThat(count("SELECT count(*) FROM note")).isEqualTo(1);
  }

  /** The development loop: the declared schema a build left beside the migrations, pushed at start-up. */
  @Test
  void pushAppliesTheMigrationsThenTheDeclaredSchemaOnlyOutsideProduction() throws Exception {
    List<dev.schemacode.model.Column> columns = List.of(new dev.schemacode.model.Column("id", "bigint", false, false),
        new dev.schemacode.model.Column("body", "text", false, false), new dev.schemacode.model.Column("author", "text", true, false),
        new dev.schemacode.model.Column("tag", "text", true, false));
    dev.schemacode.model.Schema declared = new dev.schemacode.model.Schema(List.of(new dev.schemacode.model.Table(
        dev.schemacode.model.QualifiedName.of("note"), columns,
        java.util.Optional.of(dev.schemacode.model.PrimaryKey.defaultFor("note", List.of("id"))))));
    write(dev.schemacode.model.DeclaredSchema.FILE_NAME, dev.schemacode.model.DeclaredSchemaCodec.write(
        new dev.schemacode.model.DeclaredSchema(declared, dev.schemacode.model.Renames.NONE, java.util.Map.of(), "")));

    runner().withPropertyValues("schemacode.on-startup=push", "schemacode.environment=production").run(context -> {
      assertThat(context).hasFailed();
      assertThat(cause(context.getStartupFailure(), dev.schemacode.runtime.ConfigurationException.class))
          .hasMessageStartingWith("refusing to push: the environment is 'production'");
    });
    assertThat(tableExists("note")).isFalse();

    runner().withPropertyValues("schemacode.on-startup=push", "schemacode.environment=development")
        .run(context -> assertThat(context).hasNotFailed());
    assertThat(historyRows()).isEqualTo(2);
    assertThat(count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'note' AND column_name = 'tag'"))
        .isEqualTo(1);
  }

  @Test
  void timeoutsAndOutOfOrderBind() throws Exception {
    runner().withPropertyValues("schemacode.lock-timeout=3s", "schemacode.statement-timeout=1m",
        "schemacode.out-of-order=true", "schemacode.on-startup=none").run(context -> {
          SchemacodeProperties properties = context.getBean(SchemacodeProperties.class);
          assertThat(properties.getLockTimeout()).hasSeconds(3);
          assertThat(properties.getStatementTimeout()).hasMinutes(1);
          assertThat(properties.isOutOfOrder()).isTrue();
        });
  }

  static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " in " + failure, failure);
  }

  private void write(String name, String sql) throws Exception {
    Files.writeString(migrations.resolve(name), sql);
  }

  private long historyRows() throws Exception {
    return count("SELECT count(*) FROM schemacode_history");
  }

  private boolean tableExists(String name) throws Exception {
    return count("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = '" + name + "'") == 1;
  }

  static long count(String sql) throws Exception {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }

  private static void execute(String sql) throws Exception {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}

package dev.schemacode.spring.boot.autoconfigure;

import dev.schemacode.runtime.DatabaseUrl;
import dev.schemacode.runtime.Environment;
import dev.schemacode.runtime.MigrationSource;
import dev.schemacode.runtime.Migrator;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.util.StringUtils;

/**
 * Applies schemacode migrations during start-up, before anything uses the database: a {@link
 * Migrator} bean over the application's {@code DataSource} (or {@code schemacode.url}), and a {@link
 * SchemacodeMigrationInitializer} that Boot orders before {@code JdbcTemplate}, {@code JdbcClient},
 * jOOQ and JPA. Each bean backs off when the application defines its own.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration", // Boot 4
    "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration"}) // Boot 3
// Boot's database-initialization ordering: spring-boot-sql on Boot 4 (from spring-boot-jdbc, which the starter brings)
@ConditionalOnClass({Migrator.class, DatabaseInitializationDependencyConfigurer.class})
@ConditionalOnProperty(prefix = "schemacode", name = "enabled", matchIfMissing = true)
@Conditional(SchemacodeAutoConfiguration.DataSourceOrUrl.class)
@EnableConfigurationProperties(SchemacodeProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public class SchemacodeAutoConfiguration {

  /** The application's migrator; define your own {@code Migrator} bean to build it differently. */
  @Bean
  @ConditionalOnMissingBean
  public Migrator schemacodeMigrator(SchemacodeProperties properties, ObjectProvider<DataSource> dataSource,
      ObjectProvider<MigrationSource> migrationSource, org.springframework.core.env.Environment environment) {
    Migrator.Builder builder = Migrator.builder();
    if (StringUtils.hasText(properties.getUrl())) {
      builder.url(withCredentials(DatabaseUrl.parse(properties.getUrl()), properties));
    } else {
      builder.dataSource(dataSource.getIfUnique(() -> {
        throw new IllegalStateException("schemacode needs one DataSource, or schemacode.url; this context has several"
            + " and none is @Primary");
      }));
    }
    // the CLI's variable too: relaxed binding would read SCHEMACODE_DIRECTURL, not SCHEMACODE_DIRECT_URL
    String directUrl = StringUtils.hasText(properties.getDirectUrl()) ? properties.getDirectUrl()
        : environment.getProperty("SCHEMACODE_DIRECT_URL");
    if (StringUtils.hasText(directUrl)) {
      builder.directUrl(withCredentials(DatabaseUrl.parse(directUrl), properties));
    }
    builder.lockWaitTimeout(properties.getLockWaitTimeout());
    // A MigrationSource bean (e.g. MigrationSource.index(SchemacodeMigrations.INDEX)) wins over the location.
    builder.migrations(migrationSource.getIfAvailable(() -> MigrationSource.parse(properties.getMigrations())));
    builder.historyTable(properties.getHistoryTable());
    builder.lockTimeout(properties.getLockTimeout());
    builder.statementTimeout(properties.getStatementTimeout());
    builder.outOfOrder(properties.isOutOfOrder());
    builder.environment(environment(properties));
    return builder.build();
  }

  /** Runs {@code schemacode.on-startup} (or your {@link SchemacodeMigrationStrategy}) during start-up. */
  @Bean
  @ConditionalOnMissingBean
  public SchemacodeMigrationInitializer schemacodeMigrationInitializer(Migrator migrator,
      ObjectProvider<SchemacodeMigrationStrategy> strategy, SchemacodeProperties properties) {
    return new SchemacodeMigrationInitializer(migrator,
        strategy.getIfAvailable(() -> StartupStrategies.of(properties, environment(properties))));
  }

  static Environment environment(SchemacodeProperties properties) {
    return StringUtils.hasText(properties.getEnvironment()) ? Environment.named(properties.getEnvironment())
        : Environment.fromSystem();
  }

  private static DatabaseUrl withCredentials(DatabaseUrl url, SchemacodeProperties properties) {
    return url.withCredentials(blankToNull(properties.getUser()), blankToNull(properties.getPassword()));
  }

  private static String blankToNull(String text) {
    return StringUtils.hasText(text) ? text : null;
  }

  /** A DataSource bean, or a URL of its own for schemacode (as Boot's Flyway auto-configuration). */
  static final class DataSourceOrUrl extends AnyNestedCondition {
    DataSourceOrUrl() {
      super(ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnBean(DataSource.class)
    private static final class DataSourceBean {}

    @ConditionalOnProperty(prefix = "schemacode", name = "url")
    private static final class SchemacodeUrl {}
  }
}

package dev.schemacode.spring.boot.autoconfigure;

import java.util.Arrays;
import org.springframework.boot.autoconfigure.AutoConfigurations;

/**
 * Boot's own auto-configurations by name: Boot 4 moved them to modules of their own (new packages),
 * and these tests run against both lines (-Dspring-boot.version=3.5.7).
 */
final class BootClasses {
  private BootClasses() {}

  static final Class<?> DATA_SOURCE = either("org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
      "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration");
  static final Class<?> JDBC_TEMPLATE = either("org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
      "org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration");
  static final Class<?> JDBC_CLIENT = either("org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
      "org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration");
  static final Class<?> JOOQ = either("org.springframework.boot.jooq.autoconfigure.JooqAutoConfiguration",
      "org.springframework.boot.autoconfigure.jooq.JooqAutoConfiguration");

  static final Class<?> HIBERNATE_JPA = either("org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
      "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration");

  /** Schemacode's three auto-configurations and the data source, in no particular order (Boot sorts them). */
  static AutoConfigurations withDataSource(Class<?>... more) {
    Class<?>[] classes = Arrays.copyOf(new Class<?>[] {SchemacodeAutoConfiguration.class,
        SchemacodeEndpointAutoConfiguration.class, SchemacodeHealthContributorAutoConfiguration.class, DATA_SOURCE},
        4 + more.length);
    System.arraycopy(more, 0, classes, 4, more.length);
    return AutoConfigurations.of(classes);
  }

  private static Class<?> either(String boot4, String boot3) {
    try {
      return Class.forName(boot4);
    } catch (ClassNotFoundException e) {
      try {
        return Class.forName(boot3);
      } catch (ClassNotFoundException none) {
        throw new IllegalStateException("neither " + boot4 + " nor " + boot3 + " is on the class path");
      }
    }
  }
}

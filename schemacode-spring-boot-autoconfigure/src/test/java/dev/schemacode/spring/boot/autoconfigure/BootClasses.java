package dev.schemacode.spring.boot.autoconfigure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfigurations;

/**
 * Boot's own auto-configurations by name: Boot 4 moved them to modules of their own (new packages),
 * and these tests run against both lines (here on Boot 4; in schemacode-spring-boot3-tests on 3.5, against
 * this module's Boot 4 build).
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

  /**
   * Boot 3.5's health contributor, from schemacode-spring-boot-autoconfigure-boot3: on the class path
   * where the tests run on 3.5 (the starter brings it), absent from this module's own Boot 4 tests.
   */
  static final Class<?> BOOT3_HEALTH = optional("dev.schemacode.spring.boot.autoconfigure.boot3.SchemacodeHealthContributorAutoConfiguration");

  /**
   * Schemacode's auto-configurations (both lines' health contributors, each conditional on its line's
   * API) and the data source, in no particular order (Boot sorts them).
   */
  static AutoConfigurations withDataSource(Class<?>... more) {
    List<Class<?>> classes = new ArrayList<>(List.of(SchemacodeAutoConfiguration.class,
        SchemacodeEndpointAutoConfiguration.class, SchemacodeHealthContributorAutoConfiguration.class, DATA_SOURCE));
    if (BOOT3_HEALTH != null) {
      classes.add(BOOT3_HEALTH);
    }
    classes.addAll(Arrays.asList(more));
    return AutoConfigurations.of(classes.toArray(Class<?>[]::new));
  }

  private static Class<?> optional(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      return null;
    }
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

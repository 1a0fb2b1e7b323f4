package dev.schemacode.bench.tools;

import java.sql.Connection;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * {@code new Liquibase("db/migration/changelog.xml", classLoaderAccessor, database).update()} over
 * one connection: what Spring Boot's and most frameworks' integrations do at start-up.
 */
public final class LiquibaseRunner implements Runner {
  @Override
  @SuppressWarnings("deprecation")
  public void migrate(Target target) throws Exception {
    try (Connection connection = target.connect()) {
      Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
      new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(target.loader()), database).update();
    }
  }
}

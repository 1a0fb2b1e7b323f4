package dev.schemacode.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.schemacode.testkit.MigrationTester;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The app's own migrations, tested with the kit as any schemacode user would (docs/testing.md). */
class MigrationsTest {
  @RegisterExtension static final MigrationTester migrations = MigrationTester.classpath("db/migration");

  @Test
  void everyMigrationTogetherYieldsTheDeclaredSchema() throws Exception {
    migrations.assertMigrationsProduceDeclaredSchema();
  }

  @Test
  void customersWrittenAtTheFirstVersionSurviveEveryLaterMigration() throws Exception {
    migrations.migrateTo("0001");
    migrations.execute("INSERT INTO customer (email, created_at) VALUES ('ada@example.com', now())");
    migrations.migrateAll();
    assertEquals(List.of(List.of("ada@example.com")), migrations.query("SELECT email FROM customer"));
  }
}

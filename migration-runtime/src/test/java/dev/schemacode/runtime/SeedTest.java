package dev.schemacode.runtime;

import static dev.schemacode.runtime.Queries.execute;
import static dev.schemacode.runtime.Queries.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemacode.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SeedTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();

  @TempDir Path migrations;

  @BeforeEach
  void migrationsAndSeeds() throws Exception {
    Queries.emptySchema(database);
    Files.writeString(migrations.resolve("V0001__init.sql"), "CREATE TABLE account (id int PRIMARY KEY, name text);\n");
    Files.createDirectories(migrations.resolve("seeds"));
    Files.writeString(migrations.resolve("seeds/02_more.sql"),
        "INSERT INTO account VALUES (2, (SELECT name FROM account WHERE id = 1) || '2') ON CONFLICT DO NOTHING;\n");
    Files.writeString(migrations.resolve("seeds/01_first.sql"), "INSERT INTO account VALUES (1, 'ada') ON CONFLICT DO NOTHING;\n");
  }

  @AfterEach
  void unmarkDatabase() throws Exception {
    execute(database, "ALTER DATABASE " + database.name() + " RESET " + Environment.DATABASE_SETTING);
  }

  private Migrator migrator(Environment environment) {
    return Migrator.builder().dataSource(database.dataSource()).migrations(MigrationSource.directory(migrations))
        .environment(environment).build();
  }

  @Test
  void runsTheSeedsInNameOrderAndMayRunAgain() throws Exception {
    Migrator migrator = migrator(Environment.named("development"));
    migrator.migrate();
    assertEquals(List.of("01_first", "02_more"), migrator.seed());
    assertEquals("ada2", text(database, "SELECT name FROM account WHERE id = 2"));
    assertEquals(List.of("01_first", "02_more"), migrator.seed()); // not recorded: repeatable seeds run again
    assertEquals("2", text(database, "SELECT count(*) FROM account"));
  }

  @Test
  void refusesUndeclaredAndProductionEnvironmentsBeforeConnecting() throws Exception {
    migrator(Environment.unset()).migrate();
    ConfigurationException undeclared = assertThrows(ConfigurationException.class, () -> migrator(Environment.unset()).seed());
    assertTrue(undeclared.getMessage().startsWith("refusing to seed: no environment is declared"), undeclared.getMessage());
    ConfigurationException production = assertThrows(ConfigurationException.class,
        () -> migrator(Environment.named("prod")).seed());
    assertTrue(production.getMessage().contains("the environment is 'prod'"), production.getMessage());
    assertEquals("0", text(database, "SELECT count(*) FROM account"));
  }

  @Test
  void refusesWhenTheDatabaseIsMarkedProduction() throws Exception {
    migrator(Environment.unset()).migrate();
    execute(database, "ALTER DATABASE " + database.name() + " SET " + Environment.DATABASE_SETTING + " = 'live'");
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> migrator(Environment.named("development")).seed());
    assertTrue(e.getMessage().contains("the database says it is 'live'"), e.getMessage());
    assertEquals("0", text(database, "SELECT count(*) FROM account"));
  }

  @Test
  void refusesWhileMigrationsArePending() throws Exception {
    MigrationException e = assertThrows(MigrationException.class, () -> migrator(Environment.named("test")).seed());
    assertTrue(e.getMessage().contains("cannot seed: 1 migration is pending (first V0001__init); run `schemacode deploy`"),
        e.getMessage());
  }

  @Test
  void aFailingSeedIsRolledBackAndStopsTheRest() throws Exception {
    Files.writeString(migrations.resolve("seeds/01_first.sql"), "INSERT INTO account VALUES (1, 'ada');\nINSERT INTO nowhere VALUES (1);\n");
    Migrator migrator = migrator(Environment.named("test"));
    migrator.migrate();
    MigrationException e = assertThrows(MigrationException.class, migrator::seed);
    assertTrue(e.getMessage().startsWith("seed 01_first failed and was rolled back"), e.getMessage());
    assertTrue(e.getMessage().contains("line 2 of " + migrations.resolve("seeds/01_first.sql")), e.getMessage());
    assertEquals("0", text(database, "SELECT count(*) FROM account"));
  }

  @Test
  void noSeedsIsNothingToDo() throws Exception {
    Migrator migrator = Migrator.builder().dataSource(database.dataSource()).migrations(MigrationSource.directory(migrations))
        .seeds(ScriptFolder.directory(migrations.resolve("no-such-folder"))).environment(Environment.named("test")).build();
    assertEquals(List.of(), migrator.seed());
  }
}

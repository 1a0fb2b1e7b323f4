package dev.schemacode.runtime;

import static dev.schemacode.runtime.Queries.count;
import static dev.schemacode.runtime.Queries.execute;
import static dev.schemacode.runtime.Queries.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemacode.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ResetTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();

  @TempDir Path migrations;

  @BeforeEach
  void migratedWithData() throws Exception {
    Queries.emptySchema(database);
    Files.writeString(migrations.resolve("V0001__init.sql"), "CREATE TABLE account (id int PRIMARY KEY);\n");
    migrator(Environment.named("development")).migrate();
    execute(database, "INSERT INTO account VALUES (1); CREATE TABLE hand_made (id int);");
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
  void dropsEverythingInTheSchemaAndAppliesEveryMigration() throws Exception {
    String grantsBefore = text(database, "SELECT nspacl::text FROM pg_namespace WHERE nspname = 'public'");
    MigrateResult result = migrator(Environment.named("development")).reset();
    assertEquals(1, result.applied().size());
    assertEquals(0, count(database, "SELECT count(*) FROM account"));
    assertEquals(0, count(database, "SELECT count(*) FROM pg_tables WHERE tablename = 'hand_made'"));
    assertEquals(1, count(database, "SELECT count(*) FROM schemacode_history"));
    assertEquals(grantsBefore, text(database, "SELECT nspacl::text FROM pg_namespace WHERE nspname = 'public'"));
  }

  @Test
  void refusesWhenTheEnvironmentIsUndeclaredOrProduction() throws Exception {
    ConfigurationException undeclared = assertThrows(ConfigurationException.class,
        () -> migrator(Environment.unset()).reset());
    assertTrue(undeclared.getMessage().contains("no environment is declared"), undeclared.getMessage());
    ConfigurationException production = assertThrows(ConfigurationException.class,
        () -> migrator(Environment.named("production")).reset());
    assertTrue(production.getMessage().contains("the environment is 'production'"), production.getMessage());
    assertEquals(1, count(database, "SELECT count(*) FROM account"));
  }

  @Test
  void refusesWhenTheDatabaseSaysItIsProductionOrSomethingElse() throws Exception {
    execute(database, "ALTER DATABASE " + database.name() + " SET " + Environment.DATABASE_SETTING + " = 'production'");
    ConfigurationException production = assertThrows(ConfigurationException.class,
        () -> migrator(Environment.named("development")).reset());
    assertTrue(production.getMessage().contains("the database says it is 'production' (setting schemacode.environment)"),
        production.getMessage());

    execute(database, "ALTER DATABASE " + database.name() + " SET " + Environment.DATABASE_SETTING + " = 'staging'");
    ConfigurationException mismatch = assertThrows(ConfigurationException.class,
        () -> migrator(Environment.named("development")).reset());
    assertTrue(mismatch.getMessage().contains("the environment is 'development' but the database says it is 'staging'"),
        mismatch.getMessage());
    assertEquals(1, count(database, "SELECT count(*) FROM account"));

    // The database agrees with the declared environment: allowed.
    assertEquals(1, migrator(Environment.named("Staging")).reset().applied().size());
    assertEquals(0, count(database, "SELECT count(*) FROM account"));
  }

  /**
   * Tables and enum types in another schema (issue 19): reset dropped only the current schema, then
   * failed on "already exists" and left an empty history. It drops what the project owns there, from
   * the ledger's snapshot and from the migrations' own statements, and nothing else of that schema.
   */
  @Test
  void dropsWhatTheProjectOwnsInOtherSchemas() throws Exception {
    execute(database, "DROP SCHEMA IF EXISTS web CASCADE; DROP SCHEMA IF EXISTS billing CASCADE;"
        + " CREATE SCHEMA billing; CREATE TABLE billing.not_ours (id int);");
    Files.writeString(migrations.resolve("V0002__web.sql"), """
        CREATE SCHEMA IF NOT EXISTS web;
        CREATE TYPE web.status AS ENUM ('open', 'closed');
        CREATE TABLE web.http_request (id int PRIMARY KEY, status web.status NOT NULL);
        CREATE TABLE IF NOT EXISTS "billing"."Invoice" (id int);
        """);
    migrator(Environment.named("development")).migrate();
    execute(database, "INSERT INTO web.http_request VALUES (1, 'open'); INSERT INTO billing.\"Invoice\" VALUES (1);");

    MigrateResult result = migrator(Environment.named("development")).reset();
    assertEquals(2, result.applied().size());
    assertEquals(0, count(database, "SELECT count(*) FROM web.http_request"));
    assertEquals(0, count(database, "SELECT count(*) FROM billing.\"Invoice\""));
    assertEquals(1, count(database, "SELECT count(*) FROM pg_tables WHERE schemaname = 'billing' AND tablename = 'not_ours'"));
    assertEquals(2, count(database, "SELECT count(*) FROM schemacode_history WHERE success"));
    execute(database, "DROP SCHEMA web CASCADE; DROP SCHEMA billing CASCADE;");
  }
}

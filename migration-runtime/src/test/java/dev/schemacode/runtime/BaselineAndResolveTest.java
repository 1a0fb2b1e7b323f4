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
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Adopting an existing database, and telling the history what a person did by hand. */
class BaselineAndResolveTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();

  @TempDir Path migrations;

  @BeforeEach
  void threeMigrations() throws Exception {
    Queries.emptySchema(database);
    write("V0001__account.sql", "CREATE TABLE account (id int PRIMARY KEY);\n");
    write("V0002__payment.sql", "CREATE TABLE payment (id int PRIMARY KEY);\n");
    write("V0003__note.sql", "CREATE TABLE note (id int PRIMARY KEY);\n");
  }

  private void write(String name, String sql) throws Exception {
    Files.writeString(migrations.resolve(name), sql);
  }

  private Migrator migrator() {
    return Migrator.builder().dataSource(database.dataSource()).migrations(MigrationSource.directory(migrations)).build();
  }

  @Test
  void baselineAdoptsAnExistingSchemaAndLaterMigrationsApply() throws Exception {
    execute(database, "CREATE TABLE account (id int PRIMARY KEY); CREATE TABLE payment (id int PRIMARY KEY);");

    List<ResolvedMigration> adopted = migrator().baseline("V0002");
    assertEquals(List.of("0001", "0002"), adopted.stream().map(ResolvedMigration::version).toList());
    assertEquals(2, count(database, "SELECT count(*) FROM schemacode_history WHERE kind = 'baseline' AND success"));

    MigrateResult result = migrator().migrate();
    assertEquals(List.of("0003"), result.applied().stream().map(ResolvedMigration::version).toList());
    // Baselined migrations are validated like applied ones from now on.
    write("V0001__account.sql", "CREATE TABLE account (id bigint PRIMARY KEY);\n");
    assertEquals(MigrationState.MODIFIED, migrator().status().migrations().get(0).state());
  }

  @Test
  void baselineRefusesAMigratedDatabaseAndUnknownVersions() throws Exception {
    migrator().migrate();
    MigrationException notEmpty = assertThrows(MigrationException.class, () -> migrator().baseline("2"));
    assertTrue(notEmpty.getMessage().contains("schemacode_history already has 3 rows"), notEmpty.getMessage());

    Queries.emptySchema(database);
    ConfigurationException unknown = assertThrows(ConfigurationException.class, () -> migrator().baseline("0009"));
    assertTrue(unknown.getMessage().contains("no migration V0009"), unknown.getMessage());
    ConfigurationException malformed = assertThrows(ConfigurationException.class, () -> migrator().baseline("latest"));
    assertTrue(malformed.getMessage().contains("'latest' is not a migration version"), malformed.getMessage());
    assertEquals(0, count(database, "SELECT count(*) FROM schemacode_history"));
  }

  @Test
  void resolveAppliedRecordsAMigrationAppliedByHand() throws Exception {
    execute(database, "CREATE TABLE account (id int PRIMARY KEY)");
    MigrationInfo info = migrator().resolveApplied("1");
    assertEquals(MigrationState.APPLIED, info.state());
    assertEquals(AppliedMigration.RESOLVED, info.applied().orElseThrow().kind());
    assertEquals(List.of("0002", "0003"), migrator().migrate().applied().stream().map(ResolvedMigration::version).toList());

    MigrationException twice = assertThrows(MigrationException.class, () -> migrator().resolveApplied("1"));
    assertTrue(twice.getMessage().contains("V0001__account is already applied"), twice.getMessage());
  }

  @Test
  void resolveAppliedAcceptsAModifiedFile() throws Exception {
    migrator().migrate();
    write("V0002__payment.sql", "-- a comment added after the fact\nCREATE TABLE payment (id int PRIMARY KEY);\n");
    assertThrows(MigrationException.class, () -> migrator().migrate());
    assertEquals(MigrationState.APPLIED, migrator().resolveApplied("0002").state());
    assertTrue(migrator().validate().valid());
  }

  @Test
  void resolveRolledBackForgetsAMissingMigrationButNotAnAppliedOne() throws Exception {
    migrator().migrate();
    MigrationException applied = assertThrows(MigrationException.class, () -> migrator().resolveRolledBack("0003"));
    assertTrue(applied.getMessage().contains("V0003__note is applied; --rolled-back is for a failed migration"),
        applied.getMessage());

    Files.delete(migrations.resolve("V0003__note.sql"));
    MigrationException missing = assertThrows(MigrationException.class, () -> migrator().migrate());
    assertTrue(missing.getMessage().contains("V0003__note was applied but is not among the migrations"), missing.getMessage());
    assertTrue(migrator().resolveRolledBack("V0003").isEmpty());
    assertTrue(migrator().validate().valid());
    assertEquals("0002", text(database, "SELECT max(version) FROM schemacode_history"));

    ConfigurationException unknown = assertThrows(ConfigurationException.class, () -> migrator().resolveApplied("0042"));
    assertTrue(unknown.getMessage().contains("no migration V0042"), unknown.getMessage());
  }

  @Test
  void aFailedTransactionalMigrationIsFixedByCorrectingTheFile() throws Exception {
    write("V0002__payment.sql", "CREATE TABLE payment (id int PRIMARY KEY);\nINSERT INTO payment VALUES ('x');\n");
    MigrationException e = assertThrows(MigrationException.class, () -> migrator().migrate());
    assertTrue(e.getMessage().contains("V0002__payment failed and was rolled back"), e.getMessage());
    assertTrue(e.getMessage().contains("statement at line 2"), e.getMessage());
    assertEquals(MigrationState.PENDING, migrator().status().migrations().get(1).state());

    write("V0002__payment.sql", "CREATE TABLE payment (id int PRIMARY KEY);\nINSERT INTO payment VALUES (1);\n");
    assertEquals(List.of("0002", "0003"), migrator().migrate().applied().stream().map(ResolvedMigration::version).toList());
  }
}

package dev.schemacode.runtime;

import static dev.schemacode.runtime.Queries.count;
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

class BackfillTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();

  @TempDir Path migrations;

  @BeforeEach
  void schemaWithAColumnToFill() throws Exception {
    Queries.emptySchema(database);
    Files.writeString(migrations.resolve("V0001__init.sql"),
        "CREATE TABLE account (id int PRIMARY KEY, email text, domain text);\n"
            + "INSERT INTO account SELECT g, 'user' || g || '@example.com' FROM generate_series(1, 100) g;\n");
    Files.createDirectories(migrations.resolve("backfills"));
    Files.writeString(migrations.resolve("backfills/fill_domain.sql"),
        "UPDATE account SET domain = split_part(email, '@', 2) WHERE domain IS NULL;\n"
            + "INSERT INTO backfill_log VALUES ('fill_domain');\n");
    Files.writeString(migrations.resolve("V0002__log.sql"), "CREATE TABLE backfill_log (name text);\n");
  }

  private Migrator migrator() {
    return Migrator.builder().dataSource(database.dataSource()).migrations(MigrationSource.directory(migrations)).build();
  }

  @Test
  void deployNeverRunsABackfillAndABackfillNeverRunsTwice() throws Exception {
    migrator().migrate();
    assertEquals(100, count(database, "SELECT count(*) FROM account WHERE domain IS NULL"));
    assertEquals(BackfillInfo.State.NOT_RUN, migrator().backfills().get(0).state());

    BackfillInfo done = migrator().backfill("fill_domain");
    assertEquals(BackfillInfo.State.DONE, done.state());
    assertEquals(0, count(database, "SELECT count(*) FROM account WHERE domain IS NULL"));
    assertEquals("t", text(database, "SELECT success FROM schemacode_history_backfills WHERE name = 'fill_domain'"));

    MigrationException twice = assertThrows(MigrationException.class, () -> migrator().backfill("fill_domain.sql"));
    assertTrue(twice.getMessage().startsWith("backfill fill_domain already ran on this database at "), twice.getMessage());
    assertTrue(twice.getMessage().contains("backfills never run twice"), twice.getMessage());
    assertEquals(1, count(database, "SELECT count(*) FROM backfill_log"));
    assertEquals(BackfillInfo.State.DONE, migrator().backfills().get(0).state());
    // Backfills are not migrations: they show up in no migration state.
    assertEquals(2, migrator().status().migrations().size());
    assertTrue(migrator().migrate().applied().isEmpty());
  }

  @Test
  void anUnknownBackfillNamesTheOnesThereAre() throws Exception {
    migrator().migrate();
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> migrator().backfill("fill_domains"));
    assertTrue(e.getMessage().contains("no backfill 'fill_domains' in " + migrations.resolve("backfills")
        + "; there are: fill_domain"), e.getMessage());
    assertThrows(ConfigurationException.class, () -> migrator().backfill("../V0001__init"));
  }

  @Test
  void aBackfillRunsOnlyOnAFullyMigratedSchema() {
    MigrationException e = assertThrows(MigrationException.class, () -> migrator().backfill("fill_domain"));
    assertTrue(e.getMessage().contains("cannot run backfill fill_domain: 2 migrations are pending"), e.getMessage());
  }

  @Test
  void aFailedBackfillInATransactionLeavesNothingAndMayRunAgain() throws Exception {
    migrator().migrate();
    Files.writeString(migrations.resolve("backfills/fill_domain.sql"),
        "UPDATE account SET domain = split_part(email, '@', 2);\nINSERT INTO backfill_log VALUES (1, 2);\n");
    MigrationException e = assertThrows(MigrationException.class, () -> migrator().backfill("fill_domain"));
    assertTrue(e.getMessage().startsWith("backfill fill_domain failed and was rolled back"), e.getMessage());
    assertEquals(100, count(database, "SELECT count(*) FROM account WHERE domain IS NULL"));
    assertEquals(BackfillInfo.State.NOT_RUN, migrator().backfills().get(0).state());

    Files.writeString(migrations.resolve("backfills/fill_domain.sql"), "UPDATE account SET domain = split_part(email, '@', 2);\n");
    assertEquals(BackfillInfo.State.DONE, migrator().backfill("fill_domain").state());
  }

  @Test
  void aBackfillOutsideATransactionCommitsAsItGoesAndIsRecordedWhenItFails() throws Exception {
    migrator().migrate();
    Files.writeString(migrations.resolve("backfills/in_batches.sql"), "-- schemacode:no-transaction\n"
        + "UPDATE account SET domain = 'batch1' WHERE id <= 50;\n"
        + "UPDATE account SET domain = 'batch2' WHERE id > 50 AND id / 0 = 1;\n");
    MigrationException e = assertThrows(MigrationException.class, () -> migrator().backfill("in_batches"));
    assertTrue(e.getMessage().contains("its first 1 statement stays applied"), e.getMessage());
    assertTrue(e.getMessage().contains("recorded as failed and may run again"), e.getMessage());
    assertEquals(50, count(database, "SELECT count(*) FROM account WHERE domain = 'batch1'"));
    List<BackfillInfo> infos = migrator().backfills();
    assertEquals(List.of("fill_domain", "in_batches"), infos.stream().map(BackfillInfo::name).toList());
    assertEquals(BackfillInfo.State.FAILED, infos.get(1).state());

    Files.writeString(migrations.resolve("backfills/in_batches.sql"), "-- schemacode:no-transaction\n"
        + "UPDATE account SET domain = 'batch1' WHERE id <= 50 AND domain IS NULL;\n"
        + "UPDATE account SET domain = 'batch2' WHERE id > 50 AND domain IS NULL;\n");
    assertEquals(BackfillInfo.State.DONE, migrator().backfill("in_batches").state());
    assertEquals(50, count(database, "SELECT count(*) FROM account WHERE domain = 'batch2'"));
    assertThrows(MigrationException.class, () -> migrator().backfill("in_batches"));

    Files.delete(migrations.resolve("backfills/in_batches.sql"));
    assertEquals(BackfillInfo.State.MISSING, migrator().backfills().get(1).state());
  }
}

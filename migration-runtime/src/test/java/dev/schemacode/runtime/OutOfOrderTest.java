package dev.schemacode.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** A migration from a branch merged late: older than the newest applied one. */
class OutOfOrderTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();

  @TempDir Path migrations;

  @BeforeEach
  void appliedOneAndThree() throws Exception {
    Queries.emptySchema(database);
    Files.writeString(migrations.resolve("V0001__a.sql"), "CREATE TABLE a (id int);\n");
    Files.writeString(migrations.resolve("V0003__c.sql"), "CREATE TABLE c (id int);\n");
    migrator(false).migrate();
    Files.writeString(migrations.resolve("V0002__b.sql"), "CREATE TABLE b (id int);\n");
  }

  private Migrator migrator(boolean outOfOrder) {
    return Migrator.builder().dataSource(database.dataSource()).migrations(MigrationSource.directory(migrations))
        .outOfOrder(outOfOrder).build();
  }

  @Test
  void isRefusedByDefault() throws Exception {
    assertEquals(MigrationState.OUT_OF_ORDER, migrator(false).status().migrations().get(1).state());
    MigrationException e = assertThrows(MigrationException.class, () -> migrator(false).migrate());
    assertTrue(e.getMessage().contains("V0002__b is pending but older than the newest applied migration"), e.getMessage());
    assertTrue(e.getMessage().contains("--out-of-order"), e.getMessage());
    assertEquals(0, Queries.count(database, "SELECT count(*) FROM pg_tables WHERE tablename = 'b'"));
    assertFalse(migrator(false).validate().valid());
    assertFalse(migrator(false).health().ready());
  }

  @Test
  void isAppliedWhenAllowed() throws Exception {
    Migrator allowing = migrator(true);
    assertTrue(allowing.validate().valid());
    assertEquals(1, allowing.health().pendingMigrations());
    MigrateResult result = allowing.migrate();
    assertEquals(List.of("0002"), result.applied().stream().map(ResolvedMigration::version).toList());
    assertEquals("0003", result.currentVersion().orElseThrow());
    assertTrue(migrator(false).status().migrations().stream().allMatch(m -> m.state() == MigrationState.APPLIED));
    assertTrue(migrator(false).health().ready());
  }
}

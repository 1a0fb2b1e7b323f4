package dev.schemacode.runtime;

import static dev.schemacode.runtime.Queries.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemacode.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** lock_timeout and statement_timeout reach the migration's statements, in and outside transactions. */
class TimeoutsTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();

  @TempDir Path migrations;

  @BeforeEach
  void tableInUse() throws Exception {
    Queries.emptySchema(database);
    Files.writeString(migrations.resolve("V0001__init.sql"), "CREATE TABLE busy (id int);\n");
    migrator(Duration.ofSeconds(10), Duration.ZERO).migrate();
  }

  private Migrator migrator(Duration lock, Duration statement) {
    return Migrator.builder().dataSource(database.dataSource()).migrations(MigrationSource.directory(migrations))
        .lockTimeout(lock).statementTimeout(statement).build();
  }

  @Test
  void aMigrationThatWaitsForATableLockGivesUpAfterTheLockTimeout() throws Exception {
    Files.writeString(migrations.resolve("V0002__alter.sql"), "ALTER TABLE busy ADD COLUMN name text;\n");
    try (Connection application = database.connect(); Statement statement = application.createStatement()) {
      application.setAutoCommit(false);
      statement.execute("SELECT * FROM busy"); // a long transaction holds ACCESS SHARE on busy
      MigrationException e = assertThrows(MigrationException.class,
          () -> migrator(Duration.ofMillis(200), Duration.ZERO).migrate());
      assertTrue(e.getMessage().contains("V0002__alter failed and was rolled back"), e.getMessage());
      assertTrue(e.getMessage().contains("canceling statement due to lock timeout"), e.getMessage());
      application.rollback();
    }
    assertEquals(1, count(database, "SELECT count(*) FROM schemacode_history"));
  }

  @Test
  void aStatementOverTheStatementTimeoutFails() throws Exception {
    Files.writeString(migrations.resolve("V0002__slow.sql"), "SELECT pg_sleep(30);\n");
    MigrationException e = assertThrows(MigrationException.class,
        () -> migrator(Duration.ofSeconds(10), Duration.ofMillis(100)).migrate());
    assertTrue(e.getMessage().contains("canceling statement due to statement timeout"), e.getMessage());
  }

  @Test
  void timeoutsApplyOutsideTransactionsToo() throws Exception {
    Files.writeString(migrations.resolve("V0002__index.sql"),
        "-- schemacode:no-transaction\nCREATE INDEX CONCURRENTLY busy_id ON busy (id);\n");
    try (Connection application = database.connect(); Statement statement = application.createStatement()) {
      application.setAutoCommit(false);
      statement.execute("LOCK TABLE busy IN SHARE ROW EXCLUSIVE MODE"); // conflicts with the index build
      MigrationException e = assertThrows(MigrationException.class,
          () -> migrator(Duration.ofMillis(200), Duration.ZERO).migrate());
      assertTrue(e.getMessage().contains("canceling statement due to lock timeout"), e.getMessage());
      application.rollback();
    }
    assertEquals(MigrationState.FAILED, migrator(Duration.ofSeconds(1), Duration.ZERO).status().migrations().get(1).state());
  }

  @Test
  void aMigrationInATransactionRunsWithTheClientCheckAndTheTimeoutsSetForItAlone() throws Exception {
    Files.writeString(migrations.resolve("V0002__settings.sql"), "CREATE TABLE seen AS SELECT"
        + " current_setting('lock_timeout') AS lock, current_setting('client_connection_check_interval', true) AS client;\n");
    migrator(Duration.ofMillis(1500), Duration.ZERO).migrate();
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        java.sql.ResultSet row = statement.executeQuery("SELECT lock, client FROM seen")) {
      row.next();
      assertEquals("1500ms", row.getString(1));
      if (connection.getMetaData().getDatabaseMajorVersion() >= 14) { // the setting came with 14
        assertEquals("1s", row.getString(2));
      }
    }
  }

  @Test
  void negativeOrHugeTimeoutsAreConfigurationErrors() {
    assertThrows(ConfigurationException.class, () -> Migrator.builder().lockTimeout(Duration.ofMillis(-1)));
    assertThrows(ConfigurationException.class, () -> Migrator.builder().statementTimeout(Duration.ofDays(30)));
  }
}

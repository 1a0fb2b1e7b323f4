package dev.schemacode.runtime;

import static dev.schemacode.runtime.Queries.execute;
import static dev.schemacode.runtime.Queries.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemacode.testing.PgBouncer;
import dev.schemacode.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deploy killed with SIGKILL in the middle of a long migration ({@code Process.destroyForcibly()}
 * on Linux). The migration sleeps only while {@code crash_control.hang} is true, so that the next
 * deploy can finish it.
 */
class CrashIT {
  @RegisterExtension static final TestDatabase database = new TestDatabase();

  @TempDir Path migrations;

  @BeforeEach
  void firstMigration() throws Exception {
    Queries.emptySchema(database);
    Files.writeString(migrations.resolve("V0001__control.sql"),
        "CREATE TABLE crash_control (hang boolean NOT NULL);\nINSERT INTO crash_control VALUES (true);\n");
  }

  private CliProcess deploy() throws Exception {
    return deploy(database.jdbcUrlWithCredentials());
  }

  private CliProcess deploy(String url) throws Exception {
    return CliProcess.start(Map.of("DATABASE_URL", url), "deploy", "--migrations", migrations.toString());
  }

  private void killDuringTheSleep(CliProcess process) throws Exception {
    kill(process);
    // The server notices the dead client while the statement still runs (client_connection_check_interval)
    // and ends the session: its transaction rolls back and its locks go. PostgreSQL 13 has no such
    // check: the orphaned statement runs on until it ends, unless someone terminates it, as an
    // operator would (docs/postgresql-versions.md).
    if (database.serverMajorVersion() < 14) {
      assertEquals("1", text(database, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
          + " AND query LIKE 'SELECT pg_sleep(300)%'"));
      execute(database, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database()"
          + " AND pid <> pg_backend_pid()");
    }
    Queries.awaitTrue(database, "SELECT count(*) = 0 FROM pg_stat_activity WHERE datname = current_database()"
        + " AND pid <> pg_backend_pid()", "the killed migrator's session ends");
  }

  private static void kill(CliProcess process) throws Exception {
    Queries.awaitTrue(database, "SELECT count(*) = 1 FROM pg_stat_activity WHERE datname = current_database()"
        + " AND state = 'active' AND query LIKE 'SELECT pg_sleep(300)%'", "the migration sleeps");
    process.process().destroyForcibly(); // SIGKILL: no shutdown hook, no goodbye to the server
    assertTrue(process.process().waitFor(60, TimeUnit.SECONDS));
  }

  private static void assertLockIsFree() throws Exception {
    assertEquals("0", text(database, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
            + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"));
    try (Connection connection = database.connect()) {
      assertTrue(Queries.tryMigrationLock(connection));
    }
  }

  @Test
  void aKillInsideATransactionalMigrationLeavesNoPartOfItAndTheNextDeployCompletes() throws Exception {
    Files.writeString(migrations.resolve("V0002__long.sql"), "CREATE TABLE partial (id int);\n"
        + "INSERT INTO partial VALUES (1);\n"
        + "SELECT pg_sleep(300) FROM crash_control WHERE hang;\n");
    killDuringTheSleep(deploy());

    assertLockIsFree();
    assertEquals("0", text(database, "SELECT count(*) FROM pg_tables WHERE tablename = 'partial'"));
    assertEquals("0001", text(database, "SELECT string_agg(version, ',') FROM schemacode_history"));

    execute(database, "UPDATE crash_control SET hang = false");
    CliProcess.Result next = deploy().await();
    assertEquals(0, next.exitCode(), next.all());
    assertTrue(next.out().contains("applied V0002__long"), next.out());
    assertEquals("1", text(database, "SELECT count(*) FROM partial"));
  }

  /**
   * Through PgBouncer in transaction mode: the killed migrator's client connection closes, PgBouncer
   * closes the server connection it was using, and PostgreSQL 14+ notices within a second
   * ({@code client_connection_check_interval}, set for the migration's transaction) and rolls back,
   * which frees the lock. The next deploy, started at once, completes within 60 s of the kill.
   */
  @Test
  void aKillThroughATransactionPoolerDoesNotBlockTheNextDeploy() throws Exception {
    Files.writeString(migrations.resolve("V0002__long.sql"), "CREATE TABLE partial (id int);\n"
        + "INSERT INTO partial VALUES (1);\n"
        + "SELECT pg_sleep(300) FROM crash_control WHERE hang;\n");
    try (PgBouncer pooler = PgBouncer.start(database.server(), PgBouncer.PoolMode.TRANSACTION, 2)) {
      String url = pooler.jdbcUrl(database.name()) + "&user=" + database.user()
          + (database.password().isEmpty() ? "" : "&password=" + database.password());
      kill(deploy(url));
      execute(database, "UPDATE crash_control SET hang = false"); // the next attempt of V0002 will not sleep
      if (database.serverMajorVersion() < 14) { // no client check: an operator ends the orphan (see above)
        execute(database, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database()"
            + " AND query LIKE 'SELECT pg_sleep(300)%'");
      }
      CliProcess next = deploy(url);
      assertTrue(next.process().waitFor(60, TimeUnit.SECONDS), "the next deploy did not complete within 60 s of the kill: "
          + next.errSoFar() + pooler.log());
      CliProcess.Result result = next.await();
      assertEquals(0, result.exitCode(), result.all());
      assertTrue(result.out().contains("applied V0002__long"), result.out());
      assertEquals("1", text(database, "SELECT count(*) FROM partial"));
      assertEquals("0001,0002", text(database, "SELECT string_agg(version, ',' ORDER BY version) FROM schemacode_history"));
      assertEquals(0, Queries.advisoryLocks(database));
    }
  }

  @Test
  void aKillOutsideATransactionLeavesAFailedRecordThatStopsTheNextDeployUntilResolved() throws Exception {
    Files.writeString(migrations.resolve("V0002__long.sql"), "-- schemacode:no-transaction\n"
        + "CREATE TABLE partial (id int);\n"
        + "SELECT pg_sleep(300) FROM crash_control WHERE hang;\n"
        + "INSERT INTO partial VALUES (1);\n");
    killDuringTheSleep(deploy());

    assertLockIsFree();
    // Outside a transaction the first statement stays; the history does not pretend otherwise.
    assertEquals("1", text(database, "SELECT count(*) FROM pg_tables WHERE tablename = 'partial'"));
    assertEquals("f", text(database, "SELECT success FROM schemacode_history WHERE version = '0002'"));
    CliProcess.Result stopped = deploy().await();
    assertEquals(1, stopped.exitCode(), stopped.all());
    assertTrue(stopped.err().contains("V0002__long failed earlier (or was interrupted)"), stopped.err());

    execute(database, "DROP TABLE partial; UPDATE crash_control SET hang = false");
    CliProcess.Result resolved = CliProcess.run(Map.of("DATABASE_URL", database.jdbcUrlWithCredentials()),
        "resolve", "--rolled-back", "0002", "--migrations", migrations.toString());
    assertEquals(0, resolved.exitCode(), resolved.all());
    CliProcess.Result next = deploy().await();
    assertEquals(0, next.exitCode(), next.all());
    assertEquals("1", text(database, "SELECT count(*) FROM partial"));
  }
}

package dev.schemacode.runtime;

import static dev.schemacode.runtime.Queries.count;
import static dev.schemacode.runtime.Queries.execute;
import static dev.schemacode.runtime.Queries.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemacode.testing.TestDatabase;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Migrations that say {@code -- schemacode:no-transaction}, and how they live with the runner's own lock. */
class NonTransactionalMigrationTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();

  @TempDir Path migrations;

  @BeforeEach
  void emptySchema() throws SQLException {
    Queries.emptySchema(database);
  }

  private Migrator migrator() {
    return Migrator.builder().dataSource(database.dataSource()).migrations(MigrationSource.directory(migrations)).build();
  }

  private void write(String name, String sql) throws Exception {
    Files.writeString(migrations.resolve(name), sql);
  }

  @Test
  void createIndexConcurrentlyRunsOutsideATransaction() throws Exception {
    write("V0001__init.sql", "CREATE TABLE account (id int PRIMARY KEY, email text);\n");
    write("V0002__index.sql", "-- schemacode:no-transaction\n-- builds without blocking writes\n"
        + "CREATE INDEX CONCURRENTLY account_email ON account (email);\n");

    MigrateResult result = migrator().migrate();
    assertEquals(List.of("0001", "0002"), result.applied().stream().map(ResolvedMigration::version).toList());
    assertEquals("t", text(database, "SELECT indisvalid FROM pg_index WHERE indexrelid = 'account_email'::regclass"));
    assertEquals("t", text(database, "SELECT success FROM schemacode_history WHERE version = '0002'"));
  }

  /**
   * The deadlock of Flyway #1654: a second migrator waits for the lock while the first builds an
   * index concurrently. CREATE INDEX CONCURRENTLY waits for every transaction with an older snapshot
   * in the database; a waiter blocked inside {@code SELECT pg_advisory_lock(…)} is one, and it waits
   * for the index builder's lock in turn. Our waiters poll, so both finish.
   */
  @Test
  void concurrentIndexBuildDoesNotDeadlockWithAWaitingMigrator() throws Exception {
    write("V0001__init.sql", "CREATE TABLE account (id int PRIMARY KEY, email text);\n"
        + "-- holds the first migrator here until the test has a second one waiting\n"
        + "SELECT pg_advisory_lock_shared(4242); SELECT pg_advisory_unlock_shared(4242);\n");
    write("V0002__index.sql", "-- schemacode:no-transaction\nCREATE INDEX CONCURRENTLY account_email ON account (email);\n");

    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (Connection gate = database.connect(); Statement statement = gate.createStatement()) {
      statement.execute("SELECT pg_advisory_lock(4242)");
      Future<MigrateResult> first = pool.submit(() -> migrator().migrate());
      Queries.awaitTrue(database, "SELECT count(*) = 1 FROM pg_locks WHERE locktype = 'advisory' AND objid = 4242"
          + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
          + " AND NOT granted", "the first migrator runs V0001");
      Future<MigrateResult> second = pool.submit(() -> migrator().migrate());
      Queries.awaitTrue(database, "SELECT count(*) >= 1 FROM pg_stat_activity WHERE datname = current_database()"
          + " AND state = 'idle' AND query LIKE '%pg_try_advisory%lock(%'", "the second migrator polls for the lock");
      statement.execute("SELECT pg_advisory_unlock(4242)"); // V0001 commits; V0002 builds while the second one waits

      MigrateResult firstResult = first.get(60, TimeUnit.SECONDS);
      MigrateResult secondResult = second.get(60, TimeUnit.SECONDS);
      // Migrators take turns, migration by migration (Deploy): the first applied V0001, and V0002 was built
      // by whichever took the lock when V0001's turn ended, while the other one waited for it. Usually the
      // first; on a busy machine the waiter's poll can land between the two turns (a CI run saw it).
      List<String> firstApplied = firstResult.applied().stream().map(ResolvedMigration::version).toList();
      List<String> secondApplied = secondResult.applied().stream().map(ResolvedMigration::version).toList();
      assertEquals("0001", firstApplied.get(0), "the first migrator applied V0001: " + firstApplied);
      List<String> both = new ArrayList<>(firstApplied);
      both.addAll(secondApplied);
      assertEquals(List.of("0001", "0002"), both, "each applied exactly once: " + firstApplied + " / " + secondApplied);
      assertEquals("0002", firstResult.currentVersion().orElseThrow());
      assertEquals("0002", secondResult.currentVersion().orElseThrow());
    } finally {
      pool.shutdownNow();
    }
    assertEquals("t", text(database, "SELECT indisvalid FROM pg_index WHERE indexrelid = 'account_email'::regclass"));
  }

  /** Why the waiters poll: a blocking waiter and a concurrent index build do deadlock. */
  @Test
  void aBlockingLockWaiterWouldDeadlockWithTheIndexBuild() throws Exception {
    execute(database, "CREATE TABLE account (id int PRIMARY KEY, email text)");
    try (Connection holder = database.connect(); Connection waiter = database.connect();
        Statement holding = holder.createStatement()) {
      holding.execute("SELECT pg_advisory_lock(4343)");
      CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
        try (Statement statement = waiter.createStatement()) {
          statement.execute("SELECT pg_advisory_lock(4343)");
        } catch (SQLException e) {
          throw new IllegalStateException(e.getMessage(), e);
        }
      });
      Queries.awaitTrue(database, "SELECT count(*) = 1 FROM pg_locks WHERE locktype = 'advisory' AND objid = 4343"
          + " AND NOT granted", "the waiter blocks");
      String building;
      try {
        holding.execute("CREATE INDEX CONCURRENTLY account_email ON account (email)");
        building = "finished";
      } catch (SQLException e) {
        building = e.getMessage();
      }
      String waited;
      try {
        waiting.get(60, TimeUnit.SECONDS);
        waited = "finished";
      } catch (java.util.concurrent.ExecutionException e) {
        waited = e.getCause().getMessage();
      }
      assertTrue((building + waited).contains("deadlock detected"), building + " / " + waited);
    }
  }

  @Test
  void aFailedNonTransactionalMigrationIsRecordedAsFailedAndStopsDeploysUntilResolved() throws Exception {
    write("V0001__init.sql", "CREATE TABLE account (id int PRIMARY KEY, email text);\n");
    write("V0002__indexes.sql", "-- schemacode:no-transaction\n"
        + "CREATE INDEX CONCURRENTLY account_email ON account (email);\n"
        + "\n"
        + "CREATE INDEX CONCURRENTLY nowhere_id ON nowhere (id);\n");
    write("V0003__after.sql", "CREATE TABLE after_failure (id int);\n");

    MigrationException e = assertThrows(MigrationException.class, () -> migrator().migrate());
    String message = e.getMessage();
    assertTrue(message.startsWith("migration V0002__indexes failed; it runs outside a transaction"), message);
    assertTrue(message.contains("its first 1 statement stays applied"), message);
    assertTrue(message.contains("statement at line 4 of " + migrations.resolve("V0002__indexes.sql")), message);
    assertTrue(message.contains("CREATE INDEX CONCURRENTLY nowhere_id ON nowhere (id)"), message);
    assertTrue(message.contains("relation \"nowhere\" does not exist"), message);
    assertTrue(message.contains("schemacode resolve --rolled-back 0002"), message);
    assertFalse(message.contains("\n"));

    // The first statement stays; the history says so honestly; nothing after it ran.
    assertEquals(1, count(database, "SELECT count(*) FROM pg_class WHERE relname = 'account_email'"));
    assertEquals("f", text(database, "SELECT success FROM schemacode_history WHERE version = '0002'"));
    assertEquals(0, count(database, "SELECT count(*) FROM pg_tables WHERE tablename = 'after_failure'"));
    assertEquals(MigrationState.FAILED, migrator().status().migrations().get(1).state());

    MigrationException again = assertThrows(MigrationException.class, () -> migrator().migrate());
    assertTrue(again.getMessage().contains("V0002__indexes failed earlier (or was interrupted)"), again.getMessage());

    // Repair: undo by hand, fix the file, forget the failure; deploy runs it again and goes on.
    execute(database, "DROP INDEX account_email");
    write("V0002__indexes.sql", "-- schemacode:no-transaction\nCREATE INDEX CONCURRENTLY account_email ON account (email);\n");
    assertEquals(MigrationState.PENDING, migrator().resolveRolledBack("0002").orElseThrow().state());
    assertEquals(List.of("0002", "0003"), migrator().migrate().applied().stream().map(ResolvedMigration::version).toList());
    assertTrue(migrator().health().ready());
  }

  @Test
  void aFailedConcurrentIndexBuildSaysThatItLeftAnInvalidIndex() throws Exception {
    write("V0001__init.sql", "CREATE TABLE account (id int, email text);\nINSERT INTO account VALUES (1, 'a'), (2, 'a');\n");
    write("V0002__unique.sql", "-- schemacode:no-transaction\nCREATE UNIQUE INDEX CONCURRENTLY account_email ON account (email);\n");

    MigrationException e = assertThrows(MigrationException.class, () -> migrator().migrate());
    assertTrue(e.getMessage().contains("none of its statements had completed"), e.getMessage());
    assertTrue(e.getMessage().contains("leaves an INVALID index behind"), e.getMessage());
    assertEquals("f", text(database, "SELECT indisvalid FROM pg_index WHERE indexrelid = 'account_email'::regclass"));

    // Completed by hand instead: the history accepts it.
    execute(database, "DROP INDEX account_email; DELETE FROM account WHERE id = 2;"
        + " CREATE UNIQUE INDEX account_email ON account (email)");
    MigrationInfo resolved = migrator().resolveApplied("V0002");
    assertEquals(MigrationState.APPLIED, resolved.state());
    assertEquals(AppliedMigration.RESOLVED, resolved.applied().orElseThrow().kind());
    assertTrue(migrator().migrate().applied().isEmpty());
  }

  @Test
  void aPooledConnectionGoesBackAsItCame() throws Exception {
    write("V0001__init.sql", "CREATE TABLE account (id int PRIMARY KEY, email text);\n");
    write("V0002__index.sql", "-- schemacode:no-transaction\nSET lock_timeout = '1min';\n"
        + "CREATE INDEX CONCURRENTLY account_email ON account (email);\n");
    try (Connection pooled = database.connect()) {
      pooled.setAutoCommit(false);
      Migrator migrator = Migrator.builder().dataSource(singleConnection(pooled))
          .migrations(MigrationSource.directory(migrations)).lockTimeout(java.time.Duration.ofSeconds(3)).build();
      assertEquals(2, migrator.migrate().applied().size());

      assertFalse(pooled.getAutoCommit());
      try (Statement statement = pooled.createStatement()) {
        assertEquals("0", show(statement, "lock_timeout"));
        assertEquals("0", show(statement, "statement_timeout"));
        if (pooled.getMetaData().getDatabaseMajorVersion() >= 14) { // the setting came with 14
          assertEquals("0", show(statement, "client_connection_check_interval"));
        }
        assertEquals(0, count(database, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
            + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"));
      }
      pooled.rollback();
    }
  }

  private static String show(Statement statement, String setting) throws SQLException {
    try (var result = statement.executeQuery("SHOW " + setting)) {
      result.next();
      return result.getString(1);
    }
  }

  /** A pool of one: hands out the same connection, and "closing" it gives it back. */
  private static DataSource singleConnection(Connection connection) {
    Connection handle = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
          if (method.getName().equals("close")) {
            return null;
          }
          if (method.getName().equals("isClosed")) {
            return false;
          }
          try {
            return method.invoke(connection, args);
          } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
          }
        });
    return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
        (proxy, method, args) -> {
          if (method.getName().equals("getConnection")) {
            return handle;
          }
          throw new UnsupportedOperationException(method.getName());
        });
  }
}

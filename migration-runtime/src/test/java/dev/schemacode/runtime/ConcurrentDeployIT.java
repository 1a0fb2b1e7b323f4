package dev.schemacode.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemacode.testing.PgBouncer;
import dev.schemacode.testing.PostgresServers;
import dev.schemacode.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight separate JVMs run {@code deploy} at the same moment on a fresh database, round after round:
 * directly, and through a real PgBouncer with a pool of three server connections (fewer than the
 * migrators) in transaction and in session mode, as replicas on a hosting platform would. The
 * migrations write down their own execution, so "exactly once" is read from the database, not
 * inferred from the history. Gated rounds hold the processes at the lock until all eight wait for it
 * and then let them race; the others just start them together. One migration builds an index
 * concurrently while the others wait: the deadlock of Flyway #1654 would show up here. After every
 * round no advisory lock is left on any server connection, the pooler's idle ones included.
 */
class ConcurrentDeployIT {
  private static final int PROCESSES = 8;
  private static final int ROUNDS = Integer.getInteger("schemacode.concurrentRounds", 4);
  private static final int POOL_SIZE = 3;

  @TempDir Path migrations;

  /** All four migrations in transactions; the third a hand-written data fix. */
  private void transactionalMigrations() throws Exception {
    commonMigrations();
    write("V0003__fix_emails.sql", "-- hand-written: a data fix\n"
        + "UPDATE account SET email = upper(email) WHERE id % 2 = 0;\n"
        + "INSERT INTO migration_log (version) VALUES ('0003');\n");
  }

  /** The third one outside a transaction: CREATE INDEX CONCURRENTLY. */
  private void migrationsWithAConcurrentIndex() throws Exception {
    commonMigrations();
    write("V0003__account_email.sql", "-- schemacode:no-transaction\n"
        + "CREATE INDEX CONCURRENTLY account_email ON account (email);\n"
        + "INSERT INTO migration_log (version) VALUES ('0003');\n");
  }

  private void commonMigrations() throws Exception {
    write("V0001__log.sql", "CREATE TABLE migration_log (version text NOT NULL, backend int NOT NULL DEFAULT pg_backend_pid(),"
        + " at timestamptz NOT NULL DEFAULT clock_timestamp());\n"
        + "INSERT INTO migration_log (version) VALUES ('0001');\n");
    write("V0002__account.sql", "CREATE TABLE account (id bigint PRIMARY KEY, email text NOT NULL);\n"
        + "INSERT INTO account SELECT g, 'user' || g || '@example.com' FROM generate_series(1, 5000) g;\n"
        + "SELECT pg_sleep(0.3);\n"
        + "INSERT INTO migration_log (version) VALUES ('0002');\n");
    write("V0004__counter.sql", "CREATE TABLE counter (n int NOT NULL);\nINSERT INTO counter VALUES (1);\n"
        + "INSERT INTO migration_log (version) VALUES ('0004');\n");
  }

  private void write(String name, String sql) throws Exception {
    Files.writeString(migrations.resolve(name), sql);
  }

  /** Where the processes connect: DATABASE_URL and, optionally, SCHEMACODE_DIRECT_URL. */
  private interface Route {
    Map<String, String> environment(TestDatabase database);
  }

  private static String credentials(TestDatabase database) {
    return "&user=" + database.user() + (database.password().isEmpty() ? "" : "&password=" + database.password());
  }

  private static Route through(PgBouncer main, PgBouncer direct) {
    return database -> {
      Map<String, String> environment = new java.util.HashMap<>();
      environment.put("DATABASE_URL", main.jdbcUrl(database.name()) + credentials(database));
      if (direct != null) {
        environment.put("SCHEMACODE_DIRECT_URL", direct.jdbcUrl(database.name()) + credentials(database));
      }
      return environment;
    };
  }

  @Test
  void eightProcessesDeployingAtOnceApplyEveryMigrationExactlyOnce() throws Exception {
    migrationsWithAConcurrentIndex();
    Route direct = database -> Map.of("DATABASE_URL", database.jdbcUrlWithCredentials());
    for (int round = 1; round <= ROUNDS; round++) {
      round("direct_" + round, direct, round % 2 == 1, true);
    }
  }

  /** No direct URL: every migration, its lock and its history row go through the transaction pooler. */
  @Test
  void eightProcessesThroughPgBouncerInTransactionModeApplyEveryMigrationExactlyOnce() throws Exception {
    transactionalMigrations();
    try (PgBouncer pooler = PgBouncer.start(PostgresServers.shared(), PgBouncer.PoolMode.TRANSACTION, POOL_SIZE)) {
      round("transaction_pool_gated", through(pooler, null), true, false);
      round("transaction_pool", through(pooler, null), false, false);
    }
  }

  /**
   * The set-up Supabase documents: the application's URL is the transaction pool, migrations use the
   * session pool as their direct URL. CREATE INDEX CONCURRENTLY runs on a session.
   */
  @Test
  void eightProcessesThroughATransactionPoolWithASessionPoolAsTheDirectUrl() throws Exception {
    migrationsWithAConcurrentIndex();
    try (PgBouncer transactions = PgBouncer.start(PostgresServers.shared(), PgBouncer.PoolMode.TRANSACTION, POOL_SIZE);
        PgBouncer sessions = PgBouncer.start(PostgresServers.shared(), PgBouncer.PoolMode.SESSION, POOL_SIZE)) {
      round("session_pool_as_direct", through(transactions, sessions), false, true);
    }
  }

  /** Session mode: five of the eight queue for one of three server connections until others finish. */
  @Test
  void eightProcessesThroughPgBouncerInSessionModeApplyEveryMigrationExactlyOnce() throws Exception {
    transactionalMigrations();
    try (PgBouncer sessions = PgBouncer.start(PostgresServers.shared(), PgBouncer.PoolMode.SESSION, POOL_SIZE)) {
      round("session_pool", through(sessions, null), false, false);
    }
  }

  private void round(String name, Route route, boolean gated, boolean concurrentIndex) throws Exception {
    TestDatabase database = new TestDatabase();
    database.create("concurrent_deploy_" + name);
    try {
      deployFromEightProcesses(database, route.environment(database), gated, concurrentIndex);
    } finally {
      database.drop();
    }
  }

  private void deployFromEightProcesses(TestDatabase database, Map<String, String> environment, boolean gated,
      boolean concurrentIndex) throws Exception {
    Connection gate = null;
    if (gated) {
      gate = database.connect();
      assertTrue(Queries.tryMigrationLock(gate));
    }
    List<CliProcess> processes = new ArrayList<>();
    for (int i = 0; i < PROCESSES; i++) {
      processes.add(CliProcess.start(environment, "deploy", "--migrations", migrations.toString()));
    }
    if (gate != null) {
      for (CliProcess process : processes) { // each says so once it polls for the lock
        process.awaitErr("schemacode: another migrator holds the lock on schemacode_history; waiting");
      }
      gate.close(); // releases the lock: eight waiters race for it
    }
    int appliedLines = 0;
    for (CliProcess process : processes) {
      CliProcess.Result result = process.await();
      assertEquals(0, result.exitCode(), result.all());
      assertTrue(result.out().contains("database is at V0004"), result.out());
      if (gated) { // every process found the lock taken, and said why it waited
        assertTrue(result.err().contains("schemacode: another migrator holds the lock on schemacode_history; waiting"),
            result.err());
      }
      appliedLines += (int) result.out().lines().filter(line -> line.startsWith("schemacode: applied V")).count();
    }

    assertEquals(4, appliedLines, "each migration reported applied by exactly one process");
    Map<String, Long> executions = new LinkedHashMap<>();
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT version, count(*) FROM migration_log GROUP BY version ORDER BY version")) {
      while (result.next()) {
        executions.put(result.getString(1), result.getLong(2));
      }
    }
    assertEquals(Map.of("0001", 1L, "0002", 1L, "0003", 1L, "0004", 1L), executions);
    assertEquals("4", Queries.text(database, "SELECT count(*) FROM schemacode_history WHERE success"));
    assertEquals("4", Queries.text(database, "SELECT count(*) FROM schemacode_history"));
    assertEquals("1", Queries.text(database, "SELECT count(*) FROM counter"));
    if (concurrentIndex) {
      assertEquals("t", Queries.text(database, "SELECT indisvalid FROM pg_index WHERE indexrelid = 'account_email'::regclass"));
    } else {
      assertEquals("2500", Queries.text(database, "SELECT count(*) FROM account WHERE email = upper(email)"));
    }
    assertEquals(0, Queries.advisoryLocks(database));
  }
}

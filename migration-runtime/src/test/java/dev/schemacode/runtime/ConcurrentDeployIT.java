package dev.schemacode.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight separate JVMs run {@code deploy} at the same moment on a fresh database, round after round.
 * The migrations write down their own execution, so "exactly once" is read from the database, not
 * inferred from the history. Odd rounds hold the processes at the lock until all eight wait for it
 * and then let them race; even rounds just start them together. One migration builds an index
 * concurrently while the others wait: the deadlock of Flyway #1654 would show up here.
 */
class ConcurrentDeployIT {
  private static final int PROCESSES = 8;
  private static final int ROUNDS = Integer.getInteger("schemacode.concurrentRounds", 4);

  @TempDir Path migrations;

  @BeforeEach
  void selfRecordingMigrations() throws Exception {
    write("V0001__log.sql", "CREATE TABLE migration_log (version text NOT NULL, backend int NOT NULL DEFAULT pg_backend_pid(),"
        + " at timestamptz NOT NULL DEFAULT clock_timestamp());\n"
        + "INSERT INTO migration_log (version) VALUES ('0001');\n");
    write("V0002__account.sql", "CREATE TABLE account (id bigint PRIMARY KEY, email text NOT NULL);\n"
        + "INSERT INTO account SELECT g, 'user' || g || '@example.com' FROM generate_series(1, 5000) g;\n"
        + "SELECT pg_sleep(0.3);\n"
        + "INSERT INTO migration_log (version) VALUES ('0002');\n");
    write("V0003__account_email.sql", "-- schemacode:no-transaction\n"
        + "CREATE INDEX CONCURRENTLY account_email ON account (email);\n"
        + "INSERT INTO migration_log (version) VALUES ('0003');\n");
    write("V0004__counter.sql", "CREATE TABLE counter (n int NOT NULL);\nINSERT INTO counter VALUES (1);\n"
        + "INSERT INTO migration_log (version) VALUES ('0004');\n");
  }

  private void write(String name, String sql) throws Exception {
    Files.writeString(migrations.resolve(name), sql);
  }

  @Test
  void eightProcessesDeployingAtOnceApplyEveryMigrationExactlyOnce() throws Exception {
    for (int round = 1; round <= ROUNDS; round++) {
      TestDatabase database = new TestDatabase();
      database.create("concurrent_deploy_round_" + round);
      try {
        deployFromEightProcesses(database, round % 2 == 1);
      } finally {
        database.drop();
      }
    }
  }

  private void deployFromEightProcesses(TestDatabase database, boolean gated) throws Exception {
    Map<String, String> environment = Map.of("DATABASE_URL", database.jdbcUrlWithCredentials());
    Connection gate = null;
    int gatePid = 0;
    if (gated) {
      gate = database.connect();
      assertTrue(Queries.tryMigrationLock(gate));
      try (Statement statement = gate.createStatement(); ResultSet pid = statement.executeQuery("SELECT pg_backend_pid()")) {
        pid.next();
        gatePid = pid.getInt(1);
      }
    }
    List<CliProcess> processes = new ArrayList<>();
    for (int i = 0; i < PROCESSES; i++) {
      processes.add(CliProcess.start(environment, "deploy", "--migrations", migrations.toString()));
    }
    if (gate != null) {
      // The gate's own session last ran pg_try_advisory_lock too: it must not count as a waiter.
      Queries.awaitTrue(database, "SELECT count(*) >= " + PROCESSES + " FROM pg_stat_activity WHERE datname = current_database()"
          + " AND pid <> " + gatePid + " AND state = 'idle' AND query LIKE 'SELECT pg_try_advisory_lock%'",
          "all processes wait for the lock");
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
    assertEquals("t", Queries.text(database, "SELECT indisvalid FROM pg_index WHERE indexrelid = 'account_email'::regclass"));
    assertEquals("0", Queries.text(database, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
            + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"));
  }
}

package dev.schemacode.runtime;

import static dev.schemacode.runtime.Queries.count;
import static dev.schemacode.runtime.Queries.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.schemacode.runtime.cli.SchemacodeCli;
import dev.schemacode.testing.PgBouncer;
import dev.schemacode.testing.TestDatabase;
import dev.schemacode.testing.WireCounter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime through a real PgBouncer in transaction mode with a pool of one or two server
 * connections, so that clients share them as they do in production: in the same JVM, through the
 * Java API, the CLI in-process, and a HikariCP pool. The packaged CLI in separate JVMs, eight at a
 * time, is {@link ConcurrentDeployIT}; a migrator killed through the pooler is {@link CrashIT}.
 */
class PoolerTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();

  private static PgBouncer pooler;
  private static PgBouncer single;

  @TempDir Path migrations;

  @BeforeAll
  static void startPoolers() {
    pooler = PgBouncer.start(database.server(), PgBouncer.PoolMode.TRANSACTION, 2);
    single = PgBouncer.start(database.server(), PgBouncer.PoolMode.TRANSACTION, 1);
  }

  @AfterAll
  static void stopPoolers() {
    if (pooler != null) {
      pooler.close();
    }
    if (single != null) {
      single.close();
    }
  }

  @BeforeEach
  void emptySchema() throws Exception {
    Queries.emptySchema(database);
  }

  private void write(String name, String sql) throws Exception {
    Files.writeString(migrations.resolve(name), sql);
  }

  private static String credentials() {
    return "&user=" + database.user() + (database.password().isEmpty() ? "" : "&password=" + database.password());
  }

  private static String pooled(PgBouncer through) {
    return through.jdbcUrl(database.name()) + credentials();
  }

  private Migrator.Builder migrator(String url) {
    return Migrator.builder().url(DatabaseUrl.parse(url)).migrations(MigrationSource.directory(migrations));
  }

  /** A user's pool with PgJDBC's server-side prepared statements from the first execution on. */
  private static HikariDataSource hikari(PgBouncer through, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(through.jdbcUrl(database.name()));
    config.setUsername(database.user());
    config.setPassword(database.password());
    config.setMaximumPoolSize(size);
    config.addDataSourceProperty("prepareThreshold", "1");
    return new HikariDataSource(config);
  }

  private void selfRecordingMigrations() throws Exception {
    write("V0001__log.sql", "CREATE TABLE migration_log (version text NOT NULL);\n"
        + "INSERT INTO migration_log VALUES ('0001');\n");
    write("V0002__account.sql", "CREATE TABLE account (id bigint PRIMARY KEY, email text NOT NULL);\n"
        + "INSERT INTO account SELECT g, 'user' || g || '@example.com' FROM generate_series(1, 2000) g;\n"
        + "SELECT pg_sleep(0.1);\nINSERT INTO migration_log VALUES ('0002');\n");
    write("V0003__fix_emails.sql", "-- a hand-written data fix\nUPDATE account SET email = upper(email) WHERE id % 2 = 0;\n"
        + "INSERT INTO migration_log VALUES ('0003');\n");
    write("V0004__counter.sql", "CREATE TABLE counter (n int NOT NULL);\nINSERT INTO counter VALUES (1);\n"
        + "INSERT INTO migration_log VALUES ('0004');\n");
  }

  private static Map<String, Long> executions() throws Exception {
    Map<String, Long> executions = new LinkedHashMap<>();
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT version, count(*) FROM migration_log GROUP BY version ORDER BY version")) {
      while (result.next()) {
        executions.put(result.getString(1), result.getLong(2));
      }
    }
    return executions;
  }

  /**
   * Six migrators share a HikariCP pool of four that points at PgBouncer with two server
   * connections, with the driver set to name its prepared statements: the history row of each
   * migration commits with it under a lock that lives in its transaction, so each runs once, and no
   * lock and no named statement stays behind on the shared server connections.
   */
  @Test
  void migratorsSharingAHikariPoolThroughATransactionPoolerApplyEachMigrationOnce() throws Exception {
    selfRecordingMigrations();
    ExecutorService threads = Executors.newFixedThreadPool(6);
    try (HikariDataSource pool = hikari(pooler, 4)) {
      List<Future<MigrateResult>> results = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        results.add(threads.submit(() -> Migrator.builder().dataSource(pool)
            .migrations(MigrationSource.directory(migrations)).build().migrate()));
      }
      int applied = 0;
      for (Future<MigrateResult> result : results) {
        MigrateResult done = result.get(120, TimeUnit.SECONDS);
        assertEquals("0004", done.currentVersion().orElseThrow());
        applied += done.applied().size();
      }
      assertEquals(4, applied);
      // The start-up check, again and again on the same pooled connections: no "S_1 already exists".
      for (int i = 0; i < 10; i++) {
        assertTrue(Migrator.builder().dataSource(pool).migrations(MigrationSource.directory(migrations)).build()
            .migrate().applied().isEmpty());
      }
    } finally {
      threads.shutdownNow();
    }
    assertEquals(Map.of("0001", 1L, "0002", 1L, "0003", 1L, "0004", 1L), executions());
    assertEquals(4, count(database, "SELECT count(*) FROM schemacode_history WHERE success"));
    assertEquals(1000, count(database, "SELECT count(*) FROM account WHERE email = upper(email)"));
    assertEquals(0, Queries.advisoryLocks(database));
  }

  /**
   * Applications whose drivers name their prepared statements ({@code S_1} …, from the first or
   * every execution) share PgBouncer's one server connection, which keeps what a client prepared
   * after the client left: each start-up check is one connection and one round trip through the
   * pooler, and none meets another's {@code S_1}.
   */
  @Test
  void theStartUpCheckIsOneRoundTripThroughThePoolerWhateverThePreparedStatementSettings() throws Exception {
    write("V0001__a.sql", "CREATE TABLE a (id int);\n");
    migrator(pooled(single)).build().migrate();
    try (WireCounter wire = new WireCounter("127.0.0.1", single.port())) {
      for (int i = 0; i < 3; i++) {
        for (int prepareThreshold : new int[] {1, 5, 0, -1}) {
          wire.reset();
          assertTrue(Migrator.builder().dataSource(dataSourceThrough(wire, prepareThreshold))
              .migrations(MigrationSource.directory(migrations)).build().migrate().applied().isEmpty());
          assertEquals(1, wire.connections());
          assertEquals(1, wire.roundTrips(), "prepareThreshold=" + prepareThreshold + ": " + wire.statements());
        }
      }
    }
    assertEquals(0, Queries.advisoryLocks(database));
  }

  /**
   * A summary grown past one page is rewritten after a deploy through the transaction pooler (its
   * {@code VACUUM} a statement of its own, outside any transaction), and still right afterwards.
   */
  @Test
  void aGrownSummaryIsCompactedThroughTheTransactionPoolerAndStaysRight() throws Exception {
    write("V0001__a.sql", "CREATE TABLE a (id int);\n");
    assertEquals(1, migrator(pooled(pooler)).build().migrate().applied().size());
    HistorySummaryTest.growSummary(database, "schemacode_history");
    assertTrue(HistorySummaryTest.summaryPages(database, "schemacode_history_summary") > 1);

    write("V0002__b.sql", "CREATE TABLE b (id int);\n");
    assertEquals(1, migrator(pooled(pooler)).build().migrate().applied().size());
    assertEquals(1, HistorySummaryTest.summaryPages(database, "schemacode_history_summary"));
    assertTrue(migrator(pooled(pooler)).build().migrate().applied().isEmpty());
    Queries.execute(database, "DELETE FROM schemacode_history WHERE version = '0001'");
    MigrationException missing = assertThrows(MigrationException.class, () -> migrator(pooled(pooler)).build().migrate());
    assertTrue(missing.getMessage().contains("V0001"), missing.getMessage());
    assertEquals(0, Queries.advisoryLocks(database));
  }

  /**
   * The one-flush deploy through the transaction pooler's one server connection: the deferred commits
   * of the migrations before a failing one stay applied with their history rows, the deploy's flush
   * passes through, and {@code synchronous_commit = off} never stays on the server connection for the
   * pooler's next client (it is {@code SET LOCAL}, ending with each migration's transaction).
   */
  @Test
  void deferredCommitsAndTheFlushThroughTheTransactionPoolerLeaveNoSettingBehind() throws Exception {
    String asTheServerHasIt = Queries.text(database, "SHOW synchronous_commit");
    for (int version = 1; version <= 2; version++) {
      write("V000" + version + "__step.sql", "CREATE TABLE commit_" + version
          + " AS SELECT current_setting('synchronous_commit') AS setting;\n");
    }
    write("V0003__fails.sql", "SELECT 1 / 0;\n");

    assertThrows(MigrationException.class, () -> migrator(pooled(single)).build().migrate());

    assertEquals("off", Queries.text(database, "SELECT setting FROM commit_1"));
    assertEquals("off", Queries.text(database, "SELECT setting FROM commit_2"));
    assertEquals("2", Queries.text(database, "SELECT count(*) FROM schemacode_history WHERE success"));
    try (java.sql.Connection next = java.sql.DriverManager.getConnection(pooled(single));
        java.sql.Statement statement = next.createStatement();
        java.sql.ResultSet result = statement.executeQuery("SHOW synchronous_commit")) {
      result.next();
      assertEquals(asTheServerHasIt, result.getString(1), "the pooler's next client gets the server's setting");
    }
    write("V0003__fails.sql", "SELECT 1;\n");
    assertEquals(1, migrator(pooled(single)).build().migrate().applied().size());
    assertEquals(0, Queries.advisoryLocks(database));
  }

  /** A plain PgJDBC data source: every {@code getConnection()} is a new client of the pooler. */
  private static javax.sql.DataSource dataSourceThrough(WireCounter wire, int prepareThreshold) {
    org.postgresql.ds.PGSimpleDataSource dataSource = new org.postgresql.ds.PGSimpleDataSource();
    dataSource.setUrl("jdbc:postgresql://127.0.0.1:" + wire.port() + "/" + database.name() + "?sslmode=disable&gssEncMode=disable");
    dataSource.setUser(database.user());
    dataSource.setPassword(database.password());
    dataSource.setAssumeMinServerVersion("10"); // as an application that cares about its start-up would
    dataSource.setPrepareThreshold(prepareThreshold);
    return dataSource;
  }

  @Test
  void aMigrationOutsideATransactionIsRefusedThroughATransactionPoolerBeforeAnythingRunsAndRunsOnTheDirectUrl()
      throws Exception {
    write("V0001__account.sql", "CREATE TABLE account (id int PRIMARY KEY, email text);\n");
    write("V0002__account_email.sql", "-- schemacode:no-transaction\n"
        + "CREATE INDEX CONCURRENTLY account_email ON account (email);\n");

    ConfigurationException refused = assertThrows(ConfigurationException.class, () -> migrator(pooled(pooler)).build().migrate());
    assertTrue(refused.getMessage().startsWith("migration V0002__account_email runs outside a transaction"
        + " (-- schemacode:no-transaction) and needs a database session of its own, but the database URL goes through"
        + " a connection pooler"), refused.getMessage());
    assertTrue(refused.getMessage().contains("--direct-url or SCHEMACODE_DIRECT_URL"), refused.getMessage());
    assertEquals(0, count(database, "SELECT count(*) FROM pg_tables WHERE tablename = 'account'"));

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = SchemacodeCli.run(new String[] {"deploy", "--url", pooled(pooler), "--migrations", migrations.toString()},
        new PrintWriter(out), new PrintWriter(err));
    assertEquals(2, exit, err.toString());
    assertEquals(1, err.toString().strip().lines().count(), err.toString());
    assertTrue(err.toString().contains("with --direct-url or SCHEMACODE_DIRECT_URL"), err.toString());

    exit = SchemacodeCli.run(new String[] {"deploy", "--url", pooled(pooler), "--direct-url", database.jdbcUrlWithCredentials(),
        "--migrations", migrations.toString()}, new PrintWriter(out), new PrintWriter(err));
    assertEquals(0, exit, err.toString());
    assertTrue(out.toString().contains("applied V0002__account_email"), out.toString());
    assertEquals("t", text(database, "SELECT indisvalid FROM pg_index WHERE indexrelid = 'account_email'::regclass"));
    assertEquals(0, Queries.advisoryLocks(database));
    // Nothing pending: the pooled URL alone will do.
    assertTrue(migrator(pooled(pooler)).build().migrate().applied().isEmpty());
  }

  @Test
  void aWaitingMigratorSaysWhomItWaitsForAndGivesUpAfterTheConfiguredTime() throws Exception {
    write("V0001__account.sql", "CREATE TABLE account (id int PRIMARY KEY);\n");
    try (Connection holder = database.connect()) {
      assertTrue(Queries.tryMigrationLock(holder));
      String holderPid;
      try (Statement statement = holder.createStatement(); ResultSet pid = statement.executeQuery("SELECT pg_backend_pid()")) {
        pid.next();
        holderPid = pid.getString(1);
      }
      MigrationException gaveUp = assertThrows(MigrationException.class,
          () -> migrator(pooled(pooler)).lockWaitTimeout(Duration.ofMillis(700)).build().migrate());
      assertTrue(gaveUp.getMessage().startsWith("gave up after 700ms waiting for the migration lock on schemacode_history,"
          + " which another migrator still holds (backend " + holderPid + ", application "), gaveUp.getMessage());

      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int exit = SchemacodeCli.run(new String[] {"deploy", "--url", pooled(pooler), "--lock-wait-timeout", "1s",
          "--migrations", migrations.toString()}, new PrintWriter(out), new PrintWriter(err));
      assertEquals(1, exit, err.toString());
      assertEquals(1, err.toString().strip().lines().count(), err.toString());
      assertTrue(err.toString().startsWith("schemacode: error: gave up after 1s waiting for the migration lock"), err.toString());
    }
    assertEquals(0, count(database, "SELECT count(*) FROM pg_tables WHERE tablename = 'account'"));
    assertEquals(0, Queries.advisoryLocks(database));
    assertEquals(1, migrator(pooled(pooler)).build().migrate().applied().size());
  }

  /** Resolve and baseline are one transaction each: they work through the pooler as deploys do. */
  @Test
  void resolveAndBaselineWorkThroughTheTransactionPooler() throws Exception {
    write("V0001__account.sql", "CREATE TABLE account (id int PRIMARY KEY);\n");
    write("V0002__note.sql", "CREATE TABLE note (id int PRIMARY KEY);\n");
    Queries.execute(database, "CREATE TABLE account (id int PRIMARY KEY)");
    assertEquals(1, migrator(pooled(pooler)).build().baseline("1").size());
    assertEquals(MigrationState.APPLIED, migrator(pooled(pooler)).build().resolveApplied("2").state());
    assertFalse(migrator(pooled(pooler)).build().status().migrations().stream()
        .anyMatch(info -> info.state() != MigrationState.APPLIED));
    assertEquals(0, Queries.advisoryLocks(database));
  }
}

package dev.schemacode.testkit;

import dev.schemacode.model.Ledger;
import dev.schemacode.model.Schema;
import dev.schemacode.runtime.MigrateResult;
import dev.schemacode.runtime.MigrationSource;
import dev.schemacode.runtime.Migrator;
import dev.schemacode.runtime.ResolvedMigration;
import dev.schemacode.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Tests for your migrations, as Room's {@code MigrationTestHelper} is for Android: each test gets a
 * fresh, empty PostgreSQL database (found as {@link TestDatabase} finds one: your
 * {@code SCHEMACODE_TEST_JDBC_URL}, else Testcontainers, else an embedded server), and applies your
 * migrations with the same runtime your application deploys them with.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final MigrationTester migrations = MigrationTester.classpath("db/migration");
 *
 * @Test
 * void migrationsYieldTheDeclaredSchema() throws Exception {
 *   migrations.assertMigrationsProduceDeclaredSchema();
 * }
 *
 * @Test
 * void v0008KeepsTheCustomers() throws Exception {
 *   migrations.migrateTo("0007");
 *   migrations.execute("INSERT INTO customer (email) VALUES ('ada@example.com')");
 *   migrations.migrateTo("0008");
 *   assertEquals(List.of(List.of("ada@example.com")), migrations.query("SELECT email FROM customer"));
 * }
 * }</pre>
 */
public final class MigrationTester implements BeforeEachCallback, AfterEachCallback {
  private final MigrationSource source;
  private TestDatabase database;

  private MigrationTester(MigrationSource source) {
    this.source = source;
  }

  /** Migrations and ledger on the test class path, e.g. {@code db/migration} as the processor writes them. */
  public static MigrationTester classpath(String location) {
    return new MigrationTester(MigrationSource.classpath(location));
  }

  /** Migrations and ledger in a directory, e.g. {@code src/main/resources/db/migration}. */
  public static MigrationTester directory(Path directory) {
    return new MigrationTester(MigrationSource.directory(directory));
  }

  /** Any source the runtime takes, such as the generated index ({@code MigrationSource.index(…)}). */
  public static MigrationTester of(MigrationSource source) {
    return new MigrationTester(source);
  }

  @Override
  public void beforeEach(ExtensionContext context) throws SQLException {
    database = new TestDatabase();
    database.create(context.getRequiredTestClass().getSimpleName() + "_" + context.getRequiredTestMethod().getName());
  }

  @Override
  public void afterEach(ExtensionContext context) throws SQLException {
    if (database != null) {
      database.drop();
      database = null;
    }
  }

  // ---- migrating

  /** Applies every migration, as a deploy would. */
  public MigrateResult migrateAll() {
    return migrator(source).migrate();
  }

  /**
   * Applies the pending migrations up to and including {@code version} ({@code "7"}, {@code "0007"} or
   * {@code "V0007"}), leaving later ones pending; call it again with a later version to go on.
   */
  public MigrateResult migrateTo(String version) {
    long last = number(version);
    List<ResolvedMigration> all = source.resolve();
    if (all.stream().noneMatch(m -> m.file().number() == last)) {
      throw new IllegalArgumentException("there is no migration " + version + " in " + source.description()
          + "; its versions are " + all.stream().map(ResolvedMigration::version).toList());
    }
    return migrator(new UpToVersion(source, last)).migrate();
  }

  /** A {@link Migrator} on this test's database, for anything else the runtime does (status, seeds, …). */
  public Migrator migrator() {
    return migrator(source);
  }

  private Migrator migrator(MigrationSource migrations) {
    return Migrator.builder().dataSource(database().dataSource()).migrations(migrations).build();
  }

  // ---- asserting

  /**
   * The one-line check: applies every migration to the empty database and asserts that the result is
   * exactly the schema the ledger records, the one your entities declare.
   */
  public void assertMigrationsProduceDeclaredSchema() throws SQLException {
    migrateAll();
    assertSchemaMatchesLedger();
  }

  /**
   * Asserts that the database holds exactly the schema the ledger records (after the last migration, so
   * apply them all first): every table, column, type, default, key, constraint, index, enum type and
   * comment, and no constraint left unvalidated, no index left invalid. The failure lists each
   * difference with the SQL that would reconcile it.
   */
  public void assertSchemaMatchesLedger() throws SQLException {
    Ledger ledger = source.ledger().orElseThrow(() -> new AssertionError("there is no " + Ledger.FILE_NAME + " in "
        + source.description() + " to compare with; the schemacode processor writes it beside the migrations"));
    assertSchemaMatches(ledger.schema());
  }

  /** Asserts that the database holds exactly {@code declared}, as {@link #assertSchemaMatchesLedger()} does. */
  public void assertSchemaMatches(Schema declared) throws SQLException {
    try (Connection connection = connect()) {
      SchemaAssertions.assertMatches(connection, declared, Set.of(), SchemaAssertions.RUNTIME_TABLES);
    }
  }

  // ---- data

  /** Runs SQL (several statements separated by {@code ;} are fine), e.g. inserts between two migrations. */
  public void execute(String sql) throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** The rows of a query, each value as PostgreSQL prints it ({@code ::text}), {@code null} for NULL. */
  public List<List<String>> query(String sql) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Connection connection = connect(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(result.getString(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  public Connection connect() throws SQLException {
    return database().connect();
  }

  public DataSource dataSource() {
    return database().dataSource();
  }

  /** This test's database. */
  public TestDatabase database() {
    if (database == null) {
      throw new IllegalStateException("MigrationTester is used outside a test; register it with"
          + " @RegisterExtension static final MigrationTester migrations = MigrationTester.classpath(\"db/migration\");");
    }
    return database;
  }

  /** {@code 7}, {@code 0007} and {@code V0007} are one version, as on the CLI. */
  static long number(String version) {
    String digits = version == null ? "" : version.strip().toUpperCase(Locale.ROOT);
    if (digits.startsWith("V")) {
      digits = digits.substring(1);
    }
    if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException("'" + version + "' is not a migration version; write e.g. 0007 or V0007");
    }
    return Long.parseLong(digits);
  }
}

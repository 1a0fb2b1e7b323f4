package dev.schemacode.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.schemacode.processor.ProcessorHarness.compile;
import static dev.schemacode.processor.ProcessorHarness.snapshot;
import static dev.schemacode.processor.ProcessorHarness.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.schemacode.runtime.AppliedMigration;
import dev.schemacode.runtime.ConfigurationException;
import dev.schemacode.runtime.Environment;
import dev.schemacode.runtime.MigrateResult;
import dev.schemacode.runtime.MigrationException;
import dev.schemacode.runtime.MigrationInfo;
import dev.schemacode.runtime.MigrationSource;
import dev.schemacode.runtime.Migrator;
import dev.schemacode.runtime.PushResult;
import dev.schemacode.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The development loop on a real PostgreSQL, as a developer runs it: the processor builds (into a
 * class output on disk), {@code push} changes the database, one generate build writes the migration,
 * and deploying it to the pushed database records it instead of failing on objects that exist.
 */
class PushWorkflowTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();
  private static final Environment DEVELOPMENT = Environment.named("development");

  @TempDir Path migrations;
  @TempDir Path classes;

  private static JavaFileObject customer(String... fields) {
    List<String> lines = new ArrayList<>(List.of(
        "package com.example;",
        "import dev.schemacode.annotations.*;",
        "import org.jspecify.annotations.Nullable;",
        "@Table",
        "public class Customer {",
        "  @Id @Identity long id;",
        "  String email;"));
    lines.addAll(List.of(fields));
    lines.add("}");
    return source("com.example.Customer", lines.toArray(String[]::new));
  }

  /** The same source with {@code @AcknowledgeDataLoss(loss)} on the class. */
  private static JavaFileObject acknowledging(String loss, JavaFileObject source) throws IOException {
    return JavaFileObjects.forSourceString("com.example.Customer", source.getCharContent(true).toString()
        .replace("@Table\n", "@Table @AcknowledgeDataLoss(\"" + loss + "\")\n"));
  }

  @BeforeEach
  void emptyDatabase() throws SQLException {
    sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
  }

  @AfterEach
  void unmark() throws SQLException {
    sql("ALTER DATABASE " + database.name() + " RESET " + Environment.DATABASE_SETTING);
  }

  @Test
  void pushThenGenerateThenDeployRecordsTheOneMigrationTheDatabaseAlreadyMatches() throws Exception {
    build(null, customer("  @Nullable String fax;"));
    assertEquals(1, migrator(DEVELOPMENT).migrate().applied().size());
    sql("INSERT INTO customer (email, fax) VALUES ('ada@example.com', '0123')");

    // iteration 1: a column, pushed
    build("push", customer("  @Nullable String fax;", "  @Nullable String phone;"));
    PushResult first = migrator(DEVELOPMENT).push(false);
    assertEquals(List.of("add column customer.phone text"), described(first));
    assertFalse(first.inMigrations());
    assertEquals(1L, count("SELECT count(*) FROM pg_tables WHERE tablename = 'schemacode_history_push'"));
    dev.schemacode.runtime.PushMark mark = migrator(DEVELOPMENT).status().pushed().orElseThrow();
    assertEquals(1, mark.pushes());
    assertEquals(1, mark.lastChanges());

    // iteration 2: the phone gets a length, the fax goes: data loss, refused and listed first until accepted
    build("push", customer("  @Nullable @RenamedFrom(\"phone\") @Column(length = 30) String mobile;"));
    dev.schemacode.runtime.PushPlan plan = migrator(DEVELOPMENT).planPush(); // the dry run: what push would do
    assertEquals(List.of("narrow column customer.mobile to varchar(30)", "drop column customer.fax"), plan.dataLoss());
    assertTrue(plan.sql().contains("ALTER TABLE \"customer\" RENAME COLUMN \"phone\" TO \"mobile\";"), plan.sql());
    assertEquals(1L, count("SELECT count(*) FROM information_schema.columns WHERE column_name = 'phone'"), "unchanged");
    MigrationException refused = assertThrows(MigrationException.class, () -> migrator(DEVELOPMENT).push(false));
    assertTrue(refused.getMessage().startsWith("refusing to push, nothing was changed: 2 changes lose data"
        + " (change type of customer.mobile from text to varchar(30); drop column customer.fax); run push again with"
        + " --accept-data-loss to apply them with the other 1 change (rename column customer.phone to mobile)"),
        refused.getMessage());
    assertEquals(1L, count("SELECT count(*) FROM customer WHERE fax = '0123'"), "nothing was changed");
    PushResult second = migrator(DEVELOPMENT).push(true);
    assertEquals(plan.changes(), second.changes(), "the dry run planned what the push did");
    assertEquals(List.of("narrow column customer.mobile to varchar(30)", "drop column customer.fax"), second.dataLoss());
    assertEquals(1L, count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'customer'"
        + " AND column_name = 'mobile' AND character_maximum_length = 30"), "renamed, not dropped and added");
    assertEquals(List.of(), described(migrator(DEVELOPMENT).push(false)), "a second push finds nothing to do");

    // the feature is done: one generate build, one migration
    List<String> before = List.copyOf(snapshot(migrations).keySet());
    Compilation generate = build(null, acknowledging("drop column customer.fax",
        customer("  @Nullable @RenamedFrom(\"phone\") @Column(length = 30) String mobile;")));
    List<String> added = snapshot(migrations).keySet().stream()
        .filter(name -> !before.contains(name) && name.startsWith("V")).toList(); // its reverse (U…) comes along
    assertEquals(1, added.size(), added.toString());
    assertThat(generate).succeeded();

    // the dry run says what the deploy will do: record it, run nothing
    dev.schemacode.runtime.DeployPlan dryRun = migrator(DEVELOPMENT).plan();
    assertEquals(List.of(), dryRun.migrations(), dryRun.sql());
    assertEquals(List.of("0002"), dryRun.recordedAfterPush().stream().map(m -> m.version()).toList());
    assertTrue(dryRun.sql().contains("'push');"), dryRun.sql());
    assertTrue(!dryRun.sql().contains("ALTER TABLE"), dryRun.sql());
    assertEquals(1L, count("SELECT count(*) FROM pg_tables WHERE tablename = 'schemacode_history_push'"), "unchanged");

    // deploying it to the pushed database: recorded, not run (it would fail: mobile exists)
    MigrateResult deployed = migrator(DEVELOPMENT).migrate();
    assertEquals(List.of(), deployed.applied());
    assertEquals(List.of("0002"), deployed.recordedAfterPush().stream().map(m -> m.version()).toList());
    assertEquals("0002", deployed.currentVersion().orElseThrow());
    MigrationInfo v2 = migrator(DEVELOPMENT).status().find(2).orElseThrow();
    assertEquals(AppliedMigration.PUSHED, v2.applied().orElseThrow().kind());
    assertEquals(0L, count("SELECT count(*) FROM pg_tables WHERE tablename = 'schemacode_history_push'"));
    assertTrue(migrator(DEVELOPMENT).status().pushed().isEmpty(), "status no longer says pushed");
    assertTrue(migrator(DEVELOPMENT).drift().none(), "the database is what the migrations record");
    assertEquals(1L, count("SELECT count(*) FROM customer WHERE email = 'ada@example.com'"), "rows kept");
  }

  @Test
  void aPushedDatabaseThatIsNotWhatThePendingMigrationBuildsRefusesToDeployAndSaysWhatToRun() throws Exception {
    build(null, customer());
    migrator(DEVELOPMENT).migrate();
    build("push", customer("  @Nullable String phone;"));
    migrator(DEVELOPMENT).push(false);

    // the migration generated differs from what was pushed (the phone became a mobile meanwhile)
    build(null, customer("  @Nullable String mobile;"));
    MigrationException refusedDryRun = assertThrows(MigrationException.class, () -> migrator(DEVELOPMENT).plan());
    assertTrue(refusedDryRun.getMessage().startsWith("deploy would apply nothing: `schemacode push` changed this"
        + " database, and the database is not the schema"), refusedDryRun.getMessage());
    MigrationException refused = assertThrows(MigrationException.class, () -> migrator(DEVELOPMENT).migrate());
    assertTrue(refused.getMessage().contains("schemacode push"), refused.getMessage());
    assertTrue(refused.getMessage().contains("run `schemacode reset`"), refused.getMessage());
    assertEquals(1L, count("SELECT count(*) FROM schemacode_history"), "nothing was applied or recorded");

    // pushing with the build that generated it brings the two together
    PushResult push = migrator(DEVELOPMENT).push(true);
    assertTrue(push.inMigrations());
    assertEquals(1, push.recorded().size());
    assertTrue(migrator(DEVELOPMENT).drift().none());
  }

  @Test
  void aDatabaseNobodyPushedGetsItsPendingMigrationsFirst() throws Exception {
    build(null, customer());
    build("push", customer("  @Nullable String phone;"));
    PushResult push = migrator(DEVELOPMENT).push(false);
    assertEquals(1, push.deployed().size(), "V0001 applied as a migration, recorded in the history");
    assertEquals(List.of("add column customer.phone text"), described(push));
    assertEquals("migration", text("SELECT kind FROM schemacode_history WHERE version = '0001'"));
  }

  @Test
  void pushIsRefusedInProductionUndeclaredEnvironmentsAndDatabasesThatSaySo() throws Exception {
    build(null, customer());
    migrator(DEVELOPMENT).migrate();
    build("push", customer("  @Nullable String phone;"));

    ConfigurationException production = assertThrows(ConfigurationException.class,
        () -> migrator(Environment.named("production")).push(true));
    assertTrue(production.getMessage().startsWith("refusing to push: the environment is 'production'"),
        production.getMessage());
    assertThrows(ConfigurationException.class, () -> migrator(Environment.unset()).push(true));
    sql("ALTER DATABASE " + database.name() + " SET " + Environment.DATABASE_SETTING + " = 'production'");
    ConfigurationException marked = assertThrows(ConfigurationException.class, () -> migrator(DEVELOPMENT).push(true));
    assertTrue(marked.getMessage().contains("the database says it is 'production'"), marked.getMessage());
    assertEquals(0L, count("SELECT count(*) FROM information_schema.columns WHERE column_name = 'phone'"));

  }

  /** Builds as Maven would: the migrations directory in the source tree, the build's output on disk. */
  private Compilation build(String mode, JavaFileObject... sources) throws IOException {
    Compilation compilation = compile(migrations, mode, sources);
    assertThat(compilation).succeeded();
    for (JavaFileObject file : compilation.generatedFiles()) {
      String path = file.toUri().getPath();
      int at = path.indexOf("CLASS_OUTPUT/");
      if (at >= 0 && !path.endsWith(".class")) {
        Path target = classes.resolve(path.substring(at + "CLASS_OUTPUT/".length()));
        Files.createDirectories(target.getParent());
        try (InputStream in = file.openInputStream()) {
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return compilation;
  }

  private Migrator migrator(Environment environment) {
    return Migrator.builder().dataSource(database.dataSource())
        .migrations(MigrationSource.directory(classes.resolve("db/migration"))).environment(environment).build();
  }

  private static List<String> described(PushResult result) {
    return result.changes().stream().map(change -> change.describe()).toList();
  }

  private static void sql(String sql) throws SQLException {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static long count(String sql) throws SQLException {
    return Long.parseLong(text(sql));
  }

  private static String text(String sql) throws SQLException {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getString(1);
    }
  }
}

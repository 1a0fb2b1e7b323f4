package dev.schemacode.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.schemacode.testing.TestDatabase;
import dev.schemacode.testing.WireCounter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cost every application start pays when nothing is pending, counted on the wire (see
 * {@link WireCounter}): one connection and one round trip, however many migrations there are.
 */
class StartupRoundTripsTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();

  @TempDir Path migrations;

  @BeforeEach
  void emptySchema() throws Exception {
    Queries.emptySchema(database);
  }

  private Migrator throughCounter(WireCounter wire) {
    return Migrator.builder().url(DatabaseUrl.parse(wire.jdbcUrl(database))).migrations(MigrationSource.directory(migrations))
        .build();
  }

  private static WireCounter counter() throws Exception {
    return WireCounter.inFrontOf(database);
  }

  @Test
  void nothingPendingCostsOneConnectionAndOneRoundTripWhateverTheNumberOfMigrations() throws Exception {
    try (WireCounter wire = counter()) {
      for (int count : new int[] {1, 40}) {
        emptySchema();
        for (int i = 1; i <= count; i++) {
          Files.writeString(migrations.resolve(String.format("V%04d__step.sql", i)), "CREATE TABLE t" + i + " (id int);\n");
        }
        Migrator migrator = throughCounter(wire);
        migrator.migrate();

        wire.reset();
        assertEquals(0, migrator.migrate().applied().size());
        assertEquals(1, wire.connections(), "connections with " + count + " migrations");
        assertEquals(1, wire.roundTrips(), "round trips with " + count + " migrations: " + wire.statements());

        wire.reset();
        migrator.health();
        assertEquals(1, wire.connections());
        assertEquals(1, wire.roundTrips(), "health: " + wire.statements());
      }
    }
  }

  /**
   * With nothing pending, a source that knows the checksums (here the generated index) reads no
   * script at all: the file of an applied migration may even be gone from the class path. Once
   * something is pending, every file is loaded and checked before anything runs.
   */
  @Test
  void nothingPendingReadsNoScriptButAPendingOneLoadsAllFirst() throws Exception {
    String init = "CREATE TABLE a (id int);\n";
    Files.writeString(migrations.resolve("V0001__a.sql"), init);
    try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {migrations.toUri().toURL()}, null)) {
      dev.schemacode.model.MigrationIndex index = dev.schemacode.model.MigrationIndex.of("",
          dev.schemacode.model.MigrationIndex.entry("V0001__a.sql", dev.schemacode.model.Checksums.ofScript(init)));
      Migrator.Builder builder = Migrator.builder().dataSource(database.dataSource());
      assertEquals(1, builder.migrations(MigrationSource.index(index, loader)).build().migrate().applied().size());

      Files.delete(migrations.resolve("V0001__a.sql"));
      assertEquals(0, builder.migrations(MigrationSource.index(index, loader)).build().migrate().applied().size());

      String next = "CREATE TABLE b (id int);\n";
      Files.writeString(migrations.resolve("V0002__b.sql"), next);
      dev.schemacode.model.MigrationIndex grown = dev.schemacode.model.MigrationIndex.of("",
          dev.schemacode.model.MigrationIndex.entry("V0001__a.sql", dev.schemacode.model.Checksums.ofScript(init)),
          dev.schemacode.model.MigrationIndex.entry("V0002__b.sql", dev.schemacode.model.Checksums.ofScript(next)));
      ConfigurationException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigurationException.class,
          () -> builder.migrations(MigrationSource.index(grown, loader)).build().migrate());
      org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith("V0001__a.sql is listed in the migration index"),
          e.getMessage());
      assertEquals(0, Queries.count(database, "SELECT count(*) FROM pg_tables WHERE tablename = 'b'"));
    }
  }

  /**
   * A measurement for the docs more than a contract: with something pending, a deploy costs a fixed
   * 4 round trips (the start-up check, which misses, and the history read after it; the history table
   * DDL with a history read, in the first migration's transaction; after the last migration, whether
   * the history's summary has grown past a page and needs compacting) and, per migration in a
   * transaction, one per statement plus 2: its transaction takes the lock (with BEGIN, and reading the
   * history's digest in the same round trip), and its history row goes with the COMMIT; the settings
   * travel with the first statement. After the last one pending no more turns: it was the last under
   * the lock. Nothing is held between migrations, which is what makes a deploy safe through a pooler
   * in transaction mode.
   */
  @Test
  void applyingCostsAFixedOverheadPlusTwoRoundTripsPerMigrationBesidesItsStatements() throws Exception {
    try (WireCounter wire = counter()) {
      Files.writeString(migrations.resolve("V0001__a.sql"), "CREATE TABLE a (id int);\n");
      Migrator migrator = throughCounter(wire);
      migrator.migrate();
      int fixed = 4;

      Files.writeString(migrations.resolve("V0002__b.sql"), "CREATE TABLE b (id int);\n");
      wire.reset();
      migrator.migrate();
      assertEquals(fixed + (2 + 1), wire.roundTrips(), wire.statements().toString());

      Files.writeString(migrations.resolve("V0003__c.sql"), "CREATE TABLE c (id int);\nCREATE TABLE d (id int);\n");
      Files.writeString(migrations.resolve("V0004__e.sql"), "CREATE TABLE e (id int);\n");
      wire.reset();
      migrator.migrate();
      assertEquals(fixed + (2 + 2) + (2 + 1), wire.roundTrips(), wire.statements().toString());
    }
  }
}

package dev.schemacode.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemacode.runtime.internal.HistoryDigest;
import dev.schemacode.runtime.internal.UpToDateTenants;
import dev.schemacode.testing.TestDatabase;
import dev.schemacode.testing.WireCounter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet deploy of tenant schemas checks a batch of tenants for nothing pending in one statement
 * ({@link UpToDateTenants}) before it makes a migrator for any: the statement may call a tenant up to
 * date only where the tenant's own check would, so every way of making a summary lie that the
 * single-tenant check catches (a trigger disabled or dropped before the history was edited, the history
 * dropped) must still reach the tenant's own migrator and be reported, in a batch with healthy tenants.
 */
class FleetUpToDateTest {
  private static final int TENANTS = 20;
  /** Not a pattern's match: listed by name, and quoted in every statement. */
  private static final String ODD = "Tenant \"Odd\"";

  @RegisterExtension static final TestDatabase database = new TestDatabase();

  @TempDir Path migrations;

  @BeforeEach
  void deployedTenants() throws Exception {
    Queries.execute(database, "DO $$ DECLARE s text; BEGIN FOR s IN SELECT nspname FROM pg_namespace WHERE nspname LIKE"
        + " 'tenant\\_%' OR nspname LIKE 'Tenant%' LOOP EXECUTE format('DROP SCHEMA %I CASCADE', s); END LOOP; END $$");
    Queries.execute(database, "DO $$ BEGIN FOR i IN 1.." + TENANTS + " LOOP EXECUTE format('CREATE SCHEMA %I',"
        + " 'tenant_' || lpad(i::text, 2, '0')); END LOOP; END $$; CREATE SCHEMA \"Tenant \"\"Odd\"\"\"");
    for (int i = 1; i <= 3; i++) {
      Files.writeString(migrations.resolve(String.format("V%04d__t%d.sql", i, i)), "CREATE TABLE t" + i + " (id int);\n");
    }
    FleetResult first = fleet(database.jdbcUrlWithCredentials(), List.of("tenant\\_%", ODD)).deploy();
    assertTrue(first.ok(), first.failures().toString());
    assertEquals(TENANTS + 1, first.count(FleetResult.Outcome.APPLIED));
  }

  private Fleet fleet(String url, List<String> schemas) {
    return Fleet.builder().url(DatabaseUrl.parse(url)).schemas(schemas).parallel(1)
        .migrator(builder -> builder.migrations(MigrationSource.directory(migrations))).build();
  }

  /** Outcome of every target, by name. */
  private static Map<String, FleetResult.Target> byName(FleetResult result) {
    Map<String, FleetResult.Target> targets = new TreeMap<>();
    result.targets().forEach(target -> targets.put(target.target().name(), target));
    return targets;
  }

  @Test
  void nothingPendingIsOneStatementPerBatchOfTenants() throws Exception {
    try (WireCounter wire = WireCounter.inFrontOf(database)) {
      String url = wire.jdbcUrl(database);
      FleetResult again = fleet(url, List.of("tenant\\_%", ODD)).deploy();
      assertEquals(TENANTS + 1, again.count(FleetResult.Outcome.UP_TO_DATE), again.failures().toString());
      assertEquals("0003", again.targets().get(0).currentVersion().orElseThrow());
      // the listing, then 21 tenants in batches of 16 (one thread): 2 statements where there were 21
      assertEquals(1, wire.connections());
      assertEquals(1 + 2, wire.roundTrips(), wire.statements().toString());
    }
  }

  @Test
  void whatTheTenantsOwnCheckFindsTheBatchNeverCallsUpToDate() throws Exception {
    // the summaries of all of these still hold the digest of the three migrations applied as they are
    Queries.execute(database, "ALTER TABLE tenant_02.schemacode_history DISABLE TRIGGER USER;"
        + " UPDATE tenant_02.schemacode_history SET checksum = 'edited' WHERE version = '0002'");
    Queries.execute(database, "ALTER TABLE tenant_03.schemacode_history DISABLE TRIGGER schemacode_summary;"
        + " UPDATE tenant_03.schemacode_history SET success = false WHERE version = '0003'");
    Queries.execute(database, "DROP TRIGGER schemacode_summary_truncate ON tenant_04.schemacode_history;"
        + " TRUNCATE tenant_04.schemacode_history");
    Queries.execute(database, "ALTER TABLE tenant_05.schemacode_history DISABLE TRIGGER schemacode_summary;"
        + " INSERT INTO tenant_05.schemacode_history (version, name, checksum, execution_ms, success)"
        + " VALUES ('0009', 'elsewhere', 'x', 0, true)");
    Queries.execute(database, "DROP TABLE tenant_06.schemacode_history");
    Queries.execute(database, "ALTER TABLE \"Tenant \"\"Odd\"\"\".schemacode_history DISABLE TRIGGER USER;"
        + " DELETE FROM \"Tenant \"\"Odd\"\"\".schemacode_history WHERE version = '0001'");

    FleetResult result = fleet(database.jdbcUrlWithCredentials(), List.of("tenant\\_%", ODD)).deploy();

    Map<String, FleetResult.Target> targets = byName(result);
    assertEquals("V0002__t2", targets.get("tenant_02").failedMigration().orElseThrow());
    assertEquals("V0003__t3", targets.get("tenant_03").failedMigration().orElseThrow());
    // a truncated or dropped history: every migration looks pending, and V0001 meets its table
    assertEquals("V0001__t1", targets.get("tenant_04").failedMigration().orElseThrow());
    assertEquals("V0009__elsewhere", targets.get("tenant_05").failedMigration().orElseThrow());
    assertEquals("V0001__t1", targets.get("tenant_06").failedMigration().orElseThrow());
    assertEquals("V0001__t1", targets.get(ODD).failedMigration().orElseThrow());
    assertEquals(6, result.count(FleetResult.Outcome.FAILED), result.failures().toString());
    assertEquals(TENANTS - 5, result.count(FleetResult.Outcome.UP_TO_DATE));
  }

  /** A tenant without a history yet, or a listed schema that does not exist, fails the batch's statement: each tenant alone then. */
  @Test
  void aNewTenantAndAMissingSchemaInABatchWithUpToDateOnes() throws Exception {
    Queries.execute(database, "CREATE SCHEMA tenant_new");
    FleetResult result = fleet(database.jdbcUrlWithCredentials(), List.of("tenant\\_%", "tenant_gone")).deploy();
    Map<String, FleetResult.Target> targets = byName(result);
    assertEquals(FleetResult.Outcome.APPLIED, targets.get("tenant_new").outcome());
    assertEquals(3, targets.get("tenant_new").applied());
    assertEquals(FleetResult.Outcome.FAILED, targets.get("tenant_gone").outcome());
    assertEquals(TENANTS, result.count(FleetResult.Outcome.UP_TO_DATE));
    assertEquals(TENANTS + 2, result.targets().size());
  }

  /** The statement itself: the tenants it names are exactly those whose check matches, whatever the history's name. */
  @Test
  void theStatementNamesExactlyTheTenantsWhoseCheckMatches() throws Exception {
    List<String> schemas = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      schemas.add("tenant_named_" + i);
      Queries.execute(database, "CREATE SCHEMA tenant_named_" + i);
    }
    Fleet named = Fleet.builder().url(DatabaseUrl.parse(database.jdbcUrlWithCredentials())).schemas(schemas).parallel(1)
        .migrator(builder -> builder.migrations(MigrationSource.directory(migrations)).historyTable("applied")).build();
    assertEquals(5, named.deploy().count(FleetResult.Outcome.APPLIED));
    String digest = HistoryDigest.allApplied(MigrationSource.directory(migrations).listing());
    var connections = dev.schemacode.runtime.internal.ConnectionFactory.of(DatabaseUrl.parse(database.jdbcUrlWithCredentials()));
    UpToDateTenants check = new UpToDateTenants("applied", digest);
    assertEquals(Set.copyOf(schemas), check.among(connections, schemas));

    Queries.execute(database, "ALTER TABLE tenant_named_2.applied DISABLE TRIGGER schemacode_summary_truncate");
    Queries.execute(database, "ALTER TABLE tenant_named_4.applied ENABLE REPLICA TRIGGER schemacode_summary"); // fires on replicas only
    Queries.execute(database, "UPDATE tenant_named_5.applied SET checksum = 'edited' WHERE version = '0001'");
    assertEquals(Set.of("tenant_named_1", "tenant_named_3"), check.among(connections, schemas));
    assertEquals(Set.of(), new UpToDateTenants("applied", (digest.startsWith("a") ? "b" : "a") + digest.substring(1)).among(connections, schemas),
        "another digest");
    assertEquals(Set.of(), check.among(connections, List.of("tenant_named_1", "tenant_gone")), "the statement fails: no answer");
  }
}

package dev.schemacode.example;

import static dev.schemacode.example.jooq.Tables.CUSTOMER;
import static dev.schemacode.example.jooq.Tables.FUNDING_COVERAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemacode.example.jooq.CustomerRecord;
import dev.schemacode.example.jooq.FundingCoverageRecord;
import dev.schemacode.runtime.Migrator;
import dev.schemacode.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.MappedSchema;
import org.jooq.conf.RenderMapping;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A schema per tenant, as jOOQ users do it: the migrations applied into {@code tenant_a} (and nothing
 * in {@code public}), queries written against the metamodel's {@code public} and mapped at render time.
 * Works because the example names the schema ({@code -Aschemacode.jooq.schema=public}); the enum's
 * cast is mapped with the tables.
 */
class JooqRenderMappingTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();

  @Test
  void renderMappingMovesTablesAndTheEnumCastToTheTenantsSchema() throws Exception {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA tenant_a");
    }
    PGSimpleDataSource tenant = new PGSimpleDataSource();
    tenant.setURL(database.jdbcUrl() + (database.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=tenant_a");
    tenant.setUser(database.user());
    tenant.setPassword(database.password());
    Migrator.builder().dataSource(tenant).migrations(SchemacodeMigrations.INDEX).build().migrate();

    DSLContext db = DSL.using(database.dataSource(), SQLDialect.POSTGRES, new Settings().withRenderMapping(
        new RenderMapping().withSchemata(new MappedSchema().withInput("public").withOutput("tenant_a"))));
    String sql = db.render(db.selectFrom(FUNDING_COVERAGE).where(FUNDING_COVERAGE.COLLECTION_STATUS.eq(CollectionStatus.PENDING)));
    assertTrue(sql.contains("\"tenant_a\".\"funding_coverage\"") && sql.contains("\"tenant_a\".\"collection_status\""), sql);

    CustomerRecord customer = db.newRecord(CUSTOMER);
    customer.setEmail("tenant@example.com");
    customer.setCreatedAt(Instant.now());
    customer.store();
    FundingCoverageRecord coverage = new FundingCoverageRecord(null, customer.getId(), new BigDecimal("5.00"), "EUR",
        LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1), Instant.now(), CollectionStatus.PENDING, null);
    db.attach(coverage);
    coverage.store();
    assertEquals(1, db.fetchCount(FUNDING_COVERAGE, FUNDING_COVERAGE.COLLECTION_STATUS.eq(CollectionStatus.PENDING)));
    assertEquals("tenant@example.com", db.select(FUNDING_COVERAGE.customer().EMAIL).from(FUNDING_COVERAGE).fetchOne().value1());

    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT (SELECT count(*) FROM tenant_a.funding_coverage), to_regclass('public.customer') IS NULL")) {
      rows.next();
      assertEquals(1, rows.getInt(1), "the row went to the tenant's schema");
      assertTrue(rows.getBoolean(2), "nothing was created in public");
    }
  }
}

package dev.schemacode.example;

import static dev.schemacode.example.jooq.Tables.CUSTOMER;
import static dev.schemacode.example.jooq.Tables.FUNDING_COVERAGE;
import static dev.schemacode.example.jooq.Tables.PAYMENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.schemacode.example.jooq.CustomerTable;
import dev.schemacode.runtime.Migrator;
import dev.schemacode.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The generated jOOQ classes against the migrated database: inserts, key joins, aliases, mapping into
 * entities, and the {@link JooqQuerySuite} (records, paths, multiset) that also runs on jOOQ's own generated code.
 */
class JooqQueryTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();
  private static DSLContext db;

  /** A record to read rows into, as applications often do for read models. */
  record CustomerSummary(Long id, String email, String displayName) {}

  @BeforeAll
  static void migrate() {
    Migrator.builder().dataSource(database.dataSource()).migrations(SchemacodeMigrations.INDEX).build().migrate();
    db = DSL.using(database.dataSource(), SQLDialect.POSTGRES);
  }

  @Test
  void insertsJoinsOnTheForeignKeyAndReadsIntoEntities() {
    Long id = db.insertInto(CUSTOMER).set(CUSTOMER.EMAIL, "joan@example.com").set(CUSTOMER.CREATED_AT, Instant.now())
        .returningResult(CUSTOMER.ID).fetchOne().value1();
    db.insertInto(FUNDING_COVERAGE)
        .set(FUNDING_COVERAGE.CUSTOMER_ID, id).set(FUNDING_COVERAGE.AMOUNT, new BigDecimal("10.00"))
        .set(FUNDING_COVERAGE.PERIOD_START, LocalDate.of(2026, 1, 1)).set(FUNDING_COVERAGE.PERIOD_END, LocalDate.of(2026, 2, 1))
        .execute();

    Customer customer = db.selectFrom(CUSTOMER).where(CUSTOMER.ID.eq(id)).fetchOneInto(Customer.class);
    assertEquals("joan@example.com", customer.email);
    assertNull(customer.displayName);
    assertNotNull(customer.createdAt);

    CustomerSummary summary = db.select(CUSTOMER.ID, CUSTOMER.EMAIL, CUSTOMER.DISPLAY_NAME).from(CUSTOMER)
        .where(CUSTOMER.ID.eq(id)).fetchOneInto(CustomerSummary.class);
    assertEquals(new CustomerSummary(id, "joan@example.com", null), summary);

    List<FundingCoverage> coverages = db.select(FUNDING_COVERAGE.asterisk()).from(FUNDING_COVERAGE)
        .join(CUSTOMER).onKey()
        .where(CUSTOMER.EMAIL.eq("joan@example.com"))
        .fetchInto(FundingCoverage.class);
    assertEquals(1, coverages.size());
    assertEquals(CollectionStatus.PENDING, coverages.get(0).collectionStatus, "the enum default, typed as the Java enum");
    assertEquals("EUR", coverages.get(0).currency);

    CustomerTable c = CUSTOMER.as("c");
    assertEquals(1, db.selectCount().from(c).where(c.EMAIL.eq("joan@example.com")).fetchOne().value1());
    assertEquals(List.of("payment_customer_id_fkey"), PAYMENT.getReferencesTo(CUSTOMER).stream().map(k -> k.getName()).toList());
    assertEquals("customer_pkey", CUSTOMER.getPrimaryKey().getName());
    assertEquals(List.of("customer_email_key"), CUSTOMER.getUniqueKeys().stream().map(k -> k.getName()).toList());
  }

  @Test
  void recordsPathsAndTheRestOfTheQuerySuite() {
    JooqQuerySuite.run(db);
  }
}

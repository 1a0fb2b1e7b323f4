package dev.schemacode.example;

import static dev.schemacode.example.jooq.Tables.CUSTOMER;
import static dev.schemacode.example.jooq.Tables.FUNDING_COVERAGE;
import static dev.schemacode.example.jooq.Tables.PAYMENT;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectFrom;
import static org.jooq.impl.DSL.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemacode.example.jooq.CustomerRecord;
import dev.schemacode.example.jooq.CustomerTable;
import dev.schemacode.example.jooq.FundingCoverageRecord;
import dev.schemacode.example.jooq.Keys;
import dev.schemacode.example.jooq.PaymentRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.Result;
import org.jooq.UpdatableRecord;
import org.jooq.conf.Settings;
import org.jooq.exception.DataChangedException;
import org.jooq.impl.DAOImpl;

/**
 * Queries a jOOQ user writes against generated classes: CRUD through records (optimistic locking too), a
 * {@code DAOImpl} over a record, path joins, aliases, enum filters, fetching into entities, records and POJOs, multiset. {@code JooqQueryTest} runs it
 * against the processor's metamodel; {@code JooqCodegenCompatibilityTest} compiles this very source
 * against what jOOQ's code generator writes from the migrated database (class names matched by a
 * generator strategy) and runs it there too. So it uses only public API of the example's classes.
 */
public final class JooqQuerySuite {
  /** A POJO to read rows into and write records from, as applications do for read models. */
  public record CustomerRow(Long id, String email, String displayName) {}

  /**
   * A DAO as codegen users have them: jOOQ's {@code DAOImpl} over the generated record, with the entity as
   * its POJO (docs/jooq.md, "Decisions"). An application reads the id as {@code customer.id}; the suite
   * goes through the record because the compatibility test loads it apart from the entity's package.
   */
  public static final class CustomerDao extends DAOImpl<CustomerRecord, Customer, Long> {
    public CustomerDao(Configuration configuration) {
      super(CUSTOMER, Customer.class, configuration);
    }

    @Override
    public Long getId(Customer customer) {
      return ctx().newRecord(CUSTOMER, customer).getId();
    }
  }

  private JooqQuerySuite() {}

  public static void run(DSLContext db) {
    db.deleteFrom(CUSTOMER).execute(); // cascades to coverages and payments
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

    // CRUD through records: the identity comes back, changes are tracked, refresh re-reads
    CustomerRecord joan = db.newRecord(CUSTOMER);
    joan.setEmail("joan@example.com");
    joan.setCreatedAt(now);
    assertEquals(1, joan.store());
    assertNotNull(joan.getId(), "store() fetches the identity");
    joan.setDisplayName("Joan");
    assertEquals(1, joan.store(), "store() on a fetched key updates");
    assertEquals(joan.getId(), joan.key().value1());
    db.update(CUSTOMER).set(CUSTOMER.DISPLAY_NAME, "Joan B.").where(CUSTOMER.ID.eq(joan.getId())).execute();
    joan.refresh();
    assertEquals("Joan B.", joan.getDisplayName());
    CustomerRecord fetched = db.fetchOne(CUSTOMER, CUSTOMER.EMAIL.eq("joan@example.com"));
    assertEquals(joan, fetched);
    assertInstanceOf(UpdatableRecord.class, fetched);

    // optimistic locking: a record changed by someone else since it was read is not overwritten
    DSLContext locking = db.configuration().derive(new Settings().withExecuteWithOptimisticLocking(true)).dsl();
    CustomerRecord mine = locking.fetchOne(CUSTOMER, CUSTOMER.ID.eq(joan.getId()));
    CustomerRecord theirs = locking.fetchOne(CUSTOMER, CUSTOMER.ID.eq(joan.getId()));
    theirs.setDisplayName("Joan C.");
    theirs.store();
    mine.setDisplayName("Joan D.");
    assertThrows(DataChangedException.class, mine::store);
    joan.refresh();
    assertEquals("Joan C.", joan.getDisplayName());
    joan.setDisplayName("Joan B.");
    joan.store();

    // a record written from a POJO, and the constructor taking every column
    CustomerRecord max = db.newRecord(CUSTOMER, new CustomerRow(null, "max@example.com", "Max"));
    max.setCreatedAt(now);
    max.store();
    CustomerRecord ann = new CustomerRecord(null, "ann@example.com", null, now);
    db.attach(ann);
    ann.store();

    // children through records; the database's defaults come back with refresh()
    FundingCoverageRecord coverage = db.newRecord(FUNDING_COVERAGE);
    coverage.setCustomerId(joan.getId());
    coverage.setAmount(new BigDecimal("10.00"));
    coverage.setPeriodStart(LocalDate.of(2026, 1, 1));
    coverage.setPeriodEnd(LocalDate.of(2026, 2, 1));
    coverage.store();
    coverage.refresh();
    assertEquals("EUR", coverage.getCurrency());
    assertEquals(CollectionStatus.PENDING, coverage.getCollectionStatus());
    assertNull(coverage.getCollectedAt());
    assertEquals(joan, coverage.fetchParent(Keys.FUNDING_COVERAGE__FUNDING_COVERAGE_CUSTOMER_ID_FKEY));
    Result<FundingCoverageRecord> children = joan.fetchChildren(Keys.FUNDING_COVERAGE__FUNDING_COVERAGE_CUSTOMER_ID_FKEY);
    assertEquals(List.of(coverage.getId()), children.getValues(FUNDING_COVERAGE.ID));

    // batchStore, and a typed Result
    List<PaymentRecord> payments = List.of(
        new PaymentRecord(null, joan.getId(), new BigDecimal("4.00"), "EUR", null, now),
        new PaymentRecord(null, joan.getId(), new BigDecimal("6.00"), "EUR", "inv-2", now),
        new PaymentRecord(null, max.getId(), new BigDecimal("1.50"), "USD", null, now));
    db.batchStore(payments).execute();
    Result<PaymentRecord> joans = db.selectFrom(PAYMENT).where(PAYMENT.CUSTOMER_ID.eq(joan.getId()))
        .orderBy(PAYMENT.AMOUNT).fetch();
    assertEquals(List.of(new BigDecimal("4.00"), new BigDecimal("6.00")), joans.map(PaymentRecord::getAmount));
    assertEquals("inv-2", joans.get(1).getReference());

    // a DAO over the record, the entity as its POJO: the identity is written back into the entity
    CustomerDao customers = new CustomerDao(db.configuration());
    CustomerRecord draft = db.newRecord(CUSTOMER);
    draft.setEmail("dao@example.com");
    draft.setCreatedAt(now);
    Customer entity = draft.into(Customer.class);
    customers.insert(entity);
    Long daoId = customers.getId(entity);
    assertNotNull(daoId, "DAOImpl.insert writes the identity back into the entity");
    assertTrue(customers.existsById(daoId));
    assertEquals(4, customers.count());
    Customer found = customers.fetchOne(CUSTOMER.EMAIL, "dao@example.com");
    CustomerRecord renamed = db.newRecord(CUSTOMER, found);
    renamed.setDisplayName("Dao");
    customers.update(renamed.into(Customer.class));
    assertEquals("Dao", db.newRecord(CUSTOMER, customers.findById(daoId)).getDisplayName());
    customers.deleteById(daoId);
    assertTrue(customers.findOptionalById(daoId).isEmpty());

    // implicit to-one path join, in the projection and in the predicate
    Record2<BigDecimal, String> covered = db.select(FUNDING_COVERAGE.AMOUNT, FUNDING_COVERAGE.customer().EMAIL)
        .from(FUNDING_COVERAGE).where(FUNDING_COVERAGE.customer().DISPLAY_NAME.eq("Joan B.")).fetchOne();
    assertEquals("joan@example.com", covered.value2());

    // explicit to-many path join and path correlation in a multiset
    Map<String, Integer> paymentsPerCustomer = db.select(CUSTOMER.EMAIL, count(CUSTOMER.payment().ID))
        .from(CUSTOMER).leftJoin(CUSTOMER.payment()).groupBy(CUSTOMER.EMAIL).fetchMap(CUSTOMER.EMAIL, count(CUSTOMER.payment().ID));
    assertEquals(Map.of("joan@example.com", 2, "max@example.com", 1, "ann@example.com", 0), paymentsPerCustomer);
    var withPayments = db.select(CUSTOMER.EMAIL,
            multiset(select(CUSTOMER.payment().AMOUNT).from(CUSTOMER.payment()).orderBy(CUSTOMER.payment().AMOUNT))
                .convertFrom(r -> r.map(p -> p.value1())))
        .from(CUSTOMER).where(CUSTOMER.ID.eq(joan.getId())).fetchOne();
    assertEquals(List.of(new BigDecimal("4.00"), new BigDecimal("6.00")), withPayments.value2());
    // a multiset of typed records along the to-many path, and of entities
    var nested = db.select(CUSTOMER.EMAIL,
            multiset(selectFrom(CUSTOMER.payment()).orderBy(CUSTOMER.payment().AMOUNT)),
            multiset(selectFrom(CUSTOMER.payment())).convertFrom(r -> r.into(Payment.class)))
        .from(CUSTOMER).where(CUSTOMER.ID.eq(joan.getId())).fetchOne();
    Result<PaymentRecord> nestedRecords = nested.value2();
    assertEquals(List.of("inv-2"), nestedRecords.stream().map(PaymentRecord::getReference).filter(r -> r != null).toList());
    assertInstanceOf(PaymentRecord.class, nestedRecords.get(0));
    assertEquals(2, nested.value3().size());
    assertEquals(new BigDecimal("10.00"), db.select(sum(CUSTOMER.payment().AMOUNT)).from(CUSTOMER)
        .join(CUSTOMER.payment()).where(CUSTOMER.ID.eq(joan.getId())).fetchOne().value1());

    // aliases (a self-join through one) and the enum filter, bound with its PostgreSQL type
    CustomerTable other = CUSTOMER.as("other");
    assertEquals(2, db.selectCount().from(CUSTOMER).join(other).on(other.ID.ne(CUSTOMER.ID))
        .where(CUSTOMER.ID.eq(joan.getId())).fetchOne().value1());
    assertEquals(1, db.fetchCount(FUNDING_COVERAGE, FUNDING_COVERAGE.COLLECTION_STATUS.eq(CollectionStatus.PENDING)));
    db.update(FUNDING_COVERAGE).set(FUNDING_COVERAGE.COLLECTION_STATUS, CollectionStatus.COLLECTED)
        .set(FUNDING_COVERAGE.COLLECTED_AT, now).execute();
    assertEquals(0, db.fetchCount(FUNDING_COVERAGE, FUNDING_COVERAGE.COLLECTION_STATUS.eq(CollectionStatus.PENDING)));

    // fetch into entities, records and POJOs
    List<Payment> entities = db.selectFrom(PAYMENT).where(PAYMENT.CUSTOMER_ID.eq(max.getId())).fetchInto(Payment.class);
    assertEquals(1, entities.size());
    assertEquals(new BigDecimal("1.50"), entities.get(0).amount());
    assertEquals(3, db.selectFrom(CUSTOMER).fetchInto(Customer.class).size());
    List<CustomerRow> rows = db.select(CUSTOMER.ID, CUSTOMER.EMAIL, CUSTOMER.DISPLAY_NAME).from(CUSTOMER)
        .orderBy(CUSTOMER.EMAIL).fetchInto(CustomerRow.class);
    assertEquals(new CustomerRow(ann.getId(), "ann@example.com", null), rows.get(0));
    CustomerRecord asRecord = db.select(CUSTOMER.asterisk()).from(CUSTOMER).where(CUSTOMER.ID.eq(max.getId()))
        .fetchOneInto(CUSTOMER);
    assertEquals("Max", asRecord.getDisplayName());

    // delete through the record: the foreign keys cascade
    assertEquals(1, joan.delete());
    assertEquals(0, db.fetchCount(FUNDING_COVERAGE));
    assertEquals(1, db.fetchCount(PAYMENT));
  }
}

package dev.schemacode.example;

import static dev.schemacode.example.jooq.Tables.CUSTOMER;
import static dev.schemacode.example.jooq.Tables.FUNDING_COVERAGE;
import static dev.schemacode.example.jooq.Tables.PAYMENT;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * The example's business logic, written against the jOOQ classes the schemacode processor generated
 * from the entities: the queries are checked by the compiler against the declared schema.
 */
final class ShopService {
  /** A coverage with the email of its customer, read with a join on the foreign key. */
  record CoverageView(FundingCoverage coverage, String customerEmail) {}

  private final DSLContext db;

  ShopService(DSLContext db) {
    this.db = db;
  }

  Customer createCustomer(String email, String displayName) {
    return db.insertInto(CUSTOMER)
        .set(CUSTOMER.EMAIL, email)
        .set(CUSTOMER.DISPLAY_NAME, displayName)
        .set(CUSTOMER.CREATED_AT, Instant.now())
        .returning()
        .fetchOne()
        .into(Customer.class);
  }

  /** PostgreSQL refused a customer because another one has the e-mail address (SQLSTATE 23505 on its unique key). */
  static boolean isUniqueEmailViolation(org.jooq.exception.DataAccessException e) {
    return "23505".equals(e.sqlState()) && e.getCause() instanceof org.postgresql.util.PSQLException psql
        && psql.getServerErrorMessage() != null
        && "customer_email_key".equals(psql.getServerErrorMessage().getConstraint());
  }

  Optional<Customer> customer(long id) {
    return db.selectFrom(CUSTOMER).where(CUSTOMER.ID.eq(id)).fetchOptionalInto(Customer.class);
  }

  FundingCoverage createCoverage(long customerId, BigDecimal amount, String currency, LocalDate start, LocalDate end) {
    var insert = db.insertInto(FUNDING_COVERAGE)
        .set(FUNDING_COVERAGE.CUSTOMER_ID, customerId)
        .set(FUNDING_COVERAGE.AMOUNT, amount)
        .set(FUNDING_COVERAGE.PERIOD_START, start)
        .set(FUNDING_COVERAGE.PERIOD_END, end);
    if (currency != null) {
      insert = insert.set(FUNDING_COVERAGE.CURRENCY, currency);
    }
    return insert.returning().fetchOne().into(FundingCoverage.class);
  }

  List<FundingCoverage> coveragesOf(long customerId) {
    return db.selectFrom(FUNDING_COVERAGE).where(FUNDING_COVERAGE.CUSTOMER_ID.eq(customerId))
        .orderBy(FUNDING_COVERAGE.ID).fetchInto(FundingCoverage.class);
  }

  /** Marks a pending coverage collected; empty when there is no such coverage, or it is not pending. */
  Optional<FundingCoverage> collect(long coverageId) {
    return db.update(FUNDING_COVERAGE)
        .set(FUNDING_COVERAGE.COLLECTION_STATUS, CollectionStatus.COLLECTED)
        .set(FUNDING_COVERAGE.COLLECTED_AT, Instant.now())
        .where(FUNDING_COVERAGE.ID.eq(coverageId))
        .and(FUNDING_COVERAGE.COLLECTION_STATUS.eq(CollectionStatus.PENDING))
        .returning()
        .fetchOptional()
        .map(record -> record.into(FundingCoverage.class));
  }

  boolean coverageExists(long coverageId) {
    return db.fetchExists(FUNDING_COVERAGE, FUNDING_COVERAGE.ID.eq(coverageId));
  }

  List<CoverageView> coverages(CollectionStatus status) {
    return db.select(FUNDING_COVERAGE.asterisk(), CUSTOMER.EMAIL)
        .from(FUNDING_COVERAGE)
        .join(CUSTOMER).onKey()
        .where(FUNDING_COVERAGE.COLLECTION_STATUS.eq(status))
        .orderBy(FUNDING_COVERAGE.ID)
        .fetch(record -> new CoverageView(record.into(FUNDING_COVERAGE).into(FundingCoverage.class),
            record.get(CUSTOMER.EMAIL)));
  }

  Payment createPayment(long customerId, BigDecimal amount, String currency, String reference) {
    Record record = db.insertInto(PAYMENT)
        .set(PAYMENT.CUSTOMER_ID, customerId)
        .set(PAYMENT.AMOUNT, amount)
        .set(PAYMENT.CURRENCY, currency)
        .set(PAYMENT.REFERENCE, reference)
        .set(PAYMENT.CREATED_AT, Instant.now())
        .returning()
        .fetchOne();
    return toPayment(record);
  }

  List<Payment> paymentsOf(long customerId) {
    return db.selectFrom(PAYMENT).where(PAYMENT.CUSTOMER_ID.eq(customerId)).orderBy(PAYMENT.ID).fetch(this::toPayment);
  }

  /** Payment is a record with an Optional component, which jOOQ's reflective mapping does not fill. */
  private Payment toPayment(Record record) {
    return new Payment(record.get(PAYMENT.ID), record.get(PAYMENT.CUSTOMER_ID), record.get(PAYMENT.AMOUNT),
        record.get(PAYMENT.CURRENCY), Optional.ofNullable(record.get(PAYMENT.REFERENCE)), record.get(PAYMENT.CREATED_AT));
  }
}

package dev.schemacode.example.boot;

import static dev.schemacode.example.boot.jooq.Tables.CUSTOMER;
import static dev.schemacode.example.boot.jooq.Tables.PAYMENT;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The shop's queries, through the jOOQ classes the schemacode processor generated from the
 * entities, on the {@code DSLContext} Boot configures (which translates jOOQ's exceptions into
 * Spring's: a unique violation is a {@link DuplicateKeyException}).
 */
@Service
public class ShopService {
  private final DSLContext db;

  public ShopService(DSLContext db) {
    this.db = db;
  }

  /** @throws EmailTakenException when another customer has this e-mail address */
  public Customer createCustomer(String email, String displayName) {
    try {
      return toCustomer(db.insertInto(CUSTOMER)
          .set(CUSTOMER.EMAIL, email)
          .set(CUSTOMER.DISPLAY_NAME, displayName)
          .set(CUSTOMER.CREATED_AT, Instant.now())
          .returning()
          .fetchOne());
    } catch (DuplicateKeyException e) {
      throw new EmailTakenException(email, e);
    }
  }

  public Optional<Customer> customer(long id) {
    return db.selectFrom(CUSTOMER).where(CUSTOMER.ID.eq(id)).fetchOptional().map(this::toCustomer);
  }

  public Payment createPayment(long customerId, BigDecimal amount, String currency, String reference) {
    return toPayment(db.insertInto(PAYMENT)
        .set(PAYMENT.CUSTOMER_ID, customerId)
        .set(PAYMENT.AMOUNT, amount)
        .set(PAYMENT.CURRENCY, currency)
        .set(PAYMENT.REFERENCE, reference)
        .set(PAYMENT.CREATED_AT, Instant.now())
        .returning()
        .fetchOne());
  }

  public List<Payment> paymentsOf(long customerId) {
    return db.selectFrom(PAYMENT).where(PAYMENT.CUSTOMER_ID.eq(customerId)).orderBy(PAYMENT.ID).fetch(this::toPayment);
  }

  private Customer toCustomer(Record record) {
    return new Customer(record.get(CUSTOMER.ID), record.get(CUSTOMER.EMAIL),
        Optional.ofNullable(record.get(CUSTOMER.DISPLAY_NAME)), record.get(CUSTOMER.CREATED_AT));
  }

  private Payment toPayment(Record record) {
    return new Payment(record.get(PAYMENT.ID), record.get(PAYMENT.CUSTOMER_ID), record.get(PAYMENT.AMOUNT),
        record.get(PAYMENT.CURRENCY), Optional.ofNullable(record.get(PAYMENT.REFERENCE)), record.get(PAYMENT.CREATED_AT));
  }

  /** Another customer has the e-mail address. */
  public static final class EmailTakenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EmailTakenException(String email, Throwable cause) {
      super("a customer with e-mail " + email + " already exists", cause);
    }
  }
}

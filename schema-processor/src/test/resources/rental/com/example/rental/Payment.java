package com.example.rental;

import dev.schemacode.annotations.*;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Table
public class Payment extends BaseEntity {
  @Nullable @References(value = Rental.class, onDelete = ReferentialAction.SET_NULL) Long rentalId;
  @References(Member.class) long customerId;
  @Column(precision = 8, scale = 2) @Check("amount >= 0") BigDecimal amount;
  @Unique @Default("gen_random_uuid()") UUID reference;
  @Column(length = 3) @Default("'EUR'") String currency;
  PaymentStatus status;
  OffsetDateTime paidAt;
}

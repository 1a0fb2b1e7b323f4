package com.example.rental;

import dev.schemacode.annotations.*;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

@Table
@Check(name = "rental_return_after_rent", value = "returned_at IS NULL OR returned_at >= rented_at")
@Index(columns = "inventory_id", unique = true, where = "returned_at IS NULL", name = "rental_open_inventory_idx")
public class Rental extends BaseEntity {
  @Index(using = "brin") Instant rentedAt;
  @References(Inventory.class) long inventoryId;
  @References(Member.class) long customerId;
  @Nullable Instant returnedAt;
  @References(Staff.class) long staffId;
  @Default("'PENDING'") PaymentStatus paymentStatus;
}

package dev.schemacode.example.boot;

import dev.schemacode.annotations.Column;
import dev.schemacode.annotations.Id;
import dev.schemacode.annotations.Identity;
import dev.schemacode.annotations.References;
import dev.schemacode.annotations.ReferentialAction;
import dev.schemacode.annotations.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** A payment by a customer. */
@Table
public record Payment(
    @Id @Identity long id,
    @References(value = Customer.class, onDelete = ReferentialAction.CASCADE) long customerId,
    @Column(precision = 12, scale = 2) BigDecimal amount,
    @Column(length = 3) String currency,
    Optional<String> reference,
    Instant createdAt) {}

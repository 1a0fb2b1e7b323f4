package dev.schemacode.example;

import dev.schemacode.annotations.Check;
import dev.schemacode.annotations.Column;
import dev.schemacode.annotations.Comment;
import dev.schemacode.annotations.Default;
import dev.schemacode.annotations.Id;
import dev.schemacode.annotations.Identity;
import dev.schemacode.annotations.Index;
import dev.schemacode.annotations.References;
import dev.schemacode.annotations.ReferentialAction;
import dev.schemacode.annotations.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Money a customer is covered for over a period, to be collected. */
@Table
@Comment("Coverage a customer is funded for, and whether it was collected")
@Check(name = "funding_coverage_period_check", value = "period_end >= period_start")
public class FundingCoverage {
  @Id @Identity @Nullable Long id;
  @References(value = Customer.class, onDelete = ReferentialAction.CASCADE) long customerId;
  @Column(precision = 12, scale = 2) @Check("amount > 0") BigDecimal amount;
  @Column(length = 3) @Default("'EUR'") String currency;
  LocalDate periodStart;
  LocalDate periodEnd;
  @Default("now()") Instant createdAt;
  @Default("'PENDING'") CollectionStatus collectionStatus;
  @Index @Nullable Instant collectedAt;
}

package com.example.rental;

import dev.schemacode.annotations.*;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A composite foreign key, declared on the class. */
@Table
@References(value = FilmCategory.class, columns = {"filmId", "categoryId"}, onDelete = ReferentialAction.CASCADE)
public class PriceChange {
  @Id @Identity long id;
  long filmId;
  short categoryId;
  LocalDateTime validFrom;
  @Column(precision = 4, scale = 2) BigDecimal newRate;
}

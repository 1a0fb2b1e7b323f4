package com.example.rental;

import dev.schemacode.annotations.*;

@Table
@Index(columns = {"storeId", "filmId"})
public class Inventory extends BaseEntity {
  @References(Film.class) long filmId;
  @References(Store.class) long storeId;
}

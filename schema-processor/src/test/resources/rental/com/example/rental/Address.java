package com.example.rental;

import dev.schemacode.annotations.*;
import org.jspecify.annotations.Nullable;

@Table
public class Address extends BaseEntity {
  String line1;
  @Nullable String line2;
  @References(value = City.class, onDelete = ReferentialAction.RESTRICT) long cityId;
  @Column(length = 16) String postalCode;
  @Nullable @Column(type = "point") String location;
}

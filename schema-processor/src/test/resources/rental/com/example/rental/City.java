package com.example.rental;

import dev.schemacode.annotations.*;

@Table
@Index(columns = {"countryCode", "name"})
public class City extends BaseEntity {
  String name;
  @References(Country.class) @Column(length = 2) String countryCode;
}

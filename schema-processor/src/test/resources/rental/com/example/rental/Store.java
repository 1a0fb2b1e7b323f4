package com.example.rental;

import dev.schemacode.annotations.*;
import java.time.LocalTime;
import org.jspecify.annotations.Nullable;

@Table
public class Store extends BaseEntity {
  @Unique String name;
  @References(Address.class) long addressId;
  @Json @Nullable String settings;
  LocalTime opensAt;
  LocalTime closesAt;
}

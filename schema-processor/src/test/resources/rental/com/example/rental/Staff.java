package com.example.rental;

import dev.schemacode.annotations.*;
import org.jspecify.annotations.Nullable;

@Table
@Unique(columns = {"storeId", "lastName", "firstName"})
public class Staff extends BaseEntity {
  String firstName;
  String lastName;
  @Unique @Column(length = 320) String email;
  @References(value = Store.class, onDelete = ReferentialAction.CASCADE) long storeId;
  @Default("true") boolean active;
  @Nullable byte[] picture;
  @Default("'CLERK'") StaffRole role;
}

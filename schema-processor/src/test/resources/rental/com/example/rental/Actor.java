package com.example.rental;

import dev.schemacode.annotations.*;

@Table
@Index(columns = {"last_name", "first_name"})
public class Actor extends BaseEntity {
  String firstName;
  String lastName;
}

package com.example.rental;

import dev.schemacode.annotations.*;

@Table
public class Language {
  @Id @Identity int id;
  @Column(length = 20) @Unique String name;
  @Transient String displayName;
}

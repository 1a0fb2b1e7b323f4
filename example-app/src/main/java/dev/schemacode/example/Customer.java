package dev.schemacode.example;

import dev.schemacode.annotations.Column;
import dev.schemacode.annotations.Id;
import dev.schemacode.annotations.Identity;
import dev.schemacode.annotations.Table;
import dev.schemacode.annotations.Unique;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A customer of the shop. The id is null until PostgreSQL assigns it. */
@Table
public class Customer {
  @Id @Identity @Nullable Long id;
  @Unique @Column(length = 320) String email;
  @Nullable String displayName;
  Instant createdAt;
}

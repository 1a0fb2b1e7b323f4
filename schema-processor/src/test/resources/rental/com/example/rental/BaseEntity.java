package com.example.rental;

import dev.schemacode.annotations.*;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Not a table: its fields become the first columns of every subclass. */
public abstract class BaseEntity {
  @Id @Identity @Nullable Long id;
  @Default("now()") Instant createdAt;
}

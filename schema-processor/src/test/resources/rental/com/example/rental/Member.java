package com.example.rental;

import dev.schemacode.annotations.*;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A reserved word as table name. */
@Table(name = "user")
@Unique(columns = {"email"})
@Index(columns = "email", where = "active", name = "user_active_email_idx")
@Check(name = "user_born_after_1900", value = "birth_date > '1900-01-01'")
public class Member extends BaseEntity {
  @Column(length = 320) String email;
  @Default("true") boolean active;
  @Default("'BASIC'") MembershipLevel level;
  @Index(using = "gin") List<String> tags;
  @Nullable LocalDate birthDate;
}

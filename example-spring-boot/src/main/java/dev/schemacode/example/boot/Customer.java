package dev.schemacode.example.boot;

import dev.schemacode.annotations.Column;
import dev.schemacode.annotations.Id;
import dev.schemacode.annotations.Identity;
import dev.schemacode.annotations.Table;
import dev.schemacode.annotations.Unique;
import java.time.Instant;
import java.util.Optional;

/** A customer of the shop; e-mail addresses are unique. */
@Table
public record Customer(
    @Id @Identity long id,
    @Unique @Column(length = 320) String email,
    Optional<String> displayName,
    Instant createdAt) {}

package dev.schemacode.example.boot;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * A JPA view of the {@code customer} table, for tests only: with {@code ddl-auto=validate},
 * Hibernate checks it against the schema the starter migrated before the {@code EntityManagerFactory}
 * started, which fails if the migrations ran after it.
 */
@Entity
@jakarta.persistence.Table(name = "customer")
class CustomerRow {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(name = "email", length = 320, nullable = false)
  String email;

  @Column(name = "created_at", nullable = false)
  java.time.Instant createdAt;
}

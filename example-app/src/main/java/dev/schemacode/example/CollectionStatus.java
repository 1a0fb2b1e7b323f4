package dev.schemacode.example;

/** Where the money of a funding coverage stands. Becomes the PostgreSQL enum type collection_status. */
public enum CollectionStatus {
  PENDING,
  COLLECTED,
  WRITTEN_OFF
}

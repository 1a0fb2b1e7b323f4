package dev.schemacode.runtime;

import java.time.Instant;

/** A row of the history table. */
public record AppliedMigration(String version, String name, String checksum, Instant appliedAt,
    long executionMillis, boolean success) {}

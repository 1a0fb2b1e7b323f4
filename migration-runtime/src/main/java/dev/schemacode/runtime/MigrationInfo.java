package dev.schemacode.runtime;

import java.util.Optional;

/** One migration's state, with its file and its history row when each exists. */
public record MigrationInfo(String version, String name, MigrationState state,
    Optional<ResolvedMigration> resolved, Optional<AppliedMigration> applied) {}

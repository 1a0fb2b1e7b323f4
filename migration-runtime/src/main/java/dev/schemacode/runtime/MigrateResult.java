package dev.schemacode.runtime;

import java.util.List;
import java.util.Optional;

/**
 * What {@link Migrator#migrate()} did: the migrations it applied, in order, and where the database now is.
 *
 * @param applied the migrations now in effect that were not before, in order (those a checkpoint stands for included)
 * @param currentVersion where the database now is
 * @param checkpoint the checkpoint a new database was built from ({@code C<version>__checkpoint.sql}), if it was: the
 *     migrations it stands for are among {@code applied}, recorded without running
 * @param recordedAfterPush migrations recorded as applied without running, because a push had already made the
 *     database the schema they lead to (not among {@code applied}: nothing ran)
 */
public record MigrateResult(List<ResolvedMigration> applied, Optional<String> currentVersion, Optional<String> checkpoint,
    List<ResolvedMigration> recordedAfterPush) {
  public MigrateResult {
    applied = List.copyOf(applied);
    recordedAfterPush = List.copyOf(recordedAfterPush);
  }

  public MigrateResult(List<ResolvedMigration> applied, Optional<String> currentVersion) {
    this(applied, currentVersion, Optional.empty(), List.of());
  }
}

package dev.schemacode.runtime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every migration's state, computed by merging resolved files with the history table.
 *
 * @param migrations every migration, from the files and the history, in version order
 * @param pushed the mark {@code schemacode push} left, when it took the database past its history; read by
 *     {@link Migrator#status()} (a status merged by other means says empty)
 */
public record MigrationStatus(List<MigrationInfo> migrations, Optional<PushMark> pushed) {
  public MigrationStatus {
    migrations = List.copyOf(migrations);
    java.util.Objects.requireNonNull(pushed, "pushed");
  }

  public MigrationStatus(List<MigrationInfo> migrations) {
    this(migrations, Optional.empty());
  }

  /** This status with what the push marker says. */
  public MigrationStatus withPushed(Optional<PushMark> mark) {
    return new MigrationStatus(migrations, mark);
  }

  /**
   * The version of the checkpoint the database was built from (a new database deployed from it): the
   * newest migration recorded by a checkpoint; empty when the database applied its history.
   */
  public Optional<String> checkpoint() {
    return migrations.stream().filter(MigrationStatus::recordedByCheckpoint).map(MigrationInfo::version)
        .reduce((first, second) -> second);
  }

  /** How many migrations the checkpoint the database was built from stands for (recorded by it, not run). */
  public long coveredByCheckpoint() {
    return migrations.stream().filter(MigrationStatus::recordedByCheckpoint).count();
  }

  /** What {@link #checkpoint()} means, in one line: {@code status} prints it and {@code schemacode ui} shows it. */
  public Optional<String> describeCheckpoint() {
    return checkpoint().map(version -> "Built from checkpoint " + dev.schemacode.model.Checkpoint.fileName(version)
        + ": the " + coveredByCheckpoint() + " migrations up to V" + version + " were recorded as applied without running");
  }

  private static boolean recordedByCheckpoint(MigrationInfo migration) {
    return migration.applied().filter(row -> AppliedMigration.CHECKPOINT.equals(row.kind())).isPresent();
  }

  public static MigrationStatus merge(List<ResolvedMigration> resolved, List<AppliedMigration> applied) {
    Map<Long, AppliedMigration> appliedByVersion = new HashMap<>();
    // Reverted: pending again, the row kept as the record of the revert (nothing at all once the file is gone).
    Map<Long, AppliedMigration> revertedByVersion = new HashMap<>();
    long newestApplied = -1;
    for (AppliedMigration row : applied) {
      if (!row.inEffect()) {
        revertedByVersion.put(Long.parseLong(row.version()), row);
        continue;
      }
      long number = Long.parseLong(row.version());
      appliedByVersion.put(number, row);
      newestApplied = Math.max(newestApplied, number);
    }
    List<MigrationInfo> infos = new ArrayList<>();
    for (ResolvedMigration migration : resolved) {
      AppliedMigration row = appliedByVersion.remove(migration.file().number());
      MigrationState state;
      if (row == null) {
        state = migration.file().number() < newestApplied ? MigrationState.OUT_OF_ORDER : MigrationState.PENDING;
      } else if (!row.success()) {
        state = MigrationState.FAILED;
      } else if (!row.checksum().equals(migration.checksum())) {
        state = MigrationState.MODIFIED;
      } else {
        state = MigrationState.APPLIED;
      }
      if (row == null) {
        row = revertedByVersion.get(migration.file().number());
      }
      infos.add(new MigrationInfo(migration.version(), migration.file().slug(), state,
          Optional.of(migration), Optional.ofNullable(row)));
    }
    for (AppliedMigration row : appliedByVersion.values()) {
      infos.add(new MigrationInfo(row.version(), row.name(),
          row.success() ? MigrationState.MISSING : MigrationState.FAILED, Optional.empty(), Optional.of(row)));
    }
    infos.sort(Comparator.comparingLong(info -> Long.parseLong(info.version())));
    return new MigrationStatus(infos);
  }

  public List<MigrationInfo> pending() {
    return migrations.stream().filter(m -> m.state() == MigrationState.PENDING).toList();
  }

  public List<MigrationInfo> problems() {
    return migrations.stream().filter(m -> m.state().isProblem()).toList();
  }

  /** What a deploy applies, in version order: pending, and out-of-order ones when they are allowed. */
  public List<MigrationInfo> toApply(boolean outOfOrderAllowed) {
    return migrations.stream().filter(m -> m.state() == MigrationState.PENDING
        || outOfOrderAllowed && m.state() == MigrationState.OUT_OF_ORDER).toList();
  }

  /** What stops a deploy: {@link #problems()}, without out-of-order ones when they are allowed. */
  public List<MigrationInfo> problems(boolean outOfOrderAllowed) {
    return migrations.stream().filter(m -> m.state().isProblem()
        && !(outOfOrderAllowed && m.state() == MigrationState.OUT_OF_ORDER)).toList();
  }

  /** The migration with this version number, from the files or the history. */
  public Optional<MigrationInfo> find(long number) {
    return migrations.stream().filter(m -> m.number() == number).findFirst();
  }

  /** The newest successfully applied version, if any. */
  public Optional<String> currentVersion() {
    return migrations.stream()
        .filter(m -> m.applied().map(AppliedMigration::success).orElse(false))
        .map(MigrationInfo::version)
        .reduce((first, second) -> second);
  }
}

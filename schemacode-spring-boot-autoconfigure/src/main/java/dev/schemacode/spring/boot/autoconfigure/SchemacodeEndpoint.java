package dev.schemacode.spring.boot.autoconfigure;

import dev.schemacode.runtime.AppliedMigration;
import dev.schemacode.runtime.MigrationInfo;
import dev.schemacode.runtime.MigrationStatus;
import dev.schemacode.runtime.Migrator;
import dev.schemacode.runtime.ResolvedMigration;
import java.util.List;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/** {@code /actuator/schemacode}: every migration, from the files and the history, with its state. */
@Endpoint(id = "schemacode")
public class SchemacodeEndpoint {
  private final Migrator migrator;

  public SchemacodeEndpoint(Migrator migrator) {
    this.migrator = migrator;
  }

  @ReadOperation
  public MigrationsDescriptor migrations() {
    MigrationStatus status = migrator.status();
    return new MigrationsDescriptor(status.currentVersion().orElse(null),
        status.migrations().stream().map(MigrationDescriptor::of).toList());
  }

  /** The database's current version and every migration in version order. */
  public record MigrationsDescriptor(String currentVersion, List<MigrationDescriptor> migrations) {}

  /**
   * One migration. {@code checksum} is the file's (the recorded one when the file is gone); {@code
   * appliedAt} (ISO-8601), {@code executionTime} (milliseconds) and {@code appliedBy} ({@code
   * migration}, {@code baseline} or {@code resolved}) are null until it is applied.
   */
  public record MigrationDescriptor(String version, String description, String state, String checksum,
      String appliedAt, Long executionTime, String appliedBy) {
    static MigrationDescriptor of(MigrationInfo info) {
      AppliedMigration applied = info.applied().orElse(null);
      String checksum = info.resolved().map(ResolvedMigration::checksum)
          .orElse(applied != null ? applied.checksum() : null);
      return new MigrationDescriptor(info.version(), info.name().replace('_', ' '), info.state().name(), checksum,
          applied == null ? null : applied.appliedAt().toString(),
          applied == null ? null : applied.executionMillis(),
          applied == null ? null : applied.kind());
    }
  }
}

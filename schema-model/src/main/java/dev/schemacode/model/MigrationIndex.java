package dev.schemacode.model;

import java.util.List;
import java.util.Objects;

/**
 * The list of migrations a build ships, with their checksums, as generated Java code holds it, so
 * that the runtime needs neither class-path scanning nor a JSON parse to know what to apply, and can
 * tell a stale or missing resource from the real thing.
 *
 * @param resourcePath the class-path folder of the files, e.g. {@code db/migration}
 */
public record MigrationIndex(String resourcePath, List<Entry> migrations) {
  public MigrationIndex {
    Objects.requireNonNull(resourcePath, "resourcePath");
    migrations = List.copyOf(migrations);
  }

  /** One migration: its file name ({@code V0001__init.sql}) and SHA-256 (see {@link Checksums#ofScript}). */
  public record Entry(String file, String checksum) {
    public Entry {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(checksum, "checksum");
    }
  }

  public static MigrationIndex of(String resourcePath, Entry... migrations) {
    return new MigrationIndex(resourcePath, List.of(migrations));
  }

  public static Entry entry(String file, String checksum) {
    return new Entry(file, checksum);
  }
}

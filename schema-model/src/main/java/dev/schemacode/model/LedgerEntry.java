package dev.schemacode.model;

import java.util.Objects;

/**
 * One recorded migration. {@code chain} is a hash over this entry and every entry before it, so
 * two branches that each append a migration produce different heads and conflict on merge.
 */
public record LedgerEntry(MigrationFileName file, String checksum, Origin origin, String chain) {
  public enum Origin {
    /** Written by the processor from the entity declarations. */
    GENERATED,
    /** Added to the migrations directory by a person and recorded as found. */
    HAND_WRITTEN
  }

  public LedgerEntry {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(checksum, "checksum");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(chain, "chain");
  }

  static String chain(String previousChain, MigrationFileName file, String checksum) {
    return Checksums.sha256(previousChain + "\n" + file.fileName() + "\n" + checksum);
  }
}

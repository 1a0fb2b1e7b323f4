package dev.schemacode.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One recorded migration. {@code chain} is a hash over this entry and every entry before it, so
 * two branches that each append a migration produce different heads and conflict on merge.
 *
 * <p>{@code reverse}: the scripts that undo it, for {@code schemacode revert} on development
 * databases. Absent for migrations recorded before reverses existed and for hand-written ones whose
 * author wrote none. The reverse is not part of the chain: a reverse written later for an old
 * hand-written migration must not change the history's head.
 */
public record LedgerEntry(MigrationFileName file, String checksum, Origin origin, String chain,
    Optional<Reverse> reverse) {
  public enum Origin {
    /** Written by the processor from the entity declarations. */
    GENERATED,
    /** Added to the migrations directory by a person and recorded as found. */
    HAND_WRITTEN
  }

  /** One reverse script and its checksum. */
  public record ReverseFile(ReverseFileName file, String checksum) {
    public ReverseFile {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(checksum, "checksum");
    }
  }

  /**
   * The reverse of the migrations from {@code from} up to this entry: the processor writes one change
   * as several files when its safe forms must commit separately, and only the change as a whole has a
   * schema before it, so the reverse undoes all of them and belongs to the last.
   *
   * @param from the first migration this reverse undoes; this entry's own file when it undoes only it
   * @param files the scripts, applied in this order
   */
  public record Reverse(MigrationFileName from, List<ReverseFile> files) {
    public Reverse {
      Objects.requireNonNull(from, "from");
      files = List.copyOf(files);
      if (files.isEmpty()) {
        throw new IllegalArgumentException("a reverse has at least one file");
      }
    }
  }

  public LedgerEntry {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(checksum, "checksum");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(reverse, "reverse");
  }

  public LedgerEntry(MigrationFileName file, String checksum, Origin origin, String chain) {
    this(file, checksum, origin, chain, Optional.empty());
  }

  public LedgerEntry withReverse(Reverse reverse) {
    return new LedgerEntry(file, checksum, origin, chain, Optional.of(reverse));
  }

  static String chain(String previousChain, MigrationFileName file, String checksum) {
    return Checksums.sha256(previousChain + "\n" + file.fileName() + "\n" + checksum);
  }
}

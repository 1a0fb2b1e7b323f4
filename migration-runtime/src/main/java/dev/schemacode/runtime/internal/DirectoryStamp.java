package dev.schemacode.runtime.internal;

import dev.schemacode.model.Ledger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * What a migrations directory's listing for the start-up check depends on, read with two {@code
 * stat} calls: the directory's modification time and identity (a file added, removed or renamed in
 * it changes its time), and the ledger's time, size and identity (the processor replaces it whole).
 * Equal stamps mean the same file names and the same recorded checksums, which is all the check
 * reads of a directory whose files are all in the ledger (the files themselves are read only when
 * something is pending; see {@code MigrationSource.directory}).
 */
public record DirectoryStamp(FileTime directoryModified, Object directoryKey, FileTime ledgerModified, long ledgerSize,
    Object ledgerKey) {
  /**
   * How long after a change a stamp may still be equal to the one taken before it: file times come
   * from a coarse clock (a few milliseconds on ext4, 1 s on some file systems, 2 s on FAT). A stamp
   * whose times are this close to the moment it was taken is not trusted (git's "racily clean" files).
   */
  static final long GRANULARITY_MILLIS = 2_000;

  /** The directory's stamp now; null when it has no ledger or cannot be read (then nothing is kept). */
  public static DirectoryStamp of(Path directory) {
    try {
      BasicFileAttributes folder = Files.readAttributes(directory, BasicFileAttributes.class);
      BasicFileAttributes ledger = Files.readAttributes(directory.resolve(Ledger.FILE_NAME), BasicFileAttributes.class);
      if (!folder.isDirectory() || !ledger.isRegularFile()) {
        return null;
      }
      return new DirectoryStamp(folder.lastModifiedTime(), folder.fileKey(), ledger.lastModifiedTime(), ledger.size(),
          ledger.fileKey());
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Written out rather than the record's own: that one goes through method handles, which in a JVM
   * that makes a check only a few times run interpreted and cost several times this (issue 14).
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof DirectoryStamp that && ledgerSize == that.ledgerSize
        && directoryModified.equals(that.directoryModified) && ledgerModified.equals(that.ledgerModified)
        && java.util.Objects.equals(directoryKey, that.directoryKey) && java.util.Objects.equals(ledgerKey, that.ledgerKey);
  }

  @Override
  public int hashCode() {
    return 31 * directoryModified.hashCode() + Long.hashCode(ledgerSize);
  }

  /** Whether a change after {@code takenAtMillis} (when this stamp was read) must show in a later stamp. */
  public boolean settledAt(long takenAtMillis) {
    long newest = Math.max(directoryModified.toMillis(), ledgerModified.toMillis());
    return newest <= takenAtMillis - GRANULARITY_MILLIS;
  }
}

package dev.schemacode.processor;

import dev.schemacode.model.Checksums;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javax.annotation.processing.Filer;
import javax.tools.StandardLocation;

/**
 * What the last full check of the recorded history saw: the size, modification time and identity
 * ({@code stat}) of the ledger and of every migration, reverse and checkpoint file, taken when every
 * recorded file was read, hashed and found to match the ledger. A later compile whose listing is
 * the same, file for file, takes the check's result as still true and reads none of the files: that
 * is what keeps a compile in which nothing changed from growing with the history's length.
 *
 * <p>What this trusts: that a file whose size, time and identity did not change since the check did
 * not change. Editing a recorded migration changes its time (and an editor's save replaces it), so
 * it is found; what is not found is a change made on purpose to keep all three (writing the same
 * number of bytes in place and resetting the time). Builds that must not trust even that never
 * read a stamp: {@code verify} mode (the CI gate) checks every file every time, and a clean build
 * has none, since the stamp lives in the build directory, beside the class output: {@code
 * target/schemacode/classes-<directory hash>.verified} for Maven. Not in the class output itself,
 * because Maven's incremental compiler deletes what the previous compilation created there before it
 * compiles again, and not in the artifact.
 *
 * <p>Files changed less than {@link #GRANULARITY_MILLIS} before the check are not vouched for: a
 * file system's clock is coarse, and an edit within the same tick could keep the time (git's "racily
 * clean" files). Such a check writes no stamp, and the next compile checks in full again.
 */
record HistoryStamp(String processor, String directory, FileState ledger, SortedMap<String, FileState> files) {
  static final long GRANULARITY_MILLIS = 2_000;
  private static final String HEADER = "schemacode verified history 1";
  /** The processor's version: a newer one may check more, so it never trusts an older one's stamp. */
  private static final String PROCESSOR = Optional.ofNullable(HistoryStamp.class.getPackage().getImplementationVersion())
      .orElse("development");

  /** A file's {@code stat} as the stamp compares it: size, modification time (ns) and identity (inode). */
  record FileState(long size, long modifiedNanos, String key) {
    static FileState of(BasicFileAttributes attributes) {
      Object key = attributes.fileKey();
      return new FileState(attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS),
          key == null ? "-" : key.toString().replace('\t', ' '));
    }
  }

  /** The stamp of a check that saw this listing now, if every file in it is old enough to vouch for. */
  static Optional<HistoryStamp> of(Path directory, FileState ledger, SortedMap<String, FileState> files, long nowMillis) {
    long newest = ledger.modifiedNanos();
    for (FileState file : files.values()) {
      newest = Math.max(newest, file.modifiedNanos());
    }
    if (TimeUnit.NANOSECONDS.toMillis(newest) > nowMillis - GRANULARITY_MILLIS) {
      return Optional.empty();
    }
    return Optional.of(new HistoryStamp(PROCESSOR, directory.toString(), ledger, new TreeMap<>(files)));
  }

  /**
   * Whether a stamp's text vouches for the directory as listed now: it is exactly the text of a stamp
   * of this listing (compared whole, nothing parsed; a garbled or older stamp differs).
   */
  static boolean vouches(String stamped, Path directory, FileState ledger, SortedMap<String, FileState> files) {
    return stamped.equals(new HistoryStamp(PROCESSOR, directory.toString(), ledger, files).text());
  }

  /**
   * Whether a stamp's text was written by this processor for {@code directory} when its ledger was in
   * {@code state}: then the ledger's text is the one that full check read and found whole, its schema
   * checksum included (a stamp is written only after such a check).
   */
  static boolean vouchesForLedger(String stamped, Path directory, FileState ledger) {
    return stamped.startsWith(new HistoryStamp(PROCESSOR, directory.toString(), ledger, new TreeMap<>()).text());
  }

  /** The stamp's text, or empty when there is none or it cannot be read (as if there were none). */
  static Optional<String> read(Path file) {
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Where the stamp for {@code directory} lives, when the class output is a directory on disk:
   * {@code <build dir>/schemacode/<class output folder>-<hash of directory>.verified}.
   */
  static Optional<Path> file(Filer filer, MigrationsLocation location) {
    try {
      // the shipped ledger's name, which every run writes (probing another name would leave an empty
      // file behind in an in-memory class output); getResource only names it, it opens nothing
      String ledger = location.resource(dev.schemacode.model.Ledger.FILE_NAME);
      URI probe = filer.getResource(StandardLocation.CLASS_OUTPUT, "", ledger).toUri();
      if (!"file".equals(probe.getScheme())) {
        return Optional.empty();
      }
      Path classes = Path.of(probe);
      for (int segments = ledger.split("/").length; segments > 0 && classes != null; segments--) {
        classes = classes.getParent();
      }
      Path build = classes == null ? null : classes.getParent();
      if (build == null || classes.getFileName() == null) {
        return Optional.empty();
      }
      String hash = Checksums.sha256(location.directory().toString()).substring(0, 12);
      return Optional.of(build.resolve("schemacode").resolve(classes.getFileName() + "-" + hash + ".verified"));
    } catch (IOException | IllegalArgumentException | UnsupportedOperationException e) {
      return Optional.empty(); // an in-memory class output: no stamp, every compile checks in full
    }
  }

  /** Writes the stamp, replacing the file whole; a stamp that cannot be written is no error (the next compile checks in full). */
  void write(Path file) {
    String text = text();
    try {
      Files.createDirectories(file.getParent());
      Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(temporary, text, StandardCharsets.UTF_8);
      try {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException e) {
      forget(file);
    }
  }

  /** Removes the stamp: what it vouched for no longer holds (or was never checked). */
  static void forget(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // left as it is: its listing no longer matches the directory's, so it vouches for nothing
    }
  }

  /** The stamp as written: a header, the processor, the directory, the ledger, then a line per file in name order. */
  String text() {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    text.append("processor\t").append(processor).append('\n');
    text.append("directory\t").append(directory).append('\n');
    text.append("ledger\t").append(fields(ledger)).append('\n');
    for (Map.Entry<String, FileState> entry : files.entrySet()) {
      text.append(entry.getKey()).append('\t').append(fields(entry.getValue())).append('\n');
    }
    return text.toString();
  }

  private static String fields(FileState state) {
    return state.size() + "\t" + state.modifiedNanos() + "\t" + state.key();
  }
}

package dev.schemacode.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The list of migrations a build ships, with their checksums, as generated Java code holds it, so
 * that the runtime needs neither class-path scanning nor a JSON parse to know what to apply, and can
 * tell a stale or missing resource from the real thing.
 *
 * @param resourcePath the class-path folder of the files, e.g. {@code db/migration}
 * @param summary what a history with every one of them applied looks like, as the processor computed
 *     it; null for an index made by hand (the runtime then computes it)
 */
public record MigrationIndex(String resourcePath, List<Entry> migrations, Summary summary) {
  public MigrationIndex {
    Objects.requireNonNull(resourcePath, "resourcePath");
    migrations = List.copyOf(migrations);
  }

  public MigrationIndex(String resourcePath, List<Entry> migrations) {
    this(resourcePath, migrations, null);
  }

  /**
   * The {@link AppliedDigest} of every migration of the index and the newest version: what the
   * start-up check compares a history with. The processor writes it into the generated index,
   * computed by {@link #summarise} from the very entries it writes beside it, so that an
   * application's first check in a new JVM lists, parses and hashes nothing (at 10,000 migrations
   * about a sixth of a second of a fresh JVM's start). The build's word, as the checksums beside it
   * are: the runtime does not recompute it.
   */
  public record Summary(String digest, String currentVersion) {
    public Summary {
      Objects.requireNonNull(digest, "digest");
      Objects.requireNonNull(currentVersion, "currentVersion");
    }
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

  /**
   * The index the processor generates: each text holds one {@link #line line} per migration. It is
   * text, not one {@code entry(…)} call per migration, because a class's initialiser is limited to
   * 64 kB of code and its constant pool to 65,535 entries, which a history of a few thousand
   * migrations would exceed; as a few string constants, a class holds any history, and loads faster.
   *
   * @throws IllegalArgumentException on a line that is not {@code <file> <checksum>\n}
   */
  public static MigrationIndex parse(String resourcePath, String... texts) {
    List<Entry> entries = new ArrayList<>();
    for (String text : texts) {
      int start = 0;
      while (start < text.length()) {
        int end = text.indexOf('\n', start);
        int space = end < 0 ? -1 : text.lastIndexOf(' ', end);
        if (space <= start || space == end - 1) {
          throw new IllegalArgumentException("not a migration index line: "
              + text.substring(start, end < 0 ? text.length() : end));
        }
        entries.add(new Entry(text.substring(start, space), text.substring(space + 1, end)));
        start = end + 1;
      }
    }
    return new MigrationIndex(resourcePath, entries);
  }

  /**
   * This index with the summary the processor computed for it ({@link #summarise}); the generated
   * index calls it on the parsed entries.
   */
  public MigrationIndex withSummary(String digest, String currentVersion) {
    return new MigrationIndex(resourcePath, migrations, new Summary(digest, currentVersion));
  }

  /**
   * The summary of {@code entries}, or null for none: every entry's version (from its file name) and
   * checksum in the {@link AppliedDigest}, and the highest version.
   *
   * @throws IllegalArgumentException when an entry is not named {@code V<version>__<name>.sql}
   */
  public static Summary summarise(List<Entry> entries) {
    AppliedDigest digest = new AppliedDigest();
    MigrationFileName newest = null;
    for (Entry entry : entries) {
      MigrationFileName file = MigrationFileName.parse(entry.file())
          .orElseThrow(() -> new IllegalArgumentException("not a migration file name: " + entry.file()));
      digest.add(file.version(), entry.checksum());
      if (newest == null || file.number() > newest.number()) {
        newest = file;
      }
    }
    return newest == null ? null : new Summary(digest.hex(), newest.version());
  }

  /** One migration as {@link #parse} reads it: file name, a space, checksum, a new line. */
  public static String line(String file, String checksum) {
    if (file.isEmpty() || file.indexOf('\n') >= 0 || checksum.isEmpty() || checksum.indexOf(' ') >= 0
        || checksum.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("cannot index " + file + " with checksum " + checksum);
    }
    return file + ' ' + checksum + '\n';
  }
}

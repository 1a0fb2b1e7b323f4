package dev.schemacode.processor;

import dev.schemacode.model.Ledger;
import dev.schemacode.model.LedgerCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The migrations directory in the user's source tree: the {@code V*.sql} files and the ledger.
 * Writes never replace a migration and replace the ledger atomically, so a failed build leaves
 * either the old state or the new one, never half of it.
 */
final class MigrationsDirectory {
  private final Path directory;
  /**
   * The ledger as read, and its text: the processor needs it twice (the assembler, then the
   * generator), and a cold JSON parse of a 500-table ledger costs about a second of javac's time.
   */
  private Optional<Ledger> ledger;
  private String ledgerText;
  /** When each file read was last changed, as the listing saw it: what the class output is compared with. */
  private final Map<String, FileTime> modified = new HashMap<>();
  /** Each listed script's size, time and identity. */
  private final SortedMap<String, HistoryStamp.FileState> listed = new TreeMap<>();
  private HistoryStamp.FileState ledgerState;
  private SortedMap<String, BasicFileAttributes> listing;

  /** Where the history stamp of the last full check lives; none in verify mode, which trusts no stamp. */
  private final Optional<Path> stampFile;
  /** The stamp's text as this compilation found it, read once (null: not read yet). */
  private Optional<String> stampText;

  MigrationsDirectory(Path directory, Optional<Path> stampFile) {
    this.directory = directory;
    this.stampFile = stampFile;
  }

  Path path() {
    return directory;
  }

  Path ledgerPath() {
    return directory.resolve(Ledger.FILE_NAME);
  }

  /** The ledger, or empty when the file does not exist yet; read once (a failed read is tried again). */
  Optional<Ledger> readLedger() throws IOException {
    if (ledger != null) {
      return ledger;
    }
    try {
      BasicFileAttributes attributes = Files.readAttributes(ledgerPath(), BasicFileAttributes.class);
      String json = Files.readString(ledgerPath(), StandardCharsets.UTF_8);
      modified.put(Ledger.FILE_NAME, attributes.lastModifiedTime());
      ledgerState = HistoryStamp.FileState.of(attributes);
      // The schema checksum is the one check of the ledger that costs: it serialises the whole schema
      // again. Skipped only when the stamp vouches for the file as it was both before and after this
      // read (replaced meanwhile, the text read may be newer than what the stamp saw).
      HistoryStamp.FileState state = ledgerState;
      boolean checked = stampText().filter(stamped -> HistoryStamp.vouchesForLedger(stamped, directory, state)).isPresent()
          && HistoryStamp.FileState.of(Files.readAttributes(ledgerPath(), BasicFileAttributes.class)).equals(ledgerState);
      ledger = Optional.of(LedgerCodec.read(json, ledgerPath().toString(), !checked));
      ledgerText = json;
    } catch (NoSuchFileException e) {
      ledger = Optional.empty();
    }
    return ledger;
  }

  /**
   * The text of the ledger file when {@code current} is exactly the ledger {@link #readLedger()}
   * read: shipping an unchanged ledger to the class output then needs no serialisation.
   */
  Optional<String> textOf(Ledger current) {
    return ledger != null && ledger.isPresent() && ledger.get() == current ? Optional.of(ledgerText) : Optional.empty();
  }

  /**
   * Every file that looks like a migration ({@code V*.sql} in any case, {@code V0001__x…}), by name.
   * The texts are read when first asked for: a compile whose history a {@link HistoryStamp} vouches
   * for reads none of them.
   */
  Scripts migrationFiles() throws IOException {
    // v0001__x.sql, V0001__x.SQL: meant as migrations, so reported as misnamed, never skipped
    return files(dev.schemacode.model.MigrationFileName::looksLikeMigration);
  }

  /** Every reverse script ({@code U<version>__<name>.sql}), by name. */
  Scripts reverseFiles() throws IOException {
    return files(name -> dev.schemacode.model.ReverseFileName.parse(name).isPresent());
  }

  /** Every checkpoint ({@code C<version>__checkpoint.sql}), by name. */
  Scripts checkpointFiles() throws IOException {
    return files(name -> dev.schemacode.model.Checkpoint.versionOf(name).isPresent());
  }

  private Scripts files(java.util.function.Predicate<String> named) throws IOException {
    SortedMap<String, Path> files = new TreeMap<>();
    for (Map.Entry<String, BasicFileAttributes> entry : listing().entrySet()) {
      String name = entry.getKey();
      if (named.test(name)) {
        BasicFileAttributes attributes = entry.getValue();
        modified.put(name, attributes.lastModifiedTime());
        listed.put(name, HistoryStamp.FileState.of(attributes));
        files.put(name, directory.resolve(name));
      }
    }
    return new Scripts(files);
  }

  /** The directory's scripts of every kind with their attributes, listed once for the three kinds. */
  private SortedMap<String, BasicFileAttributes> listing() throws IOException {
    if (listing != null) {
      return listing;
    }
    SortedMap<String, BasicFileAttributes> found = new TreeMap<>();
    if (Files.isDirectory(directory)) {
      try (Stream<Path> entries = Files.list(directory)) {
        for (Path file : (Iterable<Path>) entries::iterator) {
          String name = file.getFileName().toString();
          if (dev.schemacode.model.MigrationFileName.looksLikeMigration(name)
              || dev.schemacode.model.ReverseFileName.parse(name).isPresent()
              || dev.schemacode.model.Checkpoint.versionOf(name).isPresent()) {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (attributes.isRegularFile()) {
              found.put(name, attributes);
            }
          }
        }
      }
    }
    listing = found;
    return listing;
  }

  /** Size, time and identity of every script listed so far and of the ledger as read: what a {@link HistoryStamp} records. */
  SortedMap<String, HistoryStamp.FileState> listed() {
    return java.util.Collections.unmodifiableSortedMap(listed);
  }

  /** Where this compilation keeps its history stamp; empty in verify mode and for an in-memory class output. */
  Optional<Path> stampFile() {
    return stampFile;
  }

  /** The history stamp's text as this compilation found it (read once), if there is one. */
  Optional<String> stampText() {
    if (stampText == null) {
      stampText = stampFile.flatMap(HistoryStamp::read);
    }
    return stampText;
  }

  /** The ledger's size, time and identity as read, if it was. */
  Optional<HistoryStamp.FileState> ledgerState() {
    return Optional.ofNullable(ledgerState);
  }

  /** When {@code fileName} (a script or the ledger) was last changed, if it was read or written by this object. */
  Optional<FileTime> modified(String fileName) {
    return Optional.ofNullable(modified.get(fileName));
  }

  /**
   * Scripts of the directory by name, each read (once) when first asked for. Iteration is in name
   * order; {@link #size(String)} is the file's size as listed, known without reading it.
   */
  final class Scripts extends java.util.AbstractMap<String, String> {
    private final SortedMap<String, Path> paths;
    private final Map<String, String> texts = new HashMap<>();

    private Scripts(SortedMap<String, Path> paths) {
      this.paths = paths;
    }

    @Override
    public String get(Object name) {
      Path path = paths.get(name);
      if (path == null) {
        return null;
      }
      return texts.computeIfAbsent((String) name, n -> {
        try {
          return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    }

    @Override
    public boolean containsKey(Object name) {
      return paths.containsKey(name);
    }

    @Override
    public java.util.Set<String> keySet() {
      return java.util.Collections.unmodifiableSet(paths.keySet());
    }

    @Override
    public int size() {
      return paths.size();
    }

    /** Reads every script not read yet (a name-ordered copy of the whole directory). */
    @Override
    public java.util.Set<Entry<String, String>> entrySet() {
      java.util.Set<Entry<String, String>> entries = new java.util.LinkedHashSet<>();
      for (String name : paths.keySet()) {
        entries.add(Map.entry(name, get(name)));
      }
      return java.util.Collections.unmodifiableSet(entries);
    }

    /** The size in bytes of a listed script's file, or -1 for a name not listed. */
    long size(String name) {
      HistoryStamp.FileState state = listed.get(name);
      return paths.containsKey(name) && state != null ? state.size() : -1;
    }
  }

  /** Writes a new migration; fails rather than replace an existing file. */
  void createMigration(String fileName, String script) throws IOException {
    Files.createDirectories(directory);
    Path file = directory.resolve(fileName);
    Files.writeString(file, script, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    modified.put(fileName, Files.getLastModifiedTime(file));
  }

  void deleteMigration(String fileName) throws IOException {
    Files.deleteIfExists(directory.resolve(fileName));
  }

  void writeLedger(Ledger ledger) throws IOException {
    Files.createDirectories(directory);
    // A fixed name beside the ledger (not createTempFile, whose owner-only permissions would be
    // moved along), so that a crashed build leaves at most one stray file, which the next replaces.
    Path temporary = directory.resolve("." + Ledger.FILE_NAME + ".tmp");
    try {
      String text = LedgerCodec.write(ledger);
      Files.writeString(temporary, text, StandardCharsets.UTF_8);
      try {
        Files.move(temporary, ledgerPath(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, ledgerPath(), StandardCopyOption.REPLACE_EXISTING);
      }
      this.ledger = Optional.of(ledger);
      this.ledgerText = text;
      modified.put(Ledger.FILE_NAME, Files.getLastModifiedTime(ledgerPath()));
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}

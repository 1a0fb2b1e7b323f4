package dev.schemacode.runtime;

import dev.schemacode.model.Ledger;
import dev.schemacode.model.LedgerFormatException;
import dev.schemacode.model.LedgerRecords;
import dev.schemacode.model.MigrationFileName;
import dev.schemacode.runtime.internal.DirectoryStamp;
import dev.schemacode.runtime.internal.KeptSummaries;
import dev.schemacode.runtime.internal.StartupSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A directory of {@code V*.sql} files and the ledger beside them (see {@link MigrationSource#directory}). */
final class DirectorySource implements MigrationSource, StartupSummary.Source {
  private final Path directory;

  DirectorySource(Path directory) {
    this.directory = directory;
  }

  /** A listing, and whether every file in it is one the ledger records (none was read). */
  private record Listing(List<ResolvedMigration> migrations, boolean allRecorded) {}

  @Override
  public List<ResolvedMigration> resolve() {
    return list(false).migrations();
  }

  @Override
  public List<ResolvedMigration> listing() {
    return list(true).migrations();
  }

  /** The summary kept for this directory while its stamp is the same; else null (nothing is listed). */
  @Override
  public StartupSummary keptSummary() {
    DirectoryStamp stamp = DirectoryStamp.of(directory);
    Object key = stamp == null ? null : keptKey(directory, stamp);
    return key == null ? null : KeptSummaries.find(key, stamp, this);
  }

  /**
   * Kept per directory (its real path) with the {@link DirectoryStamp} read before listing: a change
   * while it lists makes the next stamp differ. Kept only when every file is recorded in the ledger
   * (a file that is not is read and hashed on every call, as it may be edited) and the stamp is not
   * too recent to tell a later change from it.
   */
  @Override
  public StartupSummary listedSummary() {
    long takenAt = System.currentTimeMillis();
    DirectoryStamp stamp = DirectoryStamp.of(directory);
    Object key = stamp == null ? null : keptKey(directory, stamp);
    Listing listing = list(true);
    StartupSummary summary = StartupSummary.of(this, listing.migrations());
    if (key != null && listing.allRecorded() && stamp.settledAt(takenAt)) {
      KeptSummaries.keep(key, stamp, summary);
    }
    return summary;
  }

  /**
   * What the summary is kept under: the directory's identity as its {@code stat} gives it (device
   * and inode), read with the stamp anyway, so that however the directory is named (relative, through
   * a link) it is one entry; where the file system gives none, its real path, which costs a look-up of
   * every component of the path on every call. Null when neither can be had.
   */
  static Object keptKey(Path directory, DirectoryStamp stamp) {
    if (stamp.directoryKey() != null) {
      return stamp.directoryKey(); // the file system's own key type, which no other kept key is
    }
    try {
      return "directory:" + directory.toRealPath();
    } catch (IOException e) {
      return null;
    }
  }

  private Listing list(boolean trustLedger) {
    if (Files.isRegularFile(directory)) {
      throw new ConfigurationException("the migrations location " + directory + " is a file; give the directory"
          + " that holds the V*.sql files and " + Ledger.FILE_NAME);
    }
    if (!Files.isDirectory(directory)) {
      throw new ConfigurationException("migrations directory " + directory + " does not exist");
    }
    Map<String, LedgerRecords.Recorded> recorded = new HashMap<>();
    Optional<LedgerRecords> ledger = Optional.empty();
    try {
      ledger = ledgerRecords();
    } catch (ConfigurationException unreadable) {
      // no checksums to trust: hash every file, as resolve() does (diff and the build report the ledger)
    }
    if (trustLedger && ledger.isPresent()) {
      for (LedgerRecords.Recorded entry : ledger.get().migrations()) {
        recorded.put(entry.file().fileName(), entry);
      }
    }
    String listedIn = "the ledger at " + directory.resolve(Ledger.FILE_NAME);
    List<ResolvedMigration> migrations = new ArrayList<>();
    boolean allRecorded = trustLedger;
    try {
      for (String name : migrationFileNames()) {
        Path file = directory.resolve(name);
        LedgerRecords.Recorded entry = recorded.get(name);
        if (entry != null) { // its name parsed already, as the ledger was read
          String checksum = entry.checksum();
          migrations.add(ResolvedMigration.deferred(entry.file(), checksum, file.toString(),
              () -> MigrationSource.Sources.loadFile(file, checksum, listedIn)));
          continue;
        }
        allRecorded = false;
        MigrationFileName parsed = MigrationFileName.parse(name).orElseThrow(() -> new ConfigurationException(
            file + " is not named V<version>__<name>.sql (" + MigrationFileName.problem(name)
                + "); rename it or move it out of " + directory));
        migrations.add(ResolvedMigration.of(parsed, Files.readString(file, StandardCharsets.UTF_8), file.toString()));
      }
    } catch (IOException e) {
      throw new ConfigurationException("cannot read migrations directory " + directory + ": " + e.getMessage(), e);
    }
    ledger.ifPresent(l -> migrations.addAll(MigrationSource.Sources.archived(l, migrations, description())));
    return new Listing(MigrationSource.Sources.inOrder(migrations, description()), allRecorded);
  }

  /**
   * The names in the directory that look like migrations, sorted as strings: names rather than paths,
   * and a loop rather than a stream, because in a new JVM, where a deploy or an application start
   * lists the directory once, building and sorting 1,000 paths through a stream cost twice this.
   */
  private List<String> migrationFileNames() throws IOException {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (MigrationFileName.looksLikeMigration(name)) {
          names.add(name);
        }
      }
    }
    Collections.sort(names);
    return names;
  }

  @Override
  public String description() {
    return directory.toString();
  }

  /**
   * What the listing takes from the ledger: its entries' checksums and its newest checkpoint, read
   * without the schema sections ({@link LedgerRecords}), which the start-up check never needs.
   */
  private Optional<LedgerRecords> ledgerRecords() {
    return ledgerText().map(json -> {
      try {
        return LedgerRecords.read(json, directory.resolve(Ledger.FILE_NAME).toString());
      } catch (LedgerFormatException e) {
        throw new ConfigurationException(e.getMessage(), e);
      }
    });
  }

  @Override
  public Optional<Ledger> ledger() {
    return ledgerText().map(json -> MigrationSource.Sources.parseLedger(json, description()));
  }

  /** The ledger's text, or empty when the directory has none. */
  private Optional<String> ledgerText() {
    Path file = directory.resolve(Ledger.FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ConfigurationException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<dev.schemacode.model.DeclaredSchema> declared() {
    Path file = directory.resolve(dev.schemacode.model.DeclaredSchema.FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(MigrationSource.Sources.parseDeclared(Files.readString(file, StandardCharsets.UTF_8), description()));
    } catch (IOException e) {
      throw new ConfigurationException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public ScriptFolder folder(String name) {
    return ScriptFolder.directory(directory.resolve(name));
  }

  @Override
  public Optional<String> companion(String fileName) {
    Path file = directory.resolve(fileName);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ConfigurationException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}

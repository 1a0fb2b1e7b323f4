package dev.schemacode.runtime;

import dev.schemacode.model.Checksums;
import dev.schemacode.model.Ledger;
import dev.schemacode.model.LedgerCodec;
import dev.schemacode.model.LedgerEntry;
import dev.schemacode.model.LedgerFormatException;
import dev.schemacode.model.LedgerRecords;
import dev.schemacode.model.MigrationFileName;
import dev.schemacode.model.MigrationIndex;
import dev.schemacode.runtime.internal.ClasspathLocation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where migrations come from: the index class the processor generates, or on the class path the
 * ledger the processor writes (either way no class-path scanning, so it works the same from a
 * directory, a jar or a native image), or a directory, which is listed.
 *
 * <p>Seeds and backfills live beside the migrations, in the sub-folders {@value #SEEDS} and
 * {@value #BACKFILLS} of the same location.
 */
public interface MigrationSource {
  /** The sub-folder of the migrations location that holds the seeds. */
  String SEEDS = "seeds";
  /** The sub-folder of the migrations location that holds the backfills. */
  String BACKFILLS = "backfills";

  /**
   * The migrations in version order, every script read and checked: a missing file, or one whose
   * checksum differs from what the index or ledger recorded, fails here.
   */
  List<ResolvedMigration> resolve();

  /**
   * The migrations in version order for the start-up check: the same list as {@link #resolve()},
   * but a source that knows each checksum without reading the file (the generated index, the
   * ledger) defers reading and checking each script until something needs it. With nothing pending
   * nothing does, so the check costs no class-path reads however many migrations there are (with
   * 1,000 migrations, reading and hashing them was most of the start-up time). A missing or stale
   * resource then fails when its script is first needed: {@link Migrator#migrate()} loads every
   * script before it applies anything. Defaults to {@link #resolve()}.
   */
  default List<ResolvedMigration> listing() {
    return resolve();
  }

  /** How messages name this source. */
  String description();

  /**
   * The ledger beside the migrations, with the schema they record; needed to compare a live
   * database with it ({@code diff}). The generated index carries no schema, so it has none.
   */
  default java.util.Optional<Ledger> ledger() {
    return java.util.Optional.empty();
  }

  /**
   * The declared schema the build left beside the migrations ({@code schemacode-declared.json}), which
   * {@code push} makes a development database match. The build writes it into its output only, so a
   * directory in the source tree has none: give the build's output (or the class path) for push.
   */
  default java.util.Optional<dev.schemacode.model.DeclaredSchema> declared() {
    return java.util.Optional.empty();
  }

  /**
   * A folder of scripts beside the migrations, such as {@value #SEEDS}. The built-in sources give
   * the sub-folder of their location; this default takes {@link #description()} for a directory, so
   * other sources should override it (a folder that does not exist simply holds no scripts).
   */
  default ScriptFolder folder(String name) {
    return ScriptFolder.directory(Path.of(description(), name));
  }

  /** {@code classpath:db/migration} or a directory path, as the CLI's {@code --migrations} takes it. */
  /**
   * A file beside the migrations that is not one of them: a reverse ({@code U*.sql}) or a checkpoint
   * ({@code C*.sql}), as text; empty when it is not there. The ledger records its checksum, and the
   * caller checks it. The built-in sources read their location; other sources have none.
   */
  default java.util.Optional<String> companion(String fileName) {
    return java.util.Optional.empty();
  }

  static MigrationSource parse(String location) {
    if (location == null || location.isBlank()) {
      throw new ConfigurationException("no migrations location given");
    }
    return location.startsWith("classpath:")
        ? classpath(location.substring("classpath:".length()))
        : directory(Path.of(location));
  }

  static MigrationSource classpath(String path) {
    return classpath(path, Thread.currentThread().getContextClassLoader() != null
        ? Thread.currentThread().getContextClassLoader() : MigrationSource.class.getClassLoader());
  }

  static MigrationSource classpath(String path, ClassLoader loader) {
    return new ClasspathLocation(path, loader) {
      @Override
      public List<ResolvedMigration> resolve() {
        return loadedUnlessArchived(listing());
      }

      @Override
      public List<ResolvedMigration> listing() {
        Ledger ledger = ledger().orElseThrow(() -> new ConfigurationException("no " + Ledger.FILE_NAME + " at "
            + description() + "; did the build run the schemacode processor, and is the location right?"));
        List<ResolvedMigration> migrations = new ArrayList<>();
        String listedIn = "the ledger at " + description();
        for (LedgerEntry entry : ledger.migrations()) {
          migrations.add(Sources.deferred(loader, folder, entry.file(), entry.checksum(), listedIn));
        }
        return Sources.inOrder(migrations, description());
      }
    };
  }

  /**
   * The migrations a generated index lists, loaded from the class path. A file that is missing, or
   * whose checksum differs from the index, fails: the class path then holds something else than the
   * build compiled (stale resources, a second copy in another jar).
   */
  static MigrationSource index(MigrationIndex index) {
    return index(index, Thread.currentThread().getContextClassLoader() != null
        ? Thread.currentThread().getContextClassLoader() : MigrationSource.class.getClassLoader());
  }

  static MigrationSource index(MigrationIndex index, ClassLoader loader) {
    return new IndexSource(java.util.Objects.requireNonNull(index, "index"), loader);
  }

  /**
   * A directory of {@code V*.sql} files, listed. {@link #resolve()} reads and hashes every file.
   * {@link #listing()}, the start-up check's, takes the checksum of each file that the ledger beside
   * them records from the ledger instead, and reads and checks such a file only when its script is
   * needed (a deploy that applies anything loads every one first); files the ledger does not name are
   * read and hashed at once. So with nothing pending, a recorded file edited on disk after the build
   * is not noticed by the check: it cannot change this database (its version is applied and never
   * runs again), any deploy that applies something refuses it, and {@code validate} and
   * {@code status} (which hash every file) report it, as the processor does on the next build.
   *
   * <p>When every file is in the ledger, the check's summary of the listing is kept (in this JVM)
   * with a stamp of the directory and the ledger ({@link DirectoryStamp}), and later checks reuse it
   * while the stamp is the same: they list nothing and parse nothing, whatever the number of files.
   * A file added, removed or renamed, or a new ledger, changes the stamp.
   */
  static MigrationSource directory(Path directory) {
    return new DirectorySource(directory);
  }


  private static String read(ClassLoader loader, String resource) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Shared checks of resolved migrations. */
  final class Sources {
    private Sources() {}

    public static dev.schemacode.model.DeclaredSchema parseDeclared(String json, String location) {
      try {
        return dev.schemacode.model.DeclaredSchemaCodec.read(json, location + "/" + dev.schemacode.model.DeclaredSchema.FILE_NAME);
      } catch (LedgerFormatException e) {
        throw new ConfigurationException(e.getMessage(), e);
      }
    }

    public static Ledger parseLedger(String json, String location) {
      try {
        return LedgerCodec.read(json, location + "/" + Ledger.FILE_NAME);
      } catch (LedgerFormatException e) {
        throw new ConfigurationException(e.getMessage(), e);
      }
    }

    /** A migration that a list (ledger, index) names, loaded and checked against the list's checksum when first needed. */
    static ResolvedMigration deferred(ClassLoader loader, String folder, MigrationFileName file, String expectedChecksum,
        String listedIn) {
      String resource = (folder.isEmpty() ? "" : folder + "/") + file.fileName();
      return ResolvedMigration.deferred(file, expectedChecksum, "classpath:" + resource,
          () -> load(loader, folder, file, expectedChecksum, listedIn).script());
    }

    /** Loads a migration that a list (ledger, index) names, and checks it against the list's checksum. */
    static ResolvedMigration load(ClassLoader loader, String folder, MigrationFileName file, String expectedChecksum,
        String listedIn) {
      String resource = (folder.isEmpty() ? "" : folder + "/") + file.fileName();
      String script = read(loader, resource);
      if (script == null) {
        throw new ConfigurationException(file.fileName() + " is listed in " + listedIn + " but is not on the class path");
      }
      String checksum = Checksums.ofScript(script);
      if (!checksum.equals(expectedChecksum)) {
        throw new ConfigurationException(file.fileName() + " on the class path (" + resource + ") does not match "
            + listedIn + ": its checksum is " + checksum + ", the build recorded " + expectedChecksum
            + "; the class path holds another file than the build compiled (stale resources, or a second copy"
            + " in another jar); rebuild");
      }
      return new ResolvedMigration(file, script, checksum, "classpath:" + resource);
    }

    /** Reads a migration file whose checksum a ledger recorded, and checks it against that. */
    static String loadFile(Path file, String expectedChecksum, String listedIn) {
      String script;
      try {
        script = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new ConfigurationException("cannot read " + file + ": " + e.getMessage(), e);
      }
      String checksum = Checksums.ofScript(script);
      if (!checksum.equals(expectedChecksum)) {
        throw new ConfigurationException(file + " does not match " + listedIn + ": its checksum is " + checksum
            + ", the build recorded " + expectedChecksum + "; the file was edited after the build recorded it."
            + " Restore it (an applied migration never runs again), or rebuild so that the processor checks it");
      }
      return script;
    }

    /**
     * The migrations the newest checkpoint of {@code ledger} covers that {@code present} lacks: archived,
     * known by the ledger's checksums. A database that applied them is checked against those; one that
     * has not cannot get them, and loading one says so.
     */
    static List<ResolvedMigration> archived(LedgerRecords ledger, List<ResolvedMigration> present, String location) {
      if (ledger.newestCheckpoint().isEmpty()) {
        return List.of();
      }
      String checkpoint = dev.schemacode.model.Checkpoint.fileName(ledger.newestCheckpoint().get());
      java.util.Set<Long> versions = new java.util.HashSet<>();
      present.forEach(m -> versions.add(m.file().number()));
      List<ResolvedMigration> archived = new ArrayList<>();
      for (LedgerRecords.Recorded entry : ledger.migrations()) {
        if (ledger.coveredByCheckpoint(entry.file()) && !versions.contains(entry.file().number())) {
          archived.add(ResolvedMigration.deferred(entry.file(), entry.checksum(), location + "/" + entry.file().fileName(),
              () -> {
                throw new ConfigurationException(entry.file().fileName() + " is archived: the checkpoint "
                    + checkpoint + " covers it and " + location + " no longer holds it, but this"
                    + " database has not applied it; restore the file from version control to bring this database"
                    + " forward, or build a new database, which starts from the checkpoint");
              }));
        }
      }
      return archived;
    }

    static List<ResolvedMigration> inOrder(List<ResolvedMigration> migrations, String description) {
      List<ResolvedMigration> sorted = new ArrayList<>(migrations);
      sorted.sort((a, b) -> a.file().compareTo(b.file()));
      Map<Long, ResolvedMigration> byVersion = new HashMap<>();
      for (ResolvedMigration migration : sorted) {
        ResolvedMigration clash = byVersion.putIfAbsent(migration.file().number(), migration);
        if (clash != null) {
          throw new ConfigurationException("two migrations have version " + migration.version() + " in "
              + description + ": " + clash.file() + " and " + migration.file());
        }
      }
      return List.copyOf(sorted);
    }
  }
}

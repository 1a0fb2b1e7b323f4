package dev.schemacode.runtime;

import dev.schemacode.model.Ledger;
import dev.schemacode.model.LedgerCodec;
import dev.schemacode.model.LedgerEntry;
import dev.schemacode.model.LedgerFormatException;
import dev.schemacode.model.MigrationFileName;
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
 * Where migrations come from. On the class path the ledger written by the processor is the index
 * (no class-path scanning, so it works the same from a directory, a jar or a native image); a
 * directory is listed.
 */
public interface MigrationSource {
  /** The migrations in version order. */
  List<ResolvedMigration> resolve();

  /** How messages name this source. */
  String description();

  /** {@code classpath:db/migration} or a directory path, as the CLI's {@code --migrations} takes it. */
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
    String folder = path.replaceAll("^/+|/+$", "");
    return new MigrationSource() {
      @Override
      public List<ResolvedMigration> resolve() {
        String prefix = folder.isEmpty() ? "" : folder + "/";
        String ledgerText = read(loader, prefix + Ledger.FILE_NAME);
        if (ledgerText == null) {
          throw new ConfigurationException("no " + Ledger.FILE_NAME + " at " + description()
              + "; did the build run the schemacode processor, and is the location right?");
        }
        Ledger ledger;
        try {
          ledger = LedgerCodec.read(ledgerText, description() + "/" + Ledger.FILE_NAME);
        } catch (LedgerFormatException e) {
          throw new ConfigurationException(e.getMessage(), e);
        }
        List<ResolvedMigration> migrations = new ArrayList<>();
        for (LedgerEntry entry : ledger.migrations()) {
          String script = read(loader, prefix + entry.file().fileName());
          if (script == null) {
            throw new ConfigurationException(entry.file().fileName() + " is listed in the ledger at "
                + description() + " but is not on the class path");
          }
          migrations.add(ResolvedMigration.of(entry.file(), script, description() + "/" + entry.file().fileName()));
        }
        return Sources.inOrder(migrations, description());
      }

      @Override
      public String description() {
        return "classpath:" + folder;
      }
    };
  }

  static MigrationSource directory(Path directory) {
    return new MigrationSource() {
      @Override
      public List<ResolvedMigration> resolve() {
        if (!Files.isDirectory(directory)) {
          throw new ConfigurationException("migrations directory " + directory + " does not exist");
        }
        List<ResolvedMigration> migrations = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
          for (Path file : (Iterable<Path>) files.sorted()::iterator) {
            String name = file.getFileName().toString();
            if (!MigrationFileName.looksLikeMigration(name)) {
              continue;
            }
            MigrationFileName parsed = MigrationFileName.parse(name).orElseThrow(() -> new ConfigurationException(
                file + " is not named V<version>__<name>.sql; rename it or move it out of " + directory));
            migrations.add(ResolvedMigration.of(parsed, Files.readString(file, StandardCharsets.UTF_8), file.toString()));
          }
        } catch (IOException e) {
          throw new ConfigurationException("cannot read migrations directory " + directory + ": " + e.getMessage(), e);
        }
        return Sources.inOrder(migrations, description());
      }

      @Override
      public String description() {
        return directory.toString();
      }
    };
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

package dev.schemacode.runtime;

import dev.schemacode.runtime.internal.ClasspathListing;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A folder of named SQL scripts: the seeds or the backfills. By default they live beside the
 * migrations, in the sub-folders {@code seeds/} and {@code backfills/} of the migrations location.
 * A script's name is its file name without {@code .sql}.
 */
public interface ScriptFolder {
  /** What a script's name may look like: no paths, nothing a shell would trip over. */
  Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

  /** How messages name the folder. */
  String description();

  /** The scripts' names, sorted. */
  List<String> names();

  /** A script's text, or empty when the folder has no such script. */
  Optional<String> read(String name);

  default String location(String name) {
    return description() + "/" + name + ".sql";
  }

  /** A directory path, or {@code classpath:<path>}. */
  static ScriptFolder parse(String location) {
    if (location == null || location.isBlank()) {
      throw new ConfigurationException("no scripts location given");
    }
    return location.startsWith("classpath:")
        ? classpath(location.substring("classpath:".length()))
        : directory(Path.of(location));
  }

  static ScriptFolder directory(Path directory) {
    return new ScriptFolder() {
      @Override
      public String description() {
        return directory.toString();
      }

      @Override
      public List<String> names() {
        if (!Files.isDirectory(directory)) {
          return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
          return files.map(file -> file.getFileName().toString())
              .filter(name -> name.endsWith(".sql"))
              .map(name -> name.substring(0, name.length() - 4))
              .sorted()
              .toList();
        } catch (IOException e) {
          throw new ConfigurationException("cannot list " + directory + ": " + e.getMessage(), e);
        }
      }

      @Override
      public Optional<String> read(String name) {
        Path file = directory.resolve(checkName(name) + ".sql");
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
      public String location(String name) {
        return directory.resolve(name + ".sql").toString();
      }
    };
  }

  static ScriptFolder classpath(String path) {
    return classpath(path, Thread.currentThread().getContextClassLoader() != null
        ? Thread.currentThread().getContextClassLoader() : ScriptFolder.class.getClassLoader());
  }

  /**
   * Scripts on the class path. Reading one by name needs no listing; {@link #names()} lists the
   * folder in directories and jars (jars need directory entries, which Maven writes).
   */
  static ScriptFolder classpath(String path, ClassLoader loader) {
    String folder = dev.schemacode.runtime.internal.ClasspathLocation.withoutOuterSlashes(path);
    return new ScriptFolder() {
      @Override
      public String description() {
        return "classpath:" + folder;
      }

      @Override
      public List<String> names() {
        return ClasspathListing.sqlFiles(loader, folder);
      }

      @Override
      public Optional<String> read(String name) {
        String resource = (folder.isEmpty() ? "" : folder + "/") + checkName(name) + ".sql";
        try (InputStream in = loader.getResourceAsStream(resource)) {
          return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  private static String checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new ConfigurationException("'" + name + "' is not a script name: use letters, digits, '_', '.' and '-'"
          + " (the file name without .sql)");
    }
    return name;
  }
}

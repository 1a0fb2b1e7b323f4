package dev.schemacode.processor;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the migrations live in the source tree, and where they sit on the class path of the
 * built artifact (so the same build can ship a migration it just wrote).
 */
record MigrationsLocation(Path directory, String resourcePath) {
  static final String DEFAULT_RESOURCE_PATH = "db/migration";
  private static final Path MAIN_JAVA = Path.of("src", "main", "java");
  private static final Path MAIN_RESOURCES = Path.of("src", "main", "resources");

  /** From {@code -Aschemacode.migrations}; relative paths are taken from javac's working directory. */
  static MigrationsLocation of(String option, Optional<String> resourcePathOption) {
    Path directory = Path.of(option).toAbsolutePath().normalize();
    return new MigrationsLocation(directory, resourcePathOption.orElseGet(() -> resourcePathOf(directory)));
  }

  /**
   * The conventional directory when no option is given: for a source file under
   * {@code <project>/src/main/java}, {@code <project>/src/main/resources/db/migration}.
   */
  static Optional<MigrationsLocation> conventional(URI sourceFile, Optional<String> resourcePathOption) {
    if (!"file".equals(sourceFile.getScheme())) {
      return Optional.empty();
    }
    for (Path dir = Path.of(sourceFile).getParent(); dir != null; dir = dir.getParent()) {
      if (dir.endsWith(MAIN_JAVA)) {
        Path project = dir.getParent().getParent().getParent();
        String resourcePath = resourcePathOption.orElse(DEFAULT_RESOURCE_PATH);
        return Optional.of(new MigrationsLocation(
            project.resolve(MAIN_RESOURCES).resolve(resourcePath).normalize(), resourcePath));
      }
    }
    return Optional.empty();
  }

  /** {@code …/src/main/resources/db/migration} → {@code db/migration}. */
  private static String resourcePathOf(Path directory) {
    for (Path dir = directory; dir != null; dir = dir.getParent()) {
      if (dir.endsWith(MAIN_RESOURCES)) {
        String relative = dir.relativize(directory).toString().replace('\\', '/');
        return relative.isEmpty() ? "" : relative;
      }
    }
    return DEFAULT_RESOURCE_PATH;
  }

  String resource(String fileName) {
    return resourcePath.isEmpty() ? fileName : resourcePath + "/" + fileName;
  }
}

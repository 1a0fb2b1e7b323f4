package dev.schemacode.processor;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.tools.StandardLocation;

/**
 * The folder of the class output that receives the migrations, when it is a directory on disk:
 * tells whether a file there is already up to date, by the rule of Maven's resources step (same size,
 * written after the source was last changed), so that a build does not write it again. A class
 * output that is not a directory (an in-memory file manager) has nothing up to date.
 */
final class ClassOutput {
  private static final ClassOutput NONE = new ClassOutput(Optional.empty());
  private final Optional<Path> folder;

  private ClassOutput(Optional<Path> folder) {
    this.folder = folder;
  }

  /** @param probe the class-path name of one file of the folder, e.g. {@code db/migration/schemacode-ledger.json} */
  static ClassOutput of(Filer filer, String probe) {
    try {
      // getResource only names the file (it opens nothing, and a later createResource of it is allowed)
      URI uri = filer.getResource(StandardLocation.CLASS_OUTPUT, "", probe).toUri();
      return "file".equals(uri.getScheme()) ? new ClassOutput(Optional.ofNullable(Path.of(uri).getParent())) : NONE;
    } catch (IOException | IllegalArgumentException | UnsupportedOperationException e) {
      return NONE;
    }
  }

  /**
   * Whether {@code fileName} is there with {@code size} bytes and written after {@code sourceModified}
   * (strictly: on a file system with coarse timestamps, the same time is not taken as up to date).
   */
  boolean upToDate(String fileName, long size, Optional<FileTime> sourceModified) {
    if (folder.isEmpty() || sourceModified.isEmpty()) {
      return false;
    }
    try {
      BasicFileAttributes target = Files.readAttributes(folder.get().resolve(fileName), BasicFileAttributes.class);
      return target.isRegularFile() && target.size() == size && target.lastModifiedTime().compareTo(sourceModified.get()) > 0;
    } catch (IOException e) {
      return false;
    }
  }
}

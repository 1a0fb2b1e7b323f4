package dev.schemacode.runtime.internal;

import dev.schemacode.model.Ledger;
import dev.schemacode.runtime.MigrationSource;
import dev.schemacode.runtime.ScriptFolder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import dev.schemacode.runtime.ResolvedMigration;
import java.util.List;
import java.util.Optional;

/**
 * What the class-path sources (the ledger and the generated index) share: a folder on the class
 * path, its ledger, and the seeds and backfills beside it.
 */
public abstract class ClasspathLocation implements MigrationSource {
  public final String folder;
  public final ClassLoader loader;

  public ClasspathLocation(String path, ClassLoader loader) {
    this.folder = withoutOuterSlashes(path);
    this.loader = loader;
  }

  /**
   * {@code /db/migration/} as {@code db/migration}. Without a regular expression: a migrator, its
   * source and its script folders are made anew for each start-up check, and compiling the pattern
   * each time cost more than the rest of that set-up.
   */
  public static String withoutOuterSlashes(String path) {
    int start = 0;
    int end = path.length();
    while (start < end && path.charAt(start) == '/') {
      start++;
    }
    while (end > start && path.charAt(end - 1) == '/') {
      end--;
    }
    return path.substring(start, end);
  }

  @Override
  public String description() {
    return "classpath:" + folder;
  }

  @Override
  public Optional<Ledger> ledger() {
    return Optional.ofNullable(read(Ledger.FILE_NAME)).map(json -> Sources.parseLedger(json, description()));
  }

  @Override
  public Optional<String> companion(String fileName) {
    return Optional.ofNullable(read(fileName));
  }

  /**
   * {@code resolve()}: every script read and checked, but for the migrations the newest checkpoint covers
   * that are not on the class path (archived): those the history is checked against by checksum.
   */
  protected List<ResolvedMigration> loadedUnlessArchived(List<ResolvedMigration> migrations) {
    CheckpointStart.loadAllButArchived(this, migrations);
    return migrations;
  }

  @Override
  public Optional<dev.schemacode.model.DeclaredSchema> declared() {
    return Optional.ofNullable(read(dev.schemacode.model.DeclaredSchema.FILE_NAME))
        .map(json -> Sources.parseDeclared(json, description()));
  }

  @Override
  public ScriptFolder folder(String name) {
    return ScriptFolder.classpath(resource(name), loader);
  }

  String resource(String name) {
    return folder.isEmpty() ? name : folder + "/" + name;
  }

  /** A resource of the folder as text, or null when there is none. */
  String read(String name) {
    try (InputStream in = loader.getResourceAsStream(resource(name))) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

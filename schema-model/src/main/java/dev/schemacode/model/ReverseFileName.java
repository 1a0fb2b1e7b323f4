package dev.schemacode.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of a reverse script: {@code U<version>__<slug>.sql} undoes the migration {@code V<version>}
 * (Flyway's undo prefix, so the pair reads as one). A generated change of several files has one
 * reverse, named after its last file; a reverse of several parts has several files of that version,
 * told apart by their slug's phase suffix and applied in the order the ledger lists them.
 */
public record ReverseFileName(String version, String slug) {
  private static final Pattern PATTERN = Pattern.compile("U(\\d{1,18})__([A-Za-z0-9_.-]+)\\.sql");

  public static Optional<ReverseFileName> parse(String fileName) {
    Matcher matcher = PATTERN.matcher(fileName);
    return matcher.matches()
        ? Optional.of(new ReverseFileName(matcher.group(1), matcher.group(2)))
        : Optional.empty();
  }

  /** The reverse of {@code migration}, under {@code slug}. */
  public static ReverseFileName of(MigrationFileName migration, String slug) {
    return new ReverseFileName(migration.version(), slug);
  }

  public long number() {
    return Long.parseLong(version);
  }

  public String fileName() {
    return "U" + version + "__" + slug + ".sql";
  }

  public String label() {
    return "U" + version + "__" + slug;
  }

  @Override
  public String toString() {
    return fileName();
  }
}

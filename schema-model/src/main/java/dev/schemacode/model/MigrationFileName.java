package dev.schemacode.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The name of a migration file: {@code V<version>__<slug>.sql}, version a zero-padded sequence. */
public record MigrationFileName(String version, String slug) implements Comparable<MigrationFileName> {
  private static final Pattern PATTERN = Pattern.compile("V(\\d+)__([A-Za-z0-9_.-]+)\\.sql");
  private static final int PADDING = 4;

  public static Optional<MigrationFileName> parse(String fileName) {
    Matcher matcher = PATTERN.matcher(fileName);
    return matcher.matches()
        ? Optional.of(new MigrationFileName(matcher.group(1), matcher.group(2)))
        : Optional.empty();
  }

  public static boolean looksLikeMigration(String fileName) {
    return fileName.startsWith("V") && fileName.endsWith(".sql");
  }

  /** The file after {@code sequence - 1} others: {@code next(1, "init")} is {@code V0001__init.sql}. */
  public static MigrationFileName of(long sequence, String slug) {
    return new MigrationFileName(String.format("%0" + PADDING + "d", sequence), slug);
  }

  /** The version as a number, for ordering: {@code V0010} sorts after {@code V9}. */
  public long number() {
    return Long.parseLong(version);
  }

  public String fileName() {
    return "V" + version + "__" + slug + ".sql";
  }

  /** {@code V0001__init}: how messages and logs name a migration. */
  public String label() {
    return "V" + version + "__" + slug;
  }

  @Override
  public int compareTo(MigrationFileName other) {
    int byNumber = Long.compare(number(), other.number());
    return byNumber != 0 ? byNumber : fileName().compareTo(other.fileName());
  }

  @Override
  public String toString() {
    return fileName();
  }
}

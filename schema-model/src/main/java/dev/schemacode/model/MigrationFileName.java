package dev.schemacode.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The name of a migration file: {@code V<version>__<slug>.sql}, version a zero-padded sequence. */
public record MigrationFileName(String version, String slug) implements Comparable<MigrationFileName> {
  /** At most 18 digits: every such version fits a {@code long}, so ordering never overflows. */
  private static final Pattern PATTERN = Pattern.compile("V(\\d{1,18})__([A-Za-z0-9_.-]+)\\.sql");
  private static final Pattern VERSIONED = Pattern.compile("(?i)v\\d+__[^.]*");
  private static final int PADDING = 4;

  public static Optional<MigrationFileName> parse(String fileName) {
    Matcher matcher = PATTERN.matcher(fileName);
    return matcher.matches()
        ? Optional.of(new MigrationFileName(matcher.group(1), matcher.group(2)))
        : Optional.empty();
  }

  /**
   * A file meant as a migration, whether or not it is named right: {@code V*.sql} in any case, and
   * {@code v0001__x…} whatever it ends in. Such a file that does not {@link #parse} must be reported,
   * never skipped: a skipped migration is one that silently never runs.
   */
  public static boolean looksLikeMigration(String fileName) {
    String lower = fileName.toLowerCase(java.util.Locale.ROOT);
    return lower.startsWith("v") && (lower.endsWith(".sql") || VERSIONED.matcher(fileName).matches());
  }

  /** Why a file that {@link #looksLikeMigration looks like a migration} is not named as one. */
  public static String problem(String fileName) {
    if (parse(fileName).isPresent()) {
      throw new IllegalArgumentException(fileName + " is a well-formed migration name");
    }
    Matcher loose = Pattern.compile("(?i)v(\\d+)__(.+?)(\\.sql)?").matcher(fileName);
    if (!fileName.startsWith("V")) {
      return "a migration's name starts with a capital V";
    }
    if (!fileName.endsWith(".sql")) {
      return "a migration's name ends in .sql, in lower case";
    }
    if (loose.matches() && loose.group(1).length() > 18) {
      return "its version has " + loose.group(1).length() + " digits, and a version has at most 18";
    }
    return "a migration is named V<version>__<name>.sql, the name of letters, digits, '_', '.' and '-'";
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

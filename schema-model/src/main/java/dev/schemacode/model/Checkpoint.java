package dev.schemacode.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recorded checkpoint: one script ({@code C<version>__checkpoint.sql}) that builds the whole schema as
 * it stands after migration {@code version}, rendered from {@code schema}, the ledger's snapshot at that
 * version. A new, empty database runs it instead of every migration up to {@code version}; a database
 * that applied those migrations skips it. The schema is kept so that every build can render the script
 * again and compare: a checkpoint that does not build exactly the recorded schema fails the build.
 *
 * @param version the version of the last migration it covers ({@code 0042})
 * @param skipped hand-written migrations it covers without replaying them (it holds only what the
 *     model holds), named in its header
 */
public record Checkpoint(String version, String checksum, Schema schema, List<String> skipped) {
  private static final Pattern PATTERN = Pattern.compile("C(\\d{1,18})__checkpoint\\.sql");

  public Checkpoint {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(checksum, "checksum");
    Objects.requireNonNull(schema, "schema");
    skipped = List.copyOf(skipped);
  }

  /** The version of a checkpoint file's name, if it is one. */
  public static Optional<String> versionOf(String fileName) {
    Matcher matcher = PATTERN.matcher(fileName);
    return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  public static String fileName(String version) {
    return "C" + version + "__checkpoint.sql";
  }

  public String fileName() {
    return fileName(version);
  }

  public long number() {
    return Long.parseLong(version);
  }

  /** Whether it covers {@code file}: every migration up to its version. */
  public boolean covers(MigrationFileName file) {
    return file.number() <= number();
  }
}

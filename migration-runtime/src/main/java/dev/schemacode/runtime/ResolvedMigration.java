package dev.schemacode.runtime;

import dev.schemacode.model.Checksums;
import dev.schemacode.model.MigrationFileName;
import dev.schemacode.model.ScriptDirectives;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A migration found in the configured location: its file name, script and checksum.
 *
 * <p>(Was a record.) A class so that the script can be <em>deferred</em>: sources that know each
 * file's checksum without reading it (the generated index, the ledger) list migrations whose script
 * is loaded, and checked against that checksum, only when something first needs it. The start-up
 * check with nothing pending needs only names and checksums, so it reads no script at all; see
 * {@link MigrationSource#listing()}.
 */
public final class ResolvedMigration {
  private final MigrationFileName file;
  private final String checksum;
  private final String location;
  private Supplier<String> loader;
  private String script;

  public ResolvedMigration(MigrationFileName file, String script, String checksum, String location) {
    this.file = Objects.requireNonNull(file, "file");
    this.script = Objects.requireNonNull(script, "script");
    this.checksum = Objects.requireNonNull(checksum, "checksum");
    this.location = Objects.requireNonNull(location, "location");
  }

  private ResolvedMigration(MigrationFileName file, String checksum, String location, Supplier<String> loader) {
    this.file = file;
    this.checksum = checksum;
    this.location = location;
    this.loader = loader;
  }

  static ResolvedMigration of(MigrationFileName file, String script, String location) {
    return new ResolvedMigration(file, script, Checksums.ofScript(script), location);
  }

  /**
   * A migration whose script {@code loader} reads when first needed; the loader must check that the
   * script has {@code checksum}, and throws {@link ConfigurationException} when it is missing or differs.
   */
  static ResolvedMigration deferred(MigrationFileName file, String checksum, String location, Supplier<String> loader) {
    return new ResolvedMigration(file, checksum, location, loader);
  }

  public MigrationFileName file() {
    return file;
  }

  /** The SQL; for a deferred migration read (and checked) now, once. */
  public synchronized String script() {
    if (script == null) {
      script = loader.get();
      loader = null;
    }
    return script;
  }

  public String checksum() {
    return checksum;
  }

  public String location() {
    return location;
  }

  public String version() {
    return file.version();
  }

  /** The script says {@code -- schemacode:no-transaction}: it runs statement by statement, outside a transaction. */
  public boolean noTransaction() {
    return ScriptDirectives.noTransaction(script());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ResolvedMigration that && file.equals(that.file) && checksum.equals(that.checksum)
        && location.equals(that.location);
  }

  @Override
  public int hashCode() {
    return Objects.hash(file, checksum, location);
  }

  @Override
  public String toString() {
    return "ResolvedMigration[" + file + ", " + checksum + ", " + location + "]";
  }
}

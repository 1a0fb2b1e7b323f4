package dev.schemacode.runtime;

import dev.schemacode.model.Checksums;
import dev.schemacode.model.MigrationFileName;

/** A migration found in the configured location: its file name, script and checksum. */
public record ResolvedMigration(MigrationFileName file, String script, String checksum, String location) {
  static ResolvedMigration of(MigrationFileName file, String script, String location) {
    return new ResolvedMigration(file, script, Checksums.ofScript(script), location);
  }

  public String version() {
    return file.version();
  }
}

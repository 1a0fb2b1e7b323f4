package dev.schemacode.runtime;

import dev.schemacode.model.Checksums;
import dev.schemacode.model.MigrationFileName;
import dev.schemacode.model.ScriptDirectives;

/** A migration found in the configured location: its file name, script and checksum. */
public record ResolvedMigration(MigrationFileName file, String script, String checksum, String location) {
  static ResolvedMigration of(MigrationFileName file, String script, String location) {
    return new ResolvedMigration(file, script, Checksums.ofScript(script), location);
  }

  public String version() {
    return file.version();
  }

  /** The script says {@code -- schemacode:no-transaction}: it runs statement by statement, outside a transaction. */
  public boolean noTransaction() {
    return ScriptDirectives.noTransaction(script);
  }
}

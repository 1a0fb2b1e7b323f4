package dev.schemacode.runtime.internal;

import dev.schemacode.model.ScriptDirectives;
import dev.schemacode.runtime.ConfigurationException;
import dev.schemacode.runtime.ResolvedMigration;

/**
 * A SQL script the runner executes: a migration, a seed or a backfill.
 *
 * @param kind how messages call it: "migration", "seed", "backfill"
 * @param label how messages name it, e.g. {@code V0003__index}
 * @param location where it came from, e.g. a file path
 * @param recoveryHint what to do when it fails outside a transaction (empty for none)
 */
public record Script(String kind, String label, String location, String sql, String recoveryHint) {
  public Script {
    check(sql, location);
  }

  /**
   * What would fail only half-way through a deploy, found before anything runs, as usage errors: a
   * misspelled directive (ignored, it would run the script in a transaction), and a {@code COPY}
   * that needs psql to send or receive its rows.
   */
  static void check(String sql, String location) {
    ScriptDirectives.misspelled(sql).ifPresent(line -> {
      throw new ConfigurationException(location + ": '" + line + "' is not a schemacode directive; the one"
          + " directive is '-- " + ScriptDirectives.NO_TRANSACTION + "', exactly so (no space, a hyphen)");
    });
    SqlScript.copyWithClient(SqlScript.split(sql)).ifPresent(copy -> {
      throw new ConfigurationException(location + ", line " + copy.line() + ": " + ScriptRunner.abbreviate(copy.sql())
          + " needs psql to send or receive its rows, and a migration has no client to do that; write the rows as"
          + " INSERT … VALUES, or COPY from a file on the database server");
    });
  }

  boolean noTransaction() {
    return ScriptDirectives.noTransaction(sql);
  }

  static Script of(ResolvedMigration migration) {
    return new Script("migration", migration.file().label(), migration.location(), migration.script(),
        "the history marks it failed, so deploy stops here until you repair the database and run"
            + " `schemacode resolve --applied " + migration.version() + "` (you completed it by hand) or"
            + " `schemacode resolve --rolled-back " + migration.version() + "` (you undid it; deploy runs it again)");
  }
}

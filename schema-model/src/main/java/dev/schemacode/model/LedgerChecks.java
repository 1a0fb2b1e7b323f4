package dev.schemacode.model;

/**
 * The checks of a ledger's entries that both readers make: {@link LedgerCodec#read}, which reads the
 * whole ledger, and {@link LedgerRecords#read}, which reads only the entries for a migrations
 * directory's start-up check. A class of their own, without the JSON tree types and the printer that
 * {@code LedgerCodec} sets up when it is first used: in a new JVM that set-up was a tenth of a
 * directory's whole check (issue 14).
 */
final class LedgerChecks {
  private static final String[] CONFLICT_MARKERS = {"<<<<<<<", ">>>>>>>"};

  private LedgerChecks() {}

  /**
   * A ledger two branches both changed, with git's conflict markers left in it, is not read. A marker
   * counts at the start of a line, as {@link String#lines()} splits them ({@code \n}, {@code \r} or
   * both); found by searching the text as it is, once per marker, rather than splitting 250 kB into
   * lines first.
   */
  static void refuseMergeConflicts(String json, String source) {
    for (String marker : CONFLICT_MARKERS) {
      for (int at = json.indexOf(marker); at >= 0; at = json.indexOf(marker, at + 1)) {
        if (at == 0 || json.charAt(at - 1) == '\n' || json.charAt(at - 1) == '\r') {
          throw new LedgerFormatException(source + " contains git merge conflict markers: two branches"
              + " added migrations. Keep one branch's migrations, delete the other branch's new V*.sql files"
              + " and recompile to regenerate them after it");
        }
      }
    }
  }

  static void refuseNewerFormat(int format, String source) {
    if (format > LedgerCodec.FORMAT) {
      throw new LedgerFormatException(source + " has format " + format
          + ", written by a newer schemacode; this version reads format " + LedgerCodec.FORMAT + " and older");
    }
  }

  static MigrationFileName migrationFile(String name, String source) {
    return MigrationFileName.parse(name).orElseThrow(() ->
        new LedgerFormatException(source + ": '" + name + "' is not a migration file name (V<version>__<name>.sql)"));
  }

  static String checkpointVersion(String name, String source) {
    return Checkpoint.versionOf(name).orElseThrow(() ->
        new LedgerFormatException(source + ": '" + name + "' is not a checkpoint file name (C<version>__checkpoint.sql)"));
  }

  /** The head line is the last entry's chain: two branches that each added a migration disagree on it. */
  static void refuseBrokenHead(String head, String lastChain, String source) {
    if (!head.equals(lastChain)) {
      throw new LedgerFormatException(source + ": head " + abbreviate(head)
          + " does not match the last migration's chain " + abbreviate(lastChain)
          + "; the file was edited by hand or merged from two branches");
    }
  }

  /** A hash as messages show it: its first 12 characters. */
  static String abbreviate(String hash) {
    return hash.isEmpty() ? "(none)" : hash.substring(0, Math.min(12, hash.length()));
  }
}

package dev.schemacode.runtime.internal;

import java.sql.Connection;
import java.sql.SQLException;

/** What the runner records about a script, and when. */
public interface Recorder {
  Recorder NONE = (connection, millis) -> {};

  /**
   * The script succeeded. In a transaction this runs inside it, just before the commit, so the
   * record and the script's effects commit together or not at all.
   */
  void succeeded(Connection connection, long millis) throws SQLException;

  /**
   * In a transaction: the record as one SQL statement with literal values, which the runner sends
   * in the commit's round trip ({@code <statement>; COMMIT}) instead of calling {@link #succeeded}
   * and then committing: one round trip less per script. The statement must fail, not just change
   * nothing, whenever the record cannot be written, since the {@code COMMIT} behind it runs unless it
   * fails (a failed statement aborts the transaction, and the server skips the {@code COMMIT}). Null
   * (the default): {@link #succeeded}, then the commit.
   */
  default String succeededSql(long millis) {
    return null;
  }

  /**
   * Outside a transaction only, before the first statement: leave a failed record that the end of
   * the script turns into a success, so that a migrator killed half-way leaves a trace that stops
   * the next deploy instead of a half-applied script that looks pending.
   */
  default void started(Connection connection) throws SQLException {}

  /** Outside a transaction only: the script failed after {@link #started}. */
  default void failed(Connection connection, long millis) throws SQLException {}
}

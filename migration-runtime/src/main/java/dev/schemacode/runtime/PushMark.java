package dev.schemacode.runtime;

import java.time.Instant;

/**
 * What {@code schemacode push} left on a database it took past its history: the marker table
 * ({@code <history table>_push}, one row per push) that is there until the database and its history agree
 * again (a deploy or push records the migration generated for what was pushed). While it is there, a
 * deploy compares the database with the schema the pending migrations lead to before it runs any.
 *
 * @param lastPushedAt when the newest push ran
 * @param lastPushedBy the database user it ran as
 * @param pushes how many pushes the marker holds (since the database last agreed with its history)
 * @param lastChanges how many changes the newest push made
 * @param ledgerHead the ledger head the newest push's declarations were compiled against
 */
public record PushMark(Instant lastPushedAt, String lastPushedBy, int pushes, int lastChanges, String ledgerHead) {
  /**
   * What the mark means, in one line: when, and what deploy will do about it. {@code status} prints it,
   * {@code schemacode ui} shows it, in the same words.
   */
  public String describe() {
    return "Pushed at " + lastPushedAt + " by " + lastPushedBy + " (" + pushes
        + (pushes == 1 ? " push" : " pushes") + " since it last matched its migrations; the last made "
        + lastChanges + (lastChanges == 1 ? " change" : " changes") + "): a development database whose"
        + " schema was pushed from the declarations; deploy records the migration generated for them as applied once"
        + " the database matches it";
  }
}

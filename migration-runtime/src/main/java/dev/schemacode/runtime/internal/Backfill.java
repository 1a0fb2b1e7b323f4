package dev.schemacode.runtime.internal;

import dev.schemacode.model.Checksums;
import dev.schemacode.runtime.BackfillInfo;
import dev.schemacode.runtime.ConfigurationException;
import dev.schemacode.runtime.MigrationException;
import dev.schemacode.runtime.MigrationInfo;
import dev.schemacode.runtime.MigrationStatus;
import dev.schemacode.runtime.ResolvedMigration;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code backfill NAME}: runs one data script on purpose, records it, and never runs it again on
 * that database. Deploy never runs backfills. A backfill that fails in a transaction leaves nothing
 * behind and may run again; one outside a transaction (batches that commit as they go) is recorded
 * as failed and may run again too, so write those to be safe to repeat. Holding the lock.
 */
public final class Backfill {
  private final Context context;

  public Backfill(Context context) {
    this.context = context;
  }

  /** The script of a backfill, read before connecting: a wrong name is a usage error. */
  public String script(String name) {
    return context.backfills.read(name).orElseThrow(() -> {
      List<String> names = context.backfills.names();
      return new ConfigurationException("no backfill '" + name + "' in " + context.backfills.description()
          + (names.isEmpty() ? ", which holds none" : "; there are: " + String.join(", ", names)));
    });
  }

  public BackfillInfo run(Session session, List<ResolvedMigration> resolved, String name, String sql, boolean whilePending)
      throws SQLException {
    Connection connection = session.connection();
    MigrationStatus status = context.status(session, resolved);
    context.failOnProblems(status);
    List<MigrationInfo> pending = status.toApply(context.outOfOrder);
    if (!whilePending && !pending.isEmpty()) {
      throw new MigrationException("cannot run backfill " + name + ": " + pending.size()
          + (pending.size() == 1 ? " migration is" : " migrations are") + " pending (first " + pending.get(0).label()
          + "); run `schemacode deploy` first, or, when the backfill fills rows that a pending migration needs (a"
          + " NOT NULL it validates), `schemacode deploy --to <the version before that one>` and then `schemacode"
          + " backfill " + name + " --allow-pending`");
    }
    BackfillTable table = context.backfillTable();
    table.createIfMissing(connection);
    String checksum = Checksums.ofScript(sql);
    BackfillTable.Row earlier = table.read(connection).get(name);
    if (earlier != null && earlier.success()) {
      throw new MigrationException("backfill " + name + " already ran on this database at " + earlier.ranAt()
          + (earlier.checksum().equals(checksum) ? "" : " (its file has changed since)")
          + "; backfills never run twice: write a new backfill to do more");
    }
    Script script = new Script("backfill", name, context.backfills.location(name), sql,
        "it is recorded as failed and may run again once the cause is fixed; make it safe to repeat");
    long millis = context.runner(session).run(script, recorder(name, checksum, script.noTransaction()));
    return new BackfillInfo(name, BackfillInfo.State.DONE, Optional.of(Instant.now()), Optional.of(millis));
  }

  /** Every backfill script and every recorded run, merged: one round trip, no lock. */
  public List<BackfillInfo> list(Session session) throws SQLException {
    Map<String, BackfillTable.Row> rows = context.backfillTable().read(session.connection());
    List<BackfillInfo> infos = new ArrayList<>();
    for (String name : context.backfills.names()) {
      BackfillTable.Row row = rows.remove(name);
      infos.add(row == null
          ? new BackfillInfo(name, BackfillInfo.State.NOT_RUN, Optional.empty(), Optional.empty())
          : info(row, row.success() ? BackfillInfo.State.DONE : BackfillInfo.State.FAILED));
    }
    for (BackfillTable.Row row : rows.values()) {
      infos.add(info(row, BackfillInfo.State.MISSING));
    }
    return infos;
  }

  private static BackfillInfo info(BackfillTable.Row row, BackfillInfo.State state) {
    return new BackfillInfo(row.name(), state, Optional.of(row.ranAt()), Optional.of(row.executionMillis()));
  }

  private Recorder recorder(String name, String checksum, boolean outsideTransaction) {
    BackfillTable table = context.backfillTable();
    return new Recorder() {
      @Override
      public void started(Connection connection) throws SQLException {
        table.record(connection, name, checksum, 0, false);
      }

      @Override
      public void succeeded(Connection connection, long millis) throws SQLException {
        if (outsideTransaction) {
          table.complete(connection, name, millis, true);
        } else {
          table.record(connection, name, checksum, millis, true);
        }
      }

      @Override
      public void failed(Connection connection, long millis) throws SQLException {
        table.complete(connection, name, millis, false);
      }
    };
  }
}

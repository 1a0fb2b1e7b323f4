package dev.schemacode.runtime.internal;

import dev.schemacode.runtime.AppliedMigration;
import dev.schemacode.runtime.ConfigurationException;
import dev.schemacode.runtime.MigrationException;
import dev.schemacode.runtime.MigrationInfo;
import dev.schemacode.runtime.ResolvedMigration;
import java.sql.SQLException;
import java.util.List;

/**
 * {@code resolve}: a person tells the history what happened to a migration that it cannot know by
 * itself, as with Prisma's {@code migrate resolve}. Holding the lock.
 */
public final class Resolve {
  private final Context context;

  public Resolve(Context context) {
    this.context = context;
  }

  /**
   * The migration counts as applied as its file is now: a failed one that was completed by hand, a
   * pending one applied by hand, or a modified one whose edit is accepted.
   */
  public MigrationInfo applied(Session session, List<ResolvedMigration> resolved, String version) throws SQLException {
    MigrationInfo info = find(session, resolved, version);
    var connection = session.connection();
    switch (info.state()) {
      case FAILED:
      case MODIFIED:
        if (info.resolved().isEmpty()) {
          throw new MigrationException(info.label() + " is not among the migrations of this build, so it cannot be"
              + " marked applied; use `schemacode resolve --rolled-back " + info.version() + "` to forget it");
        }
        context.history.markResolved(connection, info.resolved().get(), info.applied().orElseThrow().version());
        break;
      case PENDING:
      case OUT_OF_ORDER:
        context.history.insert(connection, info.resolved().orElseThrow(), 0, true, AppliedMigration.RESOLVED);
        break;
      case MISSING:
        throw new MigrationException(info.label() + " is applied but its file is gone; restore the file, or forget it"
            + " with `schemacode resolve --rolled-back " + info.version() + "`");
      default:
        throw new MigrationException(info.label() + " is already applied; nothing to resolve");
    }
    return find(session, resolved, version);
  }

  /**
   * The history forgets the migration: a failed one whose effects were undone by hand (deploy then
   * runs it again), or an applied one whose file is gone for good.
   */
  public java.util.Optional<MigrationInfo> rolledBack(Session session, List<ResolvedMigration> resolved, String version)
      throws SQLException {
    MigrationInfo info = find(session, resolved, version);
    switch (info.state()) {
      case FAILED:
      case MISSING:
        context.history.delete(session.connection(), info.applied().orElseThrow().version());
        return context.status(session, resolved).find(info.number());
      case PENDING:
      case OUT_OF_ORDER:
        throw new MigrationException(info.label() + " is not applied; nothing to roll back");
      default:
        throw new MigrationException(info.label() + " is " + info.state().label() + "; --rolled-back is for a failed"
            + " migration or one whose file is gone. To undo an applied migration, write a new one");
    }
  }

  private MigrationInfo find(Session session, List<ResolvedMigration> resolved, String version) throws SQLException {
    long number = Versions.number(version);
    return context.status(session, resolved).find(number).orElseThrow(() -> new ConfigurationException(
        "no migration V" + version.replaceFirst("^[Vv]", "") + " in " + context.source.description()
            + " or in the history"));
  }
}

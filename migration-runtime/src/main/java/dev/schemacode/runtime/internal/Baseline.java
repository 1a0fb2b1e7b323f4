package dev.schemacode.runtime.internal;

import dev.schemacode.runtime.AppliedMigration;
import dev.schemacode.runtime.ConfigurationException;
import dev.schemacode.runtime.MigrationException;
import dev.schemacode.runtime.ResolvedMigration;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * {@code baseline --version V}: adopts a database whose schema already is what the migrations up to
 * V would build (it was made by hand, or by another tool). Those migrations are recorded as applied
 * without running, with their checksums, so that later they are validated like any other. Holding
 * the lock.
 */
public final class Baseline {
  private final Context context;

  public Baseline(Context context) {
    this.context = context;
  }

  public List<ResolvedMigration> run(Session session, List<ResolvedMigration> resolved, String version) throws SQLException {
    long number = Versions.number(version);
    if (resolved.stream().noneMatch(migration -> migration.file().number() == number)) {
      throw new ConfigurationException("no migration V" + version.replaceFirst("^[Vv]", "") + " in "
          + context.source.description() + "; baseline takes the version of the migration that the existing schema"
          + " corresponds to");
    }
    Connection connection = session.connection();
    List<AppliedMigration> rows = context.history.read(connection);
    if (!rows.isEmpty()) {
      throw new MigrationException("baseline adopts a database that schemacode has not migrated yet, but "
          + context.history.name() + " already has " + rows.size() + (rows.size() == 1 ? " row" : " rows")
          + "; use `schemacode resolve` to correct single migrations");
    }
    List<ResolvedMigration> adopted = resolved.stream().filter(migration -> migration.file().number() <= number).toList();
    connection.setAutoCommit(false);
    try {
      for (ResolvedMigration migration : adopted) {
        context.history.insert(connection, migration, 0, true, AppliedMigration.BASELINE);
      }
      connection.commit();
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
    return adopted;
  }
}

package dev.schemacode.runtime.internal;

import dev.schemacode.model.QualifiedName;
import dev.schemacode.runtime.ConfigurationException;
import dev.schemacode.runtime.MigrateResult;
import dev.schemacode.runtime.MigrationException;
import dev.schemacode.runtime.ResolvedMigration;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

/**
 * {@code reset}: drops the connection's current schema with everything in it, creates it again with
 * the same owner and grants, drops in every other schema the tables and enum types the project
 * owns there, and applies every migration. For development and test databases only; {@link
 * Migrator#reset()} checks the environment first. Holding the lock.
 *
 * <p>What the project owns in another schema: the tables and enum types the ledger's snapshot
 * records there, and those any migration creates under a name qualified with that schema ({@code
 * CREATE TABLE web.audit …}). Nothing else in those schemas is touched, and the schemas stay (the
 * migrations create them {@code IF NOT EXISTS}). All drops are one transaction: a reset that cannot
 * drop everything drops nothing.
 */
public final class Reset {
  private static final Set<String> SYSTEM_SCHEMAS = Set.of("pg_catalog", "information_schema", "pg_toast");

  private final Context context;

  public Reset(Context context) {
    this.context = context;
  }

  public MigrateResult run(Session session, List<ResolvedMigration> resolved) throws SQLException {
    Connection connection = session.connection();
    EnvironmentGuard.requireDatabaseAgrees(connection, context.environment, "reset");
    recreateSchema(connection, owned(resolved));
    context.history.createIfMissing(connection);
    return new Deploy(context).apply(session, resolved);
  }

  /** Tables and enum types the project owns, qualified with a schema: the snapshot's and the migrations' own. */
  private record Owned(java.util.Set<QualifiedName> tables, java.util.Set<QualifiedName> enums) {
    /** The drops of those outside {@code current}, which goes as a whole. */
    List<String> dropsOutside(String current) {
      List<String> drops = new java.util.ArrayList<>();
      tables.stream().filter(name -> !name.schema().isEmpty() && !name.schema().equals(current))
          .forEach(name -> drops.add("DROP TABLE IF EXISTS " + qualified(name) + " CASCADE"));
      enums.stream().filter(name -> !name.schema().isEmpty() && !name.schema().equals(current))
          .forEach(name -> drops.add("DROP TYPE IF EXISTS " + qualified(name) + " CASCADE"));
      return drops;
    }

    private static String qualified(QualifiedName name) {
      return Sql.identifier(name.schema()) + "." + Sql.identifier(name.name());
    }
  }

  private Owned owned(List<ResolvedMigration> resolved) {
    Owned owned = new Owned(new java.util.TreeSet<>(), new java.util.TreeSet<>());
    context.source.ledger().ifPresent(ledger -> {
      ledger.schema().tables().forEach(table -> owned.tables().add(table.name()));
      ledger.schema().enums().forEach(type -> owned.enums().add(type.name()));
    });
    HandWrittenObjects created = HandWrittenObjects.in(resolved.stream().map(ResolvedMigration::script).toList());
    owned.tables().addAll(created.tables());
    owned.enums().addAll(created.enums());
    return owned;
  }

  private static void recreateSchema(Connection connection, Owned owned) throws SQLException {
    String schema;
    String owner;
    String[] grants;
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT n.nspname, pg_get_userbyid(n.nspowner), "
            + "coalesce((SELECT array_agg(format('GRANT %s ON SCHEMA %I TO %s%s', a.privilege_type, n.nspname, "
            + "CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END, "
            + "CASE WHEN a.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END)) "
            + "FROM aclexplode(n.nspacl) a WHERE a.grantee <> n.nspowner), '{}') "
            + "FROM pg_namespace n WHERE n.nspname = current_schema()")) {
      if (!result.next()) {
        throw new MigrationException("cannot reset: the search_path names no schema that exists");
      }
      schema = result.getString(1);
      owner = result.getString(2);
      Array array = result.getArray(3);
      grants = (String[]) array.getArray();
    }
    if (SYSTEM_SCHEMAS.contains(schema) || schema.startsWith("pg_")) {
      throw new ConfigurationException("refusing to reset the system schema " + schema + "; set the search_path");
    }
    StringBuilder sql = new StringBuilder("DROP SCHEMA ").append(Sql.identifier(schema)).append(" CASCADE; ")
        .append("CREATE SCHEMA ").append(Sql.identifier(schema)).append(" AUTHORIZATION ").append(Sql.identifier(owner));
    for (String grant : grants) {
      sql.append("; ").append(grant);
    }
    for (String drop : owned.dropsOutside(schema)) {
      sql.append("; ").append(drop);
    }
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql.toString());
      connection.commit();
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }
}

package dev.schemacode.runtime;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

/**
 * {@code reset}: drops the connection's current schema with everything in it, creates it again with
 * the same owner and grants, and applies every migration. For development and test databases only;
 * {@link Migrator#reset()} checks the environment first. Holding the lock.
 */
final class Reset {
  private static final Set<String> SYSTEM_SCHEMAS = Set.of("pg_catalog", "information_schema", "pg_toast");

  private final Context context;

  Reset(Context context) {
    this.context = context;
  }

  MigrateResult run(Session session, List<ResolvedMigration> resolved) throws SQLException {
    Connection connection = session.connection();
    EnvironmentGuard.requireDatabaseAgrees(connection, context.environment, "reset");
    recreateSchema(connection);
    context.history.createIfMissing(connection);
    return new Deploy(context).apply(session, resolved);
  }

  private static void recreateSchema(Connection connection) throws SQLException {
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

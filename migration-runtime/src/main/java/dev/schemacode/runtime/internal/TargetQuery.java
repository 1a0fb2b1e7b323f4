package dev.schemacode.runtime.internal;

import dev.schemacode.runtime.ConfigurationException;
import dev.schemacode.runtime.DatabaseUrl;
import dev.schemacode.runtime.MigrationException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A user's SQL that names a fleet's targets (schema names, or database URLs from a catalog): one
 * column, each value once, in the query's order. It runs in a read-only transaction, since a deploy
 * tool should not change a catalog by accident. What goes wrong is one line: a query the server
 * rejects, the wrong number of columns, a NULL or no row at all are bad usage ({@link
 * ConfigurationException}); a server that cannot be reached or drops the connection is a failure
 * ({@link MigrationException}). Values are never shown: a URL may hold a password.
 *
 * @param what the query's name in messages: "schemas" or "targets"
 * @param values what its one column holds, for the column-count message: "schema names"
 */
public record TargetQuery(String sql, String what, String values) {
  public TargetQuery {
    if (sql == null || sql.isBlank()) {
      throw new ConfigurationException("the " + what + " query is empty");
    }
  }

  public List<String> run(ConnectionFactory connections) {
    try (Connection connection = connections.open()) {
      return run(connection, connections);
    } catch (SQLException e) {
      throw new MigrationException("cannot run the " + what + " query: " + connections.describeFailure(e), e);
    }
  }

  /** On a connection someone else owns (a fleet thread's): its auto-commit is restored. */
  public List<String> run(Connection connection, ConnectionFactory connections) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET TRANSACTION READ ONLY");
      Set<String> found = new LinkedHashSet<>();
      try (ResultSet rows = statement.executeQuery(sql)) {
        ResultSetMetaData columns = rows.getMetaData();
        if (columns.getColumnCount() != 1) {
          List<String> names = new ArrayList<>();
          for (int i = 1; i <= columns.getColumnCount(); i++) {
            names.add(columns.getColumnLabel(i));
          }
          throw new ConfigurationException("the " + what + " query must return one column (" + values + "); it returns "
              + names.size() + ": " + String.join(", ", names));
        }
        for (int row = 1; rows.next(); row++) {
          String value = rows.getString(1);
          if (value == null || value.isBlank()) {
            throw new ConfigurationException("row " + row + " of the " + what + " query is " + (value == null ? "NULL"
                : "blank"));
          }
          found.add(value.strip());
        }
      }
      if (found.isEmpty()) {
        throw new ConfigurationException("no target: the " + what + " query returned no row");
      }
      return List.copyOf(found);
    } catch (SQLException e) {
      if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
        throw e; // the connection, not the query
      }
      throw new ConfigurationException("the " + what + " query failed: " + connections.redact(DatabaseUrl.describe(e)));
    } finally {
      try {
        connection.rollback();
        connection.setAutoCommit(autoCommit);
      } catch (SQLException ignored) {
        // a broken connection: whoever owns it finds out on its next use
      }
    }
  }
}

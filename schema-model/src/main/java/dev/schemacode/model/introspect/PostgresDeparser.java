package dev.schemacode.model.introspect;

import dev.schemacode.model.PostgresRenderer;
import dev.schemacode.model.QualifiedName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.Optional;

/**
 * Lets PostgreSQL print declared expressions: on a temporary copy of the live table's columns
 * ({@code CREATE TEMP TABLE … (LIKE …)}), adds the check, default or index, reads the catalog's
 * spelling back, and rolls everything back, so the database is left as it was. Both spellings then
 * come from the same server and session (time zone included) and compare as text. One round trip per
 * statement, and only for expressions that text normalization found different.
 */
public final class PostgresDeparser implements Deparser {
  private static final String PROBE = "pg_temp.schemacode_probe";
  private final Connection connection;

  public PostgresDeparser(Connection connection) {
    this.connection = connection;
  }

  @Override
  public Optional<String> check(QualifiedName table, String expression) {
    return probe(table, "ALTER TABLE " + PROBE + " ADD CONSTRAINT schemacode_probe_check CHECK (" + expression + ") NOT VALID",
        "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = '" + PROBE + "'::regclass"
            + " AND conname = 'schemacode_probe_check'", null)
        .map(PostgresIntrospector::checkExpression);
  }

  @Override
  public Optional<String> columnDefault(QualifiedName table, String column, String expression) {
    return probe(table, "ALTER TABLE " + PROBE + " ALTER COLUMN " + PostgresRenderer.quote(column) + " SET DEFAULT " + expression,
        "SELECT pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid"
            + " AND a.attnum = d.adnum WHERE d.adrelid = '" + PROBE + "'::regclass AND a.attname = ?", column);
  }

  @Override
  public Optional<String> indexPredicate(QualifiedName table, String expression) {
    return probe(table, "CREATE INDEX schemacode_probe_idx ON " + PROBE + " ((true)) WHERE " + expression,
        "SELECT pg_get_expr(indpred, indrelid) FROM pg_index WHERE indrelid = '" + PROBE + "'::regclass", null);
  }

  private Optional<String> probe(QualifiedName table, String ddl, String query, String parameter) {
    boolean autoCommit;
    try {
      autoCommit = connection.getAutoCommit();
    } catch (SQLException e) {
      return Optional.empty();
    }
    Savepoint savepoint = null;
    try {
      if (autoCommit) {
        connection.setAutoCommit(false);
      } else {
        savepoint = connection.setSavepoint(); // inside a caller's transaction: undo only what is done here
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE TEMP TABLE schemacode_probe (LIKE " + PostgresRenderer.qualified(table) + ")");
        statement.execute(ddl);
      }
      try (PreparedStatement select = connection.prepareStatement(query)) {
        if (parameter != null) {
          select.setString(1, parameter);
        }
        try (ResultSet row = select.executeQuery()) {
          return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.empty();
        }
      }
    } catch (SQLException refused) {
      return Optional.empty(); // PostgreSQL does not take the declared expression on this table: it differs
    } finally {
      try {
        if (savepoint != null) {
          connection.rollback(savepoint);
        } else if (autoCommit) {
          connection.rollback();
          connection.setAutoCommit(true);
        }
      } catch (SQLException ignored) {
        // the connection is broken; the caller's next statement will say so
      }
    }
  }
}

package dev.schemacode.runtime.internal;

import dev.schemacode.runtime.DatabaseUnreachableException;
import dev.schemacode.runtime.DatabaseUrl;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Opens connections and describes their failures without leaking a password. */
public interface ConnectionFactory {
  Connection open() throws SQLException;

  String redact(String message);

  default String describeFailure(SQLException e) {
    return "database error: " + redact(DatabaseUrl.describe(e));
  }

  static ConnectionFactory of(DatabaseUrl url) {
    return new ConnectionFactory() {
      @Override
      public Connection open() {
        return url.connect();
      }

      @Override
      public String redact(String message) {
        return url.redact(message);
      }

      @Override
      public String describeFailure(SQLException e) {
        return "database error on " + url + ": " + redact(DatabaseUrl.describe(e));
      }
    };
  }

  static ConnectionFactory of(DataSource dataSource) {
    return new ConnectionFactory() {
      @Override
      public Connection open() {
        try {
          return dataSource.getConnection();
        } catch (SQLException e) {
          throw new DatabaseUnreachableException("cannot connect to the database: " + DatabaseUrl.describe(e), e);
        }
      }

      @Override
      public String redact(String message) {
        return message; // the data source owns its credentials; the driver does not print them
      }
    };
  }
}

package dev.schemacode.bench.tools;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/** The floor of any start-up check: one connection (or one borrowed from the pool) and one query, {@code SELECT 1}. */
public final class ConnectRunner implements Runner {
  @Override
  public void migrate(Target target) throws Exception {
    try (Connection connection = target.connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT 1")) {
      rows.next();
    }
  }
}

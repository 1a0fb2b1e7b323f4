package dev.schemacode.testkit.evolution;

import dev.schemacode.model.PostgresRenderer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Expression indexes that hand-written migrations add (annotations cannot declare them). The model
 * holds none of them, so the runner takes them out of the catalog while it compares the catalog with
 * the declared schema, and puts them back after; the generated migrations meanwhile meet them like
 * any project's would (renames, moves, widenings, enum rebuilds over their columns).
 */
final class HandWrittenIndexes {
  static final String PREFIX = "hw_";

  private HandWrittenIndexes() {}

  static String create(Preparation.ExpressionIndex index) {
    String name = PREFIX + index.table().name() + "_" + index.column() + (index.withKey() ? "_key" : "");
    return "CREATE INDEX IF NOT EXISTS " + PostgresRenderer.quote(name) + " ON " + PostgresRenderer.qualified(index.table())
        + " (" + (index.withKey() ? "\"id\", " : "") + "(" + index.expression() + "));";
  }

  /** {@code DROP INDEX} for each hand-written index whose definition names the enum value. */
  static List<String> dropNaming(Connection connection, String label) throws SQLException {
    List<String> drops = new ArrayList<>();
    for (String[] index : all(connection)) {
      if (index[1].contains("'" + label.replace("'", "''") + "'::")) {
        drops.add("DROP INDEX " + index[0] + ";");
      }
    }
    return drops;
  }

  /** Drops them all and returns the statements that make them again. */
  static List<String> takeOut(Connection connection) throws SQLException {
    List<String> definitions = new ArrayList<>();
    try (Statement statement = connection.createStatement()) {
      for (String[] index : all(connection)) {
        definitions.add(index[1]);
        statement.execute("DROP INDEX " + index[0]);
      }
    }
    return definitions;
  }

  static void putBack(Connection connection, List<String> definitions) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String definition : definitions) {
        statement.execute(definition);
      }
    }
  }

  /** Qualified name and definition of every hand-written index. */
  private static List<String[]> all(Connection connection) throws SQLException {
    List<String[]> indexes = new ArrayList<>();
    String query = "SELECT format('%I.%I', schemaname, indexname), indexdef FROM pg_indexes"
        + " WHERE indexname LIKE 'hw\\_%' ORDER BY 1";
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
      while (result.next()) {
        indexes.add(new String[] {result.getString(1), result.getString(2)});
      }
    }
    return indexes;
  }
}

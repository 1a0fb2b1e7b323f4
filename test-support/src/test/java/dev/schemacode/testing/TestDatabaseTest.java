package dev.schemacode.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TestDatabaseTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();

  @Test
  void givesTheClassItsOwnEmptyDatabase() throws SQLException {
    try (Connection connection = database.connect();
        ResultSet result = connection.createStatement().executeQuery(
            "SELECT current_database(), (SELECT count(*) FROM pg_tables WHERE schemaname = 'public')")) {
      assertTrue(result.next());
      assertEquals(database.name(), result.getString(1));
      assertEquals(0, result.getLong(2));
    }
  }

  @Test
  void dataSourceAndUrlReachTheSameDatabase() throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        ResultSet result = connection.createStatement().executeQuery("SELECT current_database()")) {
      assertTrue(result.next());
      assertEquals(database.name(), result.getString(1));
    }
    try (Connection connection = java.sql.DriverManager.getConnection(database.jdbcUrlWithCredentials())) {
      assertTrue(connection.isValid(5));
    }
  }

  @Test
  void dropsTheDatabaseAfterTheClass() throws Exception {
    TestDatabase other = new TestDatabase();
    other.create("Other");
    String name = other.name();
    other.drop();
    try (Connection connection = database.connect();
        PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      query.setString(1, name);
      try (ResultSet result = query.executeQuery()) {
        assertFalse(result.next(), name + " still exists");
      }
    }
  }

  @Test
  void parsesJdbcUrls() {
    PostgresServer server = JdbcUrls.server(
        "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres&password=s3cret&sslmode=disable", "env");
    assertEquals("jdbc:postgresql://127.0.0.1:5432/x?sslmode=disable", server.jdbcUrl("x"));
    assertEquals("postgres", server.user());
    assertEquals("s3cret", server.password());
    assertFalse(server.toString().contains("s3cret"));
  }
}

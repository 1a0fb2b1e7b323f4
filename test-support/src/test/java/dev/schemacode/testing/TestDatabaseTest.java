package dev.schemacode.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

  @Test
  void runsTheRequestedPostgresVersionAndNoneOlderThanSupported() {
    int actual = PostgresVersion.of(database.server());
    PostgresVersion.requested().ifPresent(requested -> assertEquals(requested, actual));
    assertTrue(actual >= PostgresVersion.MINIMUM, "PostgreSQL " + actual);
  }

  @ParameterizedTest(name = "property ''{0}'', variable ''{1}'' -> {2}")
  @CsvSource(nullValues = "none", value = {
      "none, none, none",
      "'', '', none",
      "16, none, 16",
      "none, 14, 14",
      "' 17 ', 13, 17",
      "'', 18, 18",
  })
  void readsTheRequestedVersion(String property, String variable, String expected) {
    assertEquals(expected == null ? Optional.empty() : Optional.of(Integer.parseInt(expected)),
        PostgresVersion.parse(property, variable));
  }

  @ParameterizedTest
  @CsvSource({"12, not supported", "eighteen, major version"})
  void refusesVersionsItCannotServe(String text, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PostgresVersion.parse(text, null));
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @Test
  void testcontainersUsesTheRequestedVersionsImage() {
    assertEquals("postgres:17-alpine", TestcontainersServer.image(Optional.empty()));
    assertEquals("postgres:13-alpine", TestcontainersServer.image(Optional.of(13)));
  }
}

package dev.schemacode.testing;

/**
 * A PostgreSQL server on which tests may create and drop their own databases.
 *
 * @param jdbcUrlTemplate a JDBC URL whose database is {@link #DATABASE_PLACEHOLDER}
 */
public record PostgresServer(String jdbcUrlTemplate, String user, String password, String description) {
  static final String DATABASE_PLACEHOLDER = "{database}";

  public String jdbcUrl(String database) {
    return jdbcUrlTemplate.replace(DATABASE_PLACEHOLDER, database);
  }

  PostgresServer withCredentials(String newUser, String newPassword) {
    return new PostgresServer(jdbcUrlTemplate, newUser, newPassword, description);
  }

  @Override
  public String toString() {
    return description; // never the password
  }
}

package dev.schemacode.ui;

import dev.schemacode.runtime.ConfigurationException;
import dev.schemacode.runtime.Environment;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Whether the page may change rows: the rule {@code seed} and {@code reset} follow (a declared
 * non-production environment, and a database whose {@code schemacode.environment} does not say
 * otherwise), asked when the server starts, for the page, and again inside every change's own
 * transaction, so a database marked production meanwhile is not written to.
 */
final class WriteAccess {
  static final String OPERATION = "change rows from schemacode ui";

  private final Environment environment;

  WriteAccess(Environment environment) {
    this.environment = environment;
  }

  /** Why changes are refused, or empty when they are allowed. */
  Optional<String> refusal(Connection connection) throws SQLException {
    try {
      environment.requireOutsideProduction(connection, OPERATION);
      return Optional.empty();
    } catch (ConfigurationException e) {
      return Optional.of(e.getMessage());
    }
  }

  Environment environment() {
    return environment;
  }
}

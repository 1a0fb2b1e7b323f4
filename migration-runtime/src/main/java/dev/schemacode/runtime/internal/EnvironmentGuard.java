package dev.schemacode.runtime.internal;

import dev.schemacode.runtime.ConfigurationException;
import dev.schemacode.runtime.Environment;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/** Keeps seeds and reset away from production: checks the declared environment and the database's own word. */
public final class EnvironmentGuard {
  private EnvironmentGuard() {}

  /** Before connecting: the operator must have named a non-production environment. */
  public static void requireDeclaredNonProduction(Environment environment, String operation) {
    if (!environment.isDeclared()) {
      throw new ConfigurationException("refusing to " + operation + ": no environment is declared; set "
          + Environment.VARIABLE + " (or pass --environment) to a non-production name such as development or test."
          + " It never runs in an undeclared environment, so that it cannot hit production by accident");
    }
    if (environment.isProduction()) {
      throw new ConfigurationException("refusing to " + operation + ": the environment is '" + environment
          + "', and it runs only outside production");
    }
  }

  /**
   * Connected: the database may say which environment it is ({@code schemacode.environment}). It
   * must not say production, nor contradict the declared environment: that means the URL points
   * somewhere else than the operator thinks. One round trip.
   */
  public static void requireDatabaseAgrees(Connection connection, Environment environment, String operation)
      throws SQLException {
    String marker;
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT current_setting('" + Environment.DATABASE_SETTING + "', true)")) {
      result.next();
      marker = result.getString(1);
    }
    if (marker == null || marker.isBlank()) {
      return;
    }
    if (Environment.isProductionName(marker)) {
      throw new ConfigurationException("refusing to " + operation + ": the database says it is '" + marker.strip()
          + "' (setting " + Environment.DATABASE_SETTING + "), and it runs only outside production");
    }
    String declared = environment.name().orElse("");
    if (!marker.strip().toLowerCase(Locale.ROOT).equals(declared.toLowerCase(Locale.ROOT))) {
      throw new ConfigurationException("refusing to " + operation + ": the environment is '" + declared
          + "' but the database says it is '" + marker.strip() + "' (setting " + Environment.DATABASE_SETTING
          + "); check the database URL");
    }
  }
}

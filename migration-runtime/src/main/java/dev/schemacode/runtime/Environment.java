package dev.schemacode.runtime;

import dev.schemacode.runtime.internal.EnvironmentGuard;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The name of the environment a command runs in, as the operator declares it: {@code
 * SCHEMACODE_ENV}, or the CLI's {@code --environment}. Seeds and {@code reset} run only when it is
 * declared and is not production; an unknown environment counts as production, so that they never
 * hit production by accident.
 *
 * <p>A database can also say what it is, independently of whoever connects to it: {@code ALTER
 * DATABASE app SET schemacode.environment = 'production'}. Seeds and reset read that setting and
 * refuse when it says production or names a different environment than the one declared.
 */
public final class Environment {
  /** The environment variable the declared name comes from. */
  public static final String VARIABLE = "SCHEMACODE_ENV";
  /** The PostgreSQL setting a database (or role) can carry to say which environment it belongs to. */
  public static final String DATABASE_SETTING = "schemacode.environment";

  private static final Environment UNSET = new Environment(null);

  private final String name;

  private Environment(String name) {
    this.name = name;
  }

  /** A declared environment; blank means undeclared. */
  public static Environment named(String name) {
    return name == null || name.isBlank() ? UNSET : new Environment(name.strip());
  }

  public static Environment unset() {
    return UNSET;
  }

  /** From {@code SCHEMACODE_ENV}. */
  public static Environment fromSystem() {
    return FromSystem.ENVIRONMENT;
  }

  /** Read once: a process's environment does not change, and every {@code Migrator.builder()} asks. */
  private static final class FromSystem {
    static final Environment ENVIRONMENT = named(System.getenv(VARIABLE));
  }

  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  public boolean isDeclared() {
    return name != null;
  }

  /** Declared as production: {@code production}, {@code prod}, {@code prod-eu}, {@code prd}, {@code live}… */
  public boolean isProduction() {
    return name != null && isProductionName(name);
  }

  /**
   * Errs on the side of production: any name that starts with {@code prod} or {@code prd}, and
   * {@code live}. Other names (development, dev, test, ci, staging, preview…) are not production.
   */
  public static boolean isProductionName(String name) {
    String lower = name.strip().toLowerCase(Locale.ROOT);
    return lower.startsWith("prod") || lower.startsWith("prd") || lower.equals("live");
  }

  /**
   * The rule {@code seed} and {@code reset} follow, for other tools that change data (the {@code
   * ui}'s row editor): this environment must be declared and not production, and the database must
   * not say otherwise ({@link #DATABASE_SETTING}). One round trip on the connection.
   *
   * @throws ConfigurationException saying why not, in the words {@code seed} and {@code reset} use
   */
  public void requireOutsideProduction(java.sql.Connection connection, String operation) throws java.sql.SQLException {
    EnvironmentGuard.requireDeclaredNonProduction(this, operation);
    EnvironmentGuard.requireDatabaseAgrees(connection, this, operation);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Environment && Objects.equals(name, ((Environment) other).name);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(name);
  }

  @Override
  public String toString() {
    return name == null ? "(undeclared)" : name;
  }
}

package dev.schemacode.spring.boot.autoconfigure;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of schemacode in a Spring Boot application, under {@code schemacode.*}. The
 * Javadoc of each field is what IDEs show for the property (through the configuration metadata the
 * build generates).
 */
@ConfigurationProperties("schemacode")
public class SchemacodeProperties {
  /** Whether to enable schemacode: a Migrator bean, and the start-up work that on-startup names. */
  private boolean enabled = true;

  /**
   * Where the migrations are: "classpath:db/migration" (read through the ledger the processor writes
   * beside them, without scanning) or a directory path.
   */
  private String migrations = "classpath:db/migration";

  /**
   * What to do during start-up: DEPLOY applies pending migrations; CHECK applies nothing and refuses
   * to start while migrations are pending or the history has problems (for teams that run `schemacode
   * deploy` as a pre-deploy step); NONE does nothing (inject the Migrator); PUSH, for development only,
   * makes the database what the entities declare without a migration (the development loop: build
   * with -Aschemacode.mode=push; refused unless schemacode.environment is declared non-production).
   */
  private OnStartup onStartup = OnStartup.DEPLOY;

  /**
   * JDBC ("jdbc:postgresql://host/db") or platform ("postgresql://user:pass@host/db") URL of the
   * database to migrate, for migrations that use a connection of their own instead of the
   * application's DataSource (e.g. a role that owns the schema).
   */
  private String url;

  /** Login user for migrations, with "url"; overrides a user in the URL. */
  private String user;

  /** Login password for migrations, with "url"; overrides a password in the URL. */
  private String password;

  /**
   * URL of a database session of its own (the server's address, or a session-mode pool) for when
   * the DataSource or "url" goes through a transaction pooler (PgBouncer, Supavisor, RDS Proxy):
   * everything that changes the database runs on it. Defaults to SCHEMACODE_DIRECT_URL. "user" and
   * "password" apply to it too when set.
   */
  private String directUrl;

  /** How long to wait for another instance's migration lock before start-up fails; 0 waits forever. */
  private Duration lockWaitTimeout = Duration.ofMinutes(10);

  /** Name of the table that records applied migrations. */
  private String historyTable = "schemacode_history";

  /** How long a migration's statement waits for a table lock before it fails; 0 waits forever. */
  private Duration lockTimeout = Duration.ofSeconds(10);

  /** How long one migration statement may run; 0 (the default) means no limit. */
  private Duration statementTimeout = Duration.ZERO;

  /** Whether to apply pending migrations older than the newest applied one instead of refusing. */
  private boolean outOfOrder;

  /**
   * The environment this application runs in, for the seed guard: seeds run only where it is
   * declared and is not production ("production", "prod…", "prd…", "live"). Defaults to SCHEMACODE_ENV.
   */
  private String environment;

  /**
   * Whether to run the seed scripts ("seeds/" beside the migrations) after the migrations at
   * start-up. Only where the environment is declared non-production; elsewhere the seeds are skipped
   * with a warning.
   */
  private boolean seed;

  /** What the application does with migrations during start-up. */
  public enum OnStartup {
    /** Apply pending migrations before anything uses the database. */
    DEPLOY,
    /** Apply nothing; refuse to start while migrations are pending or the history has problems. */
    CHECK,
    /** Do nothing; the application uses the Migrator itself. */
    NONE,
    /**
     * Development only: {@code Migrator.push}, the database made what the entities declare without a
     * migration (pending migrations first on a database nobody pushed); refused in production, and
     * on changes that lose data (run {@code schemacode push --accept-data-loss}).
     */
    PUSH
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public String getMigrations() {
    return migrations;
  }

  public void setMigrations(String migrations) {
    this.migrations = migrations;
  }

  public OnStartup getOnStartup() {
    return onStartup;
  }

  public void setOnStartup(OnStartup onStartup) {
    this.onStartup = onStartup;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getUser() {
    return user;
  }

  public void setUser(String user) {
    this.user = user;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getDirectUrl() {
    return directUrl;
  }

  public void setDirectUrl(String directUrl) {
    this.directUrl = directUrl;
  }

  public Duration getLockWaitTimeout() {
    return lockWaitTimeout;
  }

  public void setLockWaitTimeout(Duration lockWaitTimeout) {
    this.lockWaitTimeout = lockWaitTimeout;
  }

  public String getHistoryTable() {
    return historyTable;
  }

  public void setHistoryTable(String historyTable) {
    this.historyTable = historyTable;
  }

  public Duration getLockTimeout() {
    return lockTimeout;
  }

  public void setLockTimeout(Duration lockTimeout) {
    this.lockTimeout = lockTimeout;
  }

  public Duration getStatementTimeout() {
    return statementTimeout;
  }

  public void setStatementTimeout(Duration statementTimeout) {
    this.statementTimeout = statementTimeout;
  }

  public boolean isOutOfOrder() {
    return outOfOrder;
  }

  public void setOutOfOrder(boolean outOfOrder) {
    this.outOfOrder = outOfOrder;
  }

  public String getEnvironment() {
    return environment;
  }

  public void setEnvironment(String environment) {
    this.environment = environment;
  }

  public boolean isSeed() {
    return seed;
  }

  public void setSeed(boolean seed) {
    this.seed = seed;
  }
}

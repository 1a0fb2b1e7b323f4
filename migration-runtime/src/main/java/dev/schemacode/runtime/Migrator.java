package dev.schemacode.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Applies pending migrations to a PostgreSQL database. Safe to call from every replica at once:
 * a session-level advisory lock lets one of them apply each migration exactly once, and the others
 * then find nothing to do.
 *
 * <pre>{@code
 * Migrator.builder()
 *     .dataSource(dataSource)                                  // or .url(DatabaseUrl.parse(...))
 *     .migrations(MigrationSource.classpath("db/migration"))   // the default
 *     .build()
 *     .migrate();
 * }</pre>
 */
public final class Migrator {
  private static final System.Logger LOG = System.getLogger("dev.schemacode.runtime");
  public static final String DEFAULT_HISTORY_TABLE = "schemacode_history";

  private final ConnectionFactory connections;
  private final MigrationSource source;
  private final HistoryTable history;
  private final AdvisoryLock lock;
  private final Duration lockTimeout;
  private final Duration statementTimeout;

  private Migrator(Builder builder) {
    this.connections = Objects.requireNonNull(builder.connections, "a data source or a URL is required");
    this.source = builder.source;
    this.history = new HistoryTable(builder.historyTable);
    this.lock = new AdvisoryLock(builder.historyTable);
    this.lockTimeout = builder.lockTimeout;
    this.statementTimeout = builder.statementTimeout;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Applies every pending migration in version order, each in its own transaction.
   *
   * @throws MigrationException when validation finds a problem or a migration fails; the failed
   *     migration is rolled back and not recorded, and nothing after it runs
   * @throws ConfigurationException when the migrations cannot be resolved
   */
  public MigrateResult migrate() {
    List<ResolvedMigration> resolved = source.resolve();
    try (Connection connection = connections.open()) {
      // Fast path, paid by every application start: one query, no lock, when nothing is pending.
      MigrationStatus status = MigrationStatus.merge(resolved, history.read(connection));
      failOnProblems(status);
      if (status.pending().isEmpty()) {
        LOG.log(System.Logger.Level.INFO, "schema is up to date at {0}; no pending migrations",
            status.currentVersion().map(v -> "V" + v).orElse("(empty)"));
        return new MigrateResult(List.of(), status.currentVersion());
      }
      return migrateLocked(connection, resolved);
    } catch (SQLException e) {
      throw new MigrationException(connections.describeFailure(e), e);
    }
  }

  private MigrateResult migrateLocked(Connection connection, List<ResolvedMigration> resolved) throws SQLException {
    if (!lock.tryAcquire(connection)) {
      LOG.log(System.Logger.Level.INFO, "another migrator holds the lock; waiting for it to finish");
      lock.acquire(connection);
    }
    try {
      history.createIfMissing(connection);
      // Read again under the lock: another replica may have applied everything meanwhile.
      MigrationStatus status = MigrationStatus.merge(resolved, history.read(connection));
      failOnProblems(status);
      List<ResolvedMigration> applied = new ArrayList<>();
      for (MigrationInfo pending : status.pending()) {
        ResolvedMigration migration = pending.resolved().orElseThrow();
        apply(connection, migration);
        applied.add(migration);
      }
      Optional<String> current = applied.isEmpty()
          ? status.currentVersion()
          : Optional.of(applied.get(applied.size() - 1).version());
      return new MigrateResult(applied, current);
    } finally {
      if (!connection.isClosed()) {
        lock.release(connection);
      }
    }
  }

  private void apply(Connection connection, ResolvedMigration migration) throws SQLException {
    long started = System.nanoTime();
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    SqlScript.Statement current = null;
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET LOCAL lock_timeout = '" + lockTimeout.toMillis() + "ms'");
      statement.execute("SET LOCAL statement_timeout = '" + statementTimeout.toMillis() + "ms'");
      for (SqlScript.Statement sql : SqlScript.split(migration.script())) {
        current = sql;
        statement.execute(sql.sql());
      }
      current = null;
      long millis = (System.nanoTime() - started) / 1_000_000;
      history.record(connection, migration, millis, true);
      connection.commit();
      LOG.log(System.Logger.Level.INFO, "applied {0} ({1} ms)", migration.file().label(), millis);
    } catch (SQLException e) {
      connection.rollback();
      throw new MigrationException(failure(migration, current, e), e);
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private String failure(ResolvedMigration migration, SqlScript.Statement statement, SQLException e) {
    StringBuilder message = new StringBuilder("migration ").append(migration.file().label())
        .append(" failed and was rolled back; nothing after it ran");
    if (statement != null) {
      message.append("; statement at line ").append(statement.line()).append(" of ").append(migration.location())
          .append(": ").append(abbreviate(statement.sql()));
    }
    message.append("; PostgreSQL said: ").append(connections.redact(DatabaseUrl.firstLine(e.getMessage())));
    if (e instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
      ServerErrorMessage server = psql.getServerErrorMessage();
      if (server.getPosition() > 0) {
        message.append(" (at character ").append(server.getPosition()).append(" of the statement)");
      }
    }
    return message.toString();
  }

  private static String abbreviate(String sql) {
    String oneLine = sql.replaceAll("\\s+", " ");
    return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 117) + "...";
  }

  private void failOnProblems(MigrationStatus status) {
    List<MigrationInfo> problems = status.problems();
    if (!problems.isEmpty()) {
      throw new MigrationException("validation failed, nothing was applied: " + problems.stream()
          .map(Migrator::explain).collect(Collectors.joining("; ")));
    }
  }

  static String explain(MigrationInfo info) {
    String label = "V" + info.version() + "__" + info.name();
    return switch (info.state()) {
      case MODIFIED -> label + " was modified after it was applied (checksum differs)";
      case MISSING -> label + " was applied but is not among the migrations of this build";
      case FAILED -> label + " failed earlier and needs `schemacode resolve`";
      case OUT_OF_ORDER -> label + " is pending but older than the newest applied migration";
      default -> label + " is " + info.state().label();
    };
  }

  /** The state of every migration. */
  public MigrationStatus status() {
    List<ResolvedMigration> resolved = source.resolve();
    try (Connection connection = connections.open()) {
      return MigrationStatus.merge(resolved, history.read(connection));
    } catch (SQLException e) {
      throw new MigrationException(connections.describeFailure(e), e);
    }
  }

  /** Never throws: a health endpoint reports what it finds. */
  public Health health() {
    try {
      MigrationStatus status = status();
      return new Health(true, status.pending().size(), status.problems().size(), status.currentVersion(),
          Optional.empty());
    } catch (DatabaseUnreachableException e) {
      return new Health(false, 0, 0, Optional.empty(), Optional.ofNullable(e.getMessage()));
    } catch (RuntimeException e) {
      return new Health(true, 0, 0, Optional.empty(), Optional.ofNullable(e.getMessage()));
    }
  }

  public static final class Builder {
    private ConnectionFactory connections;
    private MigrationSource source = MigrationSource.classpath("db/migration");
    private String historyTable = DEFAULT_HISTORY_TABLE;
    private Duration lockTimeout = Duration.ofSeconds(10);
    private Duration statementTimeout = Duration.ZERO;

    private Builder() {}

    public Builder dataSource(DataSource dataSource) {
      this.connections = ConnectionFactory.of(dataSource);
      return this;
    }

    public Builder url(DatabaseUrl url) {
      this.connections = ConnectionFactory.of(url);
      return this;
    }

    public Builder migrations(MigrationSource source) {
      this.source = Objects.requireNonNull(source, "source");
      return this;
    }

    public Builder historyTable(String name) {
      if (name == null || name.isBlank() || name.length() > 63) {
        throw new ConfigurationException("history table name must be 1 to 63 characters");
      }
      this.historyTable = name;
      return this;
    }

    /** How long a migration waits for a table lock before it fails (default 10 s); zero waits forever. */
    public Builder lockTimeout(Duration timeout) {
      this.lockTimeout = requireNonNegative(timeout, "lock timeout");
      return this;
    }

    /** How long one statement may run (default: no limit, as index builds take their time). */
    public Builder statementTimeout(Duration timeout) {
      this.statementTimeout = requireNonNegative(timeout, "statement timeout");
      return this;
    }

    private static Duration requireNonNegative(Duration timeout, String what) {
      if (timeout == null || timeout.isNegative()) {
        throw new ConfigurationException(what + " must be zero or positive");
      }
      return timeout;
    }

    public Migrator build() {
      return new Migrator(this);
    }
  }
}

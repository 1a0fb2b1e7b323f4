package dev.schemacode.runtime;

import dev.schemacode.runtime.internal.ConnectionFactory;
import dev.schemacode.runtime.internal.EnvironmentGuard;
import dev.schemacode.runtime.internal.SharedSource;
import dev.schemacode.runtime.internal.StartupSummary;
import dev.schemacode.runtime.internal.TargetQuery;
import dev.schemacode.runtime.internal.ThreadConnections;
import dev.schemacode.runtime.internal.UpToDateTenants;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Deploys, checks or validates many targets at once: the tenant schemas of one database (each with
 * its own history table inside the schema) or many databases. A thin layer over {@link Migrator}:
 * one migrator per target (for a deploy of schemas, per target that the batched check of {@link
 * #deploy()} did not find up to date), run on a fixed pool of {@link Builder#parallel(int)} threads,
 * each of which holds at most one connection at a time, so never more than that many connections are
 * open.
 *
 * <pre>{@code
 * FleetResult result = Fleet.builder()
 *     .url(DatabaseUrl.parse(url)).schemas(List.of("tenant_%"))      // or .targets(List.of(url1, url2))
 *     .parallel(4)
 *     .migrator(builder -> builder.migrations(MigrationSource.classpath("db/migration")))
 *     .onFinished(target -> log.info(...))
 *     .build()
 *     .deploy();
 * }</pre>
 *
 * <p>A target's failure is its own: the others go on (unless {@link Builder#failFast(boolean)}),
 * and a rerun continues where each target stands. Concurrent fleet deploys are as safe as single
 * deploys, since every target has its own migration lock (keyed by its schema).
 */
public final class Fleet {
  /**
   * {@link Builder#parallel(int)}'s default: derived from the server, a quarter of its free
   * connections (max_connections less the reserved ones and those in use), at least 1 and at most
   * {@link #MAX_AUTO_PARALLEL}. A quarter leaves the applications on the same server most of what is
   * free; more than 8 gains little, since each target's work is a short series of round trips.
   */
  public static final int AUTO_PARALLEL = 0;
  /** The most {@link #AUTO_PARALLEL} chooses. */
  public static final int MAX_AUTO_PARALLEL = 8;
  /** What {@link #AUTO_PARALLEL} falls back to when the server cannot be asked. */
  public static final int DEFAULT_PARALLEL = 4;
  /**
   * The most tenants a deploy checks in one statement ({@link UpToDateTenants}). Measured on 1,000
   * tenants: the server's time per tenant at 10 a statement was the floor's (one query per tenant),
   * and grew slowly from there (1.3× at 50); fewer, larger batches would also leave threads idle.
   */
  static final int BATCH = 16;

  private final DatabaseUrl url;
  private final List<String> schemas;
  private final List<DatabaseUrl> databases;
  private final TargetQuery schemasQuery;
  private final DatabaseUrl catalog;
  private final TargetQuery targetsQuery;
  private final int parallel;
  private final boolean failFast;
  private final UnaryOperator<Migrator.Builder> configure;
  private final Consumer<FleetResult.Target> listener;

  private Fleet(Builder builder) {
    this.url = builder.url;
    this.schemas = builder.schemas;
    this.databases = builder.databases;
    this.schemasQuery = builder.schemasQuery;
    this.catalog = builder.catalog;
    this.targetsQuery = builder.targetsQuery;
    this.parallel = builder.parallel;
    this.failFast = builder.failFast;
    this.configure = builder.configure;
    this.listener = builder.listener;
    int sources = (schemas.isEmpty() ? 0 : 1) + (schemasQuery == null ? 0 : 1) + (databases.isEmpty() ? 0 : 1)
        + (targetsQuery == null ? 0 : 1);
    if (sources != 1) {
      throw new ConfigurationException("a fleet needs one source of targets: schemas (names and patterns, or a query)"
          + " with the URL of their database, or databases (URLs, or a query on a catalog database)");
    }
    if (ofSchemas() && url == null) {
      throw new ConfigurationException("a fleet of schemas needs the URL of their database");
    }
  }

  /** Tenant schemas of one database, as opposed to databases. */
  private boolean ofSchemas() {
    return !schemas.isEmpty() || schemasQuery != null;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The targets, in order: the listed schemas and those matching a pattern (an entry with {@code %}
   * is a {@code LIKE} pattern over the database's schemas, system schemas left out), each once; the
   * schemas the schemas query returns, in its order, each once; the database URLs; or those the
   * targets query returns on the catalog database. Reads the database once for patterns and
   * queries, anew on every call, so a tenant added since is a target of the next run.
   *
   * @throws ConfigurationException when there is no target (nothing matched, the query returned no
   *     row) or a query cannot serve (rejected by the server, not one column, a NULL, not a URL)
   */
  public List<FleetTarget> targets() {
    return ofSchemas() ? targets(ConnectionFactory.of(url)) : databaseTargets();
  }

  private List<FleetTarget> databaseTargets() {
    if (targetsQuery == null) {
      return databases.stream().map(database -> new FleetTarget(database, null)).toList();
    }
    List<String> rows = targetsQuery.run(ConnectionFactory.of(catalog));
    List<FleetTarget> targets = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      try {
        targets.add(new FleetTarget(DatabaseUrl.parse(rows.get(i)), null));
      } catch (ConfigurationException e) {
        // the row may hold a password: named by its number, never shown
        throw new ConfigurationException("row " + (i + 1) + " of the targets query is not a database URL");
      }
    }
    return targets;
  }

  private List<FleetTarget> targets(ConnectionFactory connections) {
    if (schemasQuery != null) {
      try (Connection connection = connections.open()) {
        return schemasQuery.run(connection, connections).stream().map(schema -> new FleetTarget(url, schema)).toList();
      } catch (SQLException e) {
        throw new MigrationException("cannot run the schemas query: " + connections.describeFailure(e), e);
      }
    }
    Set<String> names = new LinkedHashSet<>();
    List<String> patterns = schemas.stream().filter(entry -> entry.contains("%")).toList();
    if (!patterns.isEmpty()) {
      names.addAll(matching(patterns, connections));
    }
    // listed names keep their place even when they do not exist: that target then fails, saying so
    for (String entry : schemas) {
      if (!entry.contains("%")) {
        names.add(entry);
      }
    }
    if (names.isEmpty()) {
      throw new ConfigurationException("no target: no schema matches " + String.join(", ", patterns) + " in " + url);
    }
    return names.stream().map(schema -> new FleetTarget(url, schema)).toList();
  }

  private List<String> matching(List<String> patterns, ConnectionFactory connections) {
    try (Connection connection = connections.open();
        PreparedStatement query = connection.prepareStatement("SELECT nspname FROM pg_namespace"
            + " WHERE nspname LIKE ANY (?) AND nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'"
            + " ORDER BY nspname")) {
      query.setArray(1, connection.createArrayOf("text", patterns.toArray()));
      List<String> found = new ArrayList<>();
      try (ResultSet result = query.executeQuery()) {
        while (result.next()) {
          found.add(result.getString(1));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new MigrationException("cannot list the schemas: " + connections.describeFailure(e), e);
    }
  }

  /**
   * Applies what is pending on every target. Tenant schemas are checked for nothing pending a batch at
   * a time, in one statement each (see {@link #BATCH}); only those with something to do, or something
   * wrong, get a migrator of their own.
   */
  public FleetResult deploy() {
    return run(Fleet::deployOne, true);
  }

  /** Reads every target's state: one connection and one query per target. */
  public FleetResult status() {
    return run((target, migrator) -> judge(target, migrator.status(), migrator));
  }

  /** What would stop a deploy on each target; pending migrations are fine. */
  public FleetResult validate() {
    return run((target, migrator) -> {
      Validation validation = migrator.validate();
      return judge(target, validation.status(), migrator);
    });
  }

  /**
   * Runs the seed scripts on every target (as {@link Migrator#seed()}): refused before any target
   * unless a non-production environment is declared; each target's database may still refuse. A
   * target without seed scripts counts as up to date.
   */
  public FleetResult seed() {
    EnvironmentGuard.requireDeclaredNonProduction(probe().environment(), "seed");
    return run((target, migrator) -> {
      List<String> seeded = migrator.seed();
      return new FleetResult.Target(target, seeded.isEmpty() ? FleetResult.Outcome.UP_TO_DATE
          : FleetResult.Outcome.APPLIED, seeded.size(), 0, Optional.empty(), Optional.empty(), List.of());
    });
  }

  /**
   * Runs one backfill on every target where it has not run yet (as {@link Migrator#backfill(String,
   * boolean)}); a target where it already ran counts as up to date, so a rerun after a failure
   * finishes the rest.
   */
  public FleetResult backfill(String name, boolean whilePending) {
    String bare = name != null && name.endsWith(".sql") ? name.substring(0, name.length() - 4) : name;
    // the same folder serves every target: a wrong name is bad usage, said once before any target
    ScriptFolder folder = probe().backfillFolder();
    if (bare == null || folder.read(bare).isEmpty()) {
      List<String> names = folder.names();
      throw new ConfigurationException("no backfill '" + bare + "' in " + folder.description()
          + (names.isEmpty() ? ", which holds none" : "; there are: " + String.join(", ", names)));
    }
    return run((target, migrator) -> {
      boolean ran = migrator.backfills().stream()
          .anyMatch(info -> info.name().equals(bare) && info.state() == BackfillInfo.State.DONE);
      if (ran) {
        return new FleetResult.Target(target, FleetResult.Outcome.UP_TO_DATE, 0, 0, Optional.empty(), Optional.empty(),
            List.of());
      }
      migrator.backfill(bare, whilePending);
      return new FleetResult.Target(target, FleetResult.Outcome.APPLIED, 1, 0, Optional.empty(), Optional.empty(), List.of());
    });
  }

  /** A migrator configured as every target's, for checks made once before any target (it connects to nothing). */
  private Migrator probe() {
    return configure.apply(Migrator.builder()).url(url != null ? url : catalog != null ? catalog : databases.get(0)).build();
  }

  /**
   * The number of targets run at once: as given, or for {@link #AUTO_PARALLEL} derived from the
   * server (one short connection to the schemas' database, or to the first database target; see
   * {@link #AUTO_PARALLEL}).
   */
  public int parallelism() {
    return parallelism(ofSchemas() ? url : databaseTargets().get(0).url());
  }

  private int parallelism(DatabaseUrl server) {
    if (parallel != AUTO_PARALLEL) {
      return parallel;
    }
    try (Connection connection = server.connect(); Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT current_setting('max_connections')::int,"
            + " current_setting('superuser_reserved_connections')::int"
            + " + coalesce(nullif(current_setting('reserved_connections', true), ''), '0')::int,"
            + " (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend')")) {
      row.next();
      return parallelFor(row.getInt(1), row.getInt(2), row.getInt(3));
    } catch (SQLException | MigrationException e) {
      return DEFAULT_PARALLEL; // the run itself reports a server it cannot reach
    }
  }

  /** A quarter of the connections free, 1 to {@link #MAX_AUTO_PARALLEL}. */
  static int parallelFor(int maxConnections, int reserved, int used) {
    return Math.max(1, Math.min(MAX_AUTO_PARALLEL, (maxConnections - reserved - used) / 4));
  }

  private interface Operation {
    FleetResult.Target run(FleetTarget target, Migrator migrator);
  }

  private static FleetResult.Target deployOne(FleetTarget target, Migrator migrator) {
    MigrateResult result = migrator.migrate();
    return new FleetResult.Target(target, result.applied().isEmpty() ? FleetResult.Outcome.UP_TO_DATE
        : FleetResult.Outcome.APPLIED, result.applied().size(), 0, result.currentVersion(), Optional.empty(), List.of());
  }

  private static FleetResult.Target judge(FleetTarget target, MigrationStatus status, Migrator migrator) {
    boolean outOfOrder = migrator.outOfOrderAllowed();
    List<MigrationInfo> problems = status.problems(outOfOrder);
    int pending = status.toApply(outOfOrder).size();
    FleetResult.Outcome outcome = !problems.isEmpty() ? FleetResult.Outcome.FAILED
        : pending > 0 ? FleetResult.Outcome.PENDING : FleetResult.Outcome.UP_TO_DATE;
    return new FleetResult.Target(target, outcome, 0, pending, status.currentVersion(),
        problems.stream().findFirst().map(MigrationInfo::label),
        problems.stream().map(MigrationInfo::explanation).toList());
  }

  private FleetResult run(Operation operation) {
    return run(operation, false);
  }

  /**
   * Runs the operation on every target. With {@code upToDateFirst} (a deploy), the targets of a fleet
   * of schemas go to the threads in batches of up to {@link #BATCH}, each batch checked first in one
   * statement ({@link UpToDateTenants}, the same question each target's migrator would ask first): a
   * target found up to date there is done, and every other one runs the operation as it would alone.
   * Otherwise (and for databases) each target is a task of its own.
   */
  private FleetResult run(Operation operation, boolean upToDateFirst) {
    if (ofSchemas()) {
      refusePinnedSchemas();
    }
    Migrator probe = probe();
    // Every target's migrator gets the same migrations, listed and read once for the run.
    MigrationSource migrations = new SharedSource(probe.migrations());
    // Tenant schemas share one database: each thread keeps its connection from target to target.
    ThreadConnections shared = ofSchemas() ? new ThreadConnections(url) : null;
    // databases are listed first (a query on the catalog), so that no more threads start than there are targets
    List<FleetTarget> listed = shared == null ? databaseTargets() : null;
    AtomicBoolean stop = new AtomicBoolean();
    int threads = Math.max(1, shared == null ? Math.min(parallelism(listed.get(0).url()), listed.size())
        : parallelism(url));
    ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "schemacode-fleet");
      thread.setDaemon(true);
      return thread;
    });
    try {
      // listed on one of the fleet's threads, whose connection then serves its targets: no extra connection
      List<FleetTarget> targets = shared == null ? listed : pool.submit(() -> targets(shared)).get();
      boolean checkFirst = upToDateFirst && shared != null;
      int batch = checkFirst ? Math.max(1, Math.min(BATCH, targets.size() / threads)) : 1;
      String historyTable = probe.historyTableName();
      List<Future<List<FleetResult.Target>>> futures = new ArrayList<>(targets.size() / batch + 1);
      for (int from = 0; from < targets.size(); from += batch) {
        List<FleetTarget> part = targets.subList(from, Math.min(targets.size(), from + batch));
        futures.add(pool.submit(() -> {
          UpToDate upToDate = checkFirst && !stop.get() ? upToDate(part, historyTable, migrations, shared) : UpToDate.NONE;
          List<FleetResult.Target> results = new ArrayList<>(part.size());
          for (FleetTarget target : part) {
            results.add(finish(target, stop, () -> checkFirst && upToDate.schemas().contains(target.schema())
                ? new FleetResult.Target(target, FleetResult.Outcome.UP_TO_DATE, 0, 0, upToDate.currentVersion(),
                    Optional.empty(), List.of())
                : one(target, operation, migrations, shared)));
          }
          return results;
        }));
      }
      List<FleetResult.Target> results = new ArrayList<>(targets.size());
      for (Future<List<FleetResult.Target>> future : futures) {
        results.addAll(future.get());
      }
      return new FleetResult(results);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MigrationException("interrupted while running the fleet", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : new MigrationException("fleet failed", e);
    } finally {
      pool.shutdownNow();
      if (shared != null) {
        shared.close();
      }
    }
  }

  /** One target started (or skipped once a failure stopped the fleet), its end told to the listener. */
  private FleetResult.Target finish(FleetTarget target, AtomicBoolean stop, Supplier<FleetResult.Target> work) {
    FleetResult.Target result = stop.get()
        ? new FleetResult.Target(target, FleetResult.Outcome.SKIPPED, 0, 0, Optional.empty(), Optional.empty(),
            List.of("not started: an earlier target failed and fail-fast is on"))
        : work.get();
    if (result.outcome() == FleetResult.Outcome.FAILED && failFast) {
      stop.set(true);
    }
    if (result.outcome() != FleetResult.Outcome.SKIPPED) {
      synchronized (listener) {
        listener.accept(result);
      }
    }
    return result;
  }

  /** The tenants of a batch found up to date in one statement, and the version they are at. */
  private record UpToDate(Set<String> schemas, Optional<String> currentVersion) {
    static final UpToDate NONE = new UpToDate(Set.of(), Optional.empty());
  }

  /** None when the check cannot be made (the migrations cannot be listed, say): each target's own run then reports why. */
  private static UpToDate upToDate(List<FleetTarget> batch, String historyTable, MigrationSource migrations,
      ThreadConnections shared) {
    try {
      StartupSummary summary = StartupSummary.of(migrations);
      return new UpToDate(new UpToDateTenants(historyTable, summary.digest())
          .among(shared, batch.stream().map(FleetTarget::schema).toList()), summary.currentVersion());
    } catch (RuntimeException e) {
      return UpToDate.NONE;
    }
  }

  /**
   * A table or type the entities pin to a schema is qualified in the generated SQL, so it is not per
   * tenant: the first tenant would create it and every other one fail on it. Refused before anything
   * runs (from the ledger; hand-written SQL that names a schema is the author's to keep out).
   */
  private void refusePinnedSchemas() {
    Set<String> pinned = probe().pinnedSchemas();
    if (!pinned.isEmpty()) {
      throw new ConfigurationException("the migrations put tables or types in schema " + String.join(", ", pinned)
          + " (@Table(schema = ...)), which every tenant would share: a fleet of schemas needs migrations with"
          + " unqualified names only. Deploy shared objects with a migration set of their own, once per database");
    }
  }

  /** One target, its failure caught and kept: it never stops the others. */
  private FleetResult.Target one(FleetTarget target, Operation operation, MigrationSource migrations,
      ThreadConnections shared) {
    Migrator migrator = null;
    try {
      Migrator.Builder builder = configure.apply(Migrator.builder()).migrations(migrations).url(target.url())
          .schema(target.schema()).visitedOnce();
      if (shared != null) {
        builder.connections(shared);
      }
      migrator = builder.build();
      return operation.run(target, migrator);
    } catch (RuntimeException e) {
      if (shared != null) {
        shared.discard(); // whatever state the failure left, the next target starts from a fresh session
      }
      String message = target.url().redact(Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName()));
      Optional<String> failed = e instanceof ScriptFailedException script ? Optional.of(script.script())
          : blame(migrator, e);
      return new FleetResult.Target(target, FleetResult.Outcome.FAILED, 0, 0, Optional.empty(), failed,
          List.of(message));
    }
  }

  /** For a validation failure: the first migration with a problem (one more query, on the failure path only). */
  private static Optional<String> blame(Migrator migrator, RuntimeException e) {
    if (migrator == null || e instanceof DatabaseUnreachableException || e instanceof ConfigurationException) {
      return Optional.empty();
    }
    try {
      return migrator.validate().problems().stream().findFirst().map(MigrationInfo::label);
    } catch (RuntimeException ignored) {
      return Optional.empty();
    }
  }

  public static final class Builder {
    private DatabaseUrl url;
    private List<String> schemas = List.of();
    private List<DatabaseUrl> databases = List.of();
    private TargetQuery schemasQuery;
    private DatabaseUrl catalog;
    private TargetQuery targetsQuery;
    private int parallel = AUTO_PARALLEL;
    private boolean failFast;
    private UnaryOperator<Migrator.Builder> configure = UnaryOperator.identity();
    private Consumer<FleetResult.Target> listener = target -> {};

    private Builder() {}

    /** The database whose schemas are the targets. */
    public Builder url(DatabaseUrl url) {
      this.url = url;
      return this;
    }

    /** Schema names and {@code LIKE} patterns (an entry with {@code %}), for a fleet of tenant schemas. */
    public Builder schemas(List<String> schemas) {
      List<String> cleaned = schemas.stream().map(String::strip).filter(entry -> !entry.isEmpty()).toList();
      if (cleaned.isEmpty()) {
        throw new ConfigurationException("no schema given: list names or a LIKE pattern such as 'tenant_%'");
      }
      this.schemas = cleaned;
      return this;
    }

    /**
     * Tenant schemas named by a query on the {@link #url(DatabaseUrl)} database: one column of schema
     * names, each used once in the query's order; run read-only, anew on every run (so a tenant added
     * since is picked up). {@code SELECT name FROM tenants WHERE active ORDER BY name}
     */
    public Builder schemasQuery(String sql) {
      this.schemasQuery = new TargetQuery(sql, "schemas", "schema names");
      return this;
    }

    /**
     * Databases as targets, named by a query on a catalog database: one column of URLs
     * ({@code jdbc:postgresql://…} or {@code postgresql://…}), each used once in the query's order;
     * run read-only, anew on every run. A row that is not a URL is named by its number, never shown.
     */
    public Builder targetsQuery(DatabaseUrl catalog, String sql) {
      this.catalog = Objects.requireNonNull(catalog, "catalog");
      this.targetsQuery = new TargetQuery(sql, "targets", "database URLs");
      return this;
    }

    /** Databases as targets, for a fleet of databases or shards. */
    public Builder targets(List<DatabaseUrl> databases) {
      if (databases.isEmpty()) {
        throw new ConfigurationException("no target database given");
      }
      this.databases = List.copyOf(databases);
      return this;
    }

    /**
     * At most this many targets at once, and so connections; by default ({@link #AUTO_PARALLEL})
     * derived from the server's free connections, 1 to {@value #MAX_AUTO_PARALLEL}.
     */
    public Builder parallel(int parallel) {
      if (parallel < 0) {
        throw new ConfigurationException("parallel must be at least 1 (or AUTO_PARALLEL)");
      }
      this.parallel = parallel;
      return this;
    }

    /** Start no further target once one failed (those already running finish). */
    public Builder failFast(boolean failFast) {
      this.failFast = failFast;
      return this;
    }

    /**
     * Everything but the connection for each target's {@link Migrator}: migrations, history table,
     * timeouts; the fleet sets the URL and the schema.
     */
    public Builder migrator(UnaryOperator<Migrator.Builder> configure) {
      this.configure = Objects.requireNonNull(configure, "configure");
      return this;
    }

    /** Told about each target as it finishes, one at a time (from the fleet's threads). */
    public Builder onFinished(Consumer<FleetResult.Target> listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    public Fleet build() {
      return new Fleet(this);
    }
  }
}

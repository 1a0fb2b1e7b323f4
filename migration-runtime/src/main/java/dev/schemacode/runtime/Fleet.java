package dev.schemacode.runtime;

import dev.schemacode.runtime.internal.ConnectionFactory;
import dev.schemacode.runtime.internal.EnvironmentGuard;
import dev.schemacode.runtime.internal.ThreadConnections;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import java.util.function.UnaryOperator;

/**
 * Deploys, checks or validates many targets at once: the tenant schemas of one database (each with
 * its own history table inside the schema) or many databases. A thin layer over {@link Migrator}:
 * one migrator per target, run on a fixed pool of {@link Builder#parallel(int)} threads, each of
 * which holds at most one connection at a time, so never more than that many connections are open.
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
  /** Threads, and so connections, when nobody says: enough to overlap round trips, gentle on a server. */
  public static final int DEFAULT_PARALLEL = 4;

  private final DatabaseUrl url;
  private final List<String> schemas;
  private final List<DatabaseUrl> databases;
  private final int parallel;
  private final boolean failFast;
  private final UnaryOperator<Migrator.Builder> configure;
  private final Consumer<FleetResult.Target> listener;

  private Fleet(Builder builder) {
    this.url = builder.url;
    this.schemas = builder.schemas;
    this.databases = builder.databases;
    this.parallel = builder.parallel;
    this.failFast = builder.failFast;
    this.configure = builder.configure;
    this.listener = builder.listener;
    if (schemas.isEmpty() == databases.isEmpty()) {
      throw new ConfigurationException("a fleet needs either schemas (with the URL of their database) or database"
          + " URLs as targets, not both");
    }
    if (!schemas.isEmpty() && url == null) {
      throw new ConfigurationException("a fleet of schemas needs the URL of their database");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The targets, in order: the listed schemas and those matching a pattern (an entry with {@code %}
   * is a {@code LIKE} pattern over the database's schemas, system schemas left out), each once; or
   * the database URLs. Reads the database once for schema patterns.
   */
  public List<FleetTarget> targets() {
    return targets(ConnectionFactory.of(url));
  }

  private List<FleetTarget> targets(ConnectionFactory connections) {
    if (schemas.isEmpty()) {
      return databases.stream().map(database -> new FleetTarget(database, null)).toList();
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

  /** Applies what is pending on every target. */
  public FleetResult deploy() {
    return run(Fleet::deployOne);
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

  /** A migrator configured as every target's, on the first database: for checks made once. */
  private Migrator probe() {
    return configure.apply(Migrator.builder()).url(url != null ? url : databases.get(0)).build();
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
    if (!schemas.isEmpty()) {
      refusePinnedSchemas();
    }
    // Tenant schemas share one database: each thread keeps its connection from target to target.
    ThreadConnections shared = schemas.isEmpty() ? null : new ThreadConnections(url);
    AtomicBoolean stop = new AtomicBoolean();
    int threads = Math.max(1, schemas.isEmpty() ? Math.min(parallel, databases.size()) : parallel);
    ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "schemacode-fleet");
      thread.setDaemon(true);
      return thread;
    });
    try {
      // listed on one of the fleet's threads, whose connection then serves its targets: no extra connection
      List<FleetTarget> targets = shared == null ? targets() : pool.submit(() -> targets(shared)).get();
      List<Future<FleetResult.Target>> futures = new ArrayList<>(targets.size());
      for (FleetTarget target : targets) {
        futures.add(pool.submit(() -> {
          FleetResult.Target result = stop.get()
              ? new FleetResult.Target(target, FleetResult.Outcome.SKIPPED, 0, 0, Optional.empty(), Optional.empty(),
                  List.of("not started: an earlier target failed and fail-fast is on"))
              : one(target, operation, shared);
          if (result.outcome() == FleetResult.Outcome.FAILED && failFast) {
            stop.set(true);
          }
          if (result.outcome() != FleetResult.Outcome.SKIPPED) {
            synchronized (listener) {
              listener.accept(result);
            }
          }
          return result;
        }));
      }
      List<FleetResult.Target> results = new ArrayList<>(targets.size());
      for (Future<FleetResult.Target> future : futures) {
        results.add(future.get());
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
  private FleetResult.Target one(FleetTarget target, Operation operation, ThreadConnections shared) {
    Migrator migrator = null;
    try {
      Migrator.Builder builder = configure.apply(Migrator.builder()).url(target.url()).schema(target.schema());
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
    private int parallel = DEFAULT_PARALLEL;
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

    /** Databases as targets, for a fleet of databases or shards. */
    public Builder targets(List<DatabaseUrl> databases) {
      if (databases.isEmpty()) {
        throw new ConfigurationException("no target database given");
      }
      this.databases = List.copyOf(databases);
      return this;
    }

    /** At most this many targets at once, and so connections (default {@value #DEFAULT_PARALLEL}). */
    public Builder parallel(int parallel) {
      if (parallel < 1) {
        throw new ConfigurationException("parallel must be at least 1");
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

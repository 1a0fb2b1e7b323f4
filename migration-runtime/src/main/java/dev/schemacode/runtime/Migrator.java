package dev.schemacode.runtime;

import dev.schemacode.model.MigrationIndex;
import dev.schemacode.model.ScriptDirectives;
import dev.schemacode.runtime.internal.Backfill;
import dev.schemacode.runtime.internal.BackfillTable;
import dev.schemacode.runtime.internal.Baseline;
import dev.schemacode.runtime.internal.CheckpointStart;
import dev.schemacode.runtime.internal.ConnectionFactory;
import dev.schemacode.runtime.internal.Context;
import dev.schemacode.runtime.internal.Deploy;
import dev.schemacode.runtime.internal.DryRun;
import dev.schemacode.runtime.internal.EnvironmentGuard;
import dev.schemacode.runtime.internal.HandWrittenObjects;
import dev.schemacode.runtime.internal.HistoryTable;
import dev.schemacode.runtime.internal.LazyFolder;
import dev.schemacode.runtime.internal.Reset;
import dev.schemacode.runtime.internal.Resolve;
import dev.schemacode.runtime.internal.Revert;
import dev.schemacode.runtime.internal.Seed;
import dev.schemacode.runtime.internal.Session;
import dev.schemacode.runtime.internal.StartupSummary;
import dev.schemacode.runtime.internal.SummaryAhead;
import dev.schemacode.runtime.internal.Timeouts;
import dev.schemacode.runtime.internal.Versions;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Applies and inspects migrations on a PostgreSQL database; the {@code schemacode} CLI is a thin
 * shell around it. Safe to call from every replica at once, directly or through a pooler such as
 * PgBouncer in transaction mode: an advisory lock taken inside each migration's transaction lets one
 * of them apply each migration exactly once, and the others then find nothing to do.
 *
 * <pre>{@code
 * Migrator.builder()
 *     .dataSource(dataSource)                                  // or .url(DatabaseUrl.parse(...))
 *     .directUrl(DatabaseUrl.parse(directUrl))                 // optional: behind a transaction pooler
 *     .migrations(MigrationSource.classpath("db/migration"))   // the default
 *     .build()
 *     .migrate();
 * }</pre>
 *
 * Each operation is a small class of its own ({@link Deploy}, {@link Resolve}, {@link Baseline},
 * {@link Reset}, {@link Seed}, {@link Backfill}); this class resolves the migrations, opens the
 * session, takes the lock where the operation changes anything, and hands over.
 */
public final class Migrator {
  private static final System.Logger LOG = System.getLogger("dev.schemacode.runtime");
  public static final String DEFAULT_HISTORY_TABLE = "schemacode_history";
  /** Where migrations are read from unless the builder is given a source. */
  private static final String DEFAULT_LOCATION = "db/migration";

  /**
   * The tables the runtime keeps beside a history table (the history, its summary row, the
   * backfills): never part of a declared schema, so anything comparing a live database with one
   * leaves them out, as {@link #drift()} does.
   */
  public static java.util.Set<String> runtimeTables(String historyTable) {
    return java.util.Set.of(historyTable, historyTable + HistoryTable.SUMMARY_SUFFIX, historyTable + BackfillTable.SUFFIX,
        historyTable + dev.schemacode.runtime.internal.PushMarker.SUFFIX);
  }
  /** How long a migrator waits for another one's lock by default. */
  public static final Duration DEFAULT_LOCK_WAIT = Duration.ofMinutes(10);
  /** The backfill table is {@code <history table>_backfills}, which must fit PostgreSQL's 63 bytes too. */
  static final int MAX_HISTORY_TABLE_LENGTH = 63 - BackfillTable.SUFFIX.length();

  private final Context context;
  /** A fleet's target: its connection meets this history once, so the check gains nothing from a kept plan. */
  private final boolean visitedOnce;

  private Migrator(Builder builder) {
    this.visitedOnce = builder.visitedOnce;
    Objects.requireNonNull(builder.connections, "a data source or a URL is required");
    // the default source is made here, not in every builder: most callers give their own
    MigrationSource source = builder.source != null ? builder.source : MigrationSource.classpath(DEFAULT_LOCATION);
    this.context = new Context(builder.connections, builder.direct, source, builder.schema, builder.historyTable,
        new Timeouts(builder.lockTimeout, builder.statementTimeout), builder.lockWait, builder.outOfOrder,
        builder.environment,
        builder.seeds != null ? builder.seeds : new LazyFolder(() -> source.folder(MigrationSource.SEEDS)),
        builder.backfills != null ? builder.backfills : new LazyFolder(() -> source.folder(MigrationSource.BACKFILLS)));
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Applies every pending migration in version order, each in its own transaction unless it says
   * {@code -- schemacode:no-transaction}.
   *
   * <p>With nothing pending this is the start-up fast path every application start pays: one
   * connection and one query (the history), no lock, no DDL. Otherwise, for each pending migration,
   * it takes the lock, judges the history again, validates, and applies (on the direct URL when one
   * was given).
   *
   * @throws MigrationException when validation finds a problem or a migration fails; a failed
   *     migration in a transaction is rolled back and not recorded, and nothing after it runs
   * @throws ConfigurationException when the migrations cannot be resolved
   */
  public MigrateResult migrate() {
    // What a history with every migration applied looks like; kept between calls where the source cannot
    // have changed, so with nothing pending nothing is listed and no script is read. When not kept, it is
    // made while the connection opens.
    SummaryAhead ahead = SummaryAhead.start(context.source);
    boolean[] summaryMissing = {false};
    MigrateResult result;
    try {
      result = context.withSession(session -> check(session, ahead.get(), summaryMissing));
    } catch (RuntimeException e) {
      throw ahead.failureBefore(e);
    }
    if (summaryMissing[0]) {
      // A history an earlier build wrote: add its summary once (under the lock), so later starts read one row.
      context.withChangeSession(session -> context.inTransaction(session, false, locked -> {
        context.history.createIfMissing(locked.connection());
        return null;
      }));
    }
    // With a direct URL the pooled connection goes back first, and the changes go the direct way.
    return result != null ? result
        : context.withChangeSession(session -> new Deploy(context).apply(session, ahead.get().listing()));
  }

  /**
   * The start-up check on the session: nothing pending when the history's summary matches (one boolean
   * read), else compared row by row and, when something is to do, applied (null when it is to be
   * applied on the direct URL instead).
   */
  private MigrateResult check(Session session, StartupSummary summary, boolean[] summaryMissing) throws SQLException {
    HistoryTable.StartupRead read = visitedOnce
        ? context.history.readUnlessSummarisedOnce(session.connection(), summary.digest())
        : context.history.readUnlessSummarised(session.connection(), summary.digest(), session.statementsStayUnnamed());
    if (read != null && read.matched()) { // every file applied as it is, nothing else recorded: one boolean read
      if (LOG.isLoggable(System.Logger.Level.INFO)) { // the message is made only when someone reads it
        LOG.log(System.Logger.Level.INFO, "schema is up to date at {0}; no pending migrations",
            summary.currentVersion().map(v -> "V" + v).orElse("(empty)"));
      }
      return new MigrateResult(List.of(), summary.currentVersion());
    }
    // The digest differs (or there is none yet): compare every row, as the history says (read on the miss).
    List<ResolvedMigration> resolved = summary.listing();
    MigrationStatus status = read != null ? MigrationStatus.merge(resolved, read.rows())
        : context.status(session, resolved);
    if (status.toApply(context.outOfOrder).isEmpty() && status.problems(context.outOfOrder).isEmpty()) {
      LOG.log(System.Logger.Level.INFO, "schema is up to date at {0}; no pending migrations",
          status.currentVersion().map(v -> "V" + v).orElse("(empty)"));
      summaryMissing[0] = read == null && !status.migrations().isEmpty();
      return new MigrateResult(List.of(), status.currentVersion());
    }
    // Something to do: every script must be there and be what the build recorded before anything runs.
    CheckpointStart.loadAllButArchived(context.source, resolved);
    // Problems seen without the lock may be another migrator's work in progress: judge them under it.
    return context.direct == null ? new Deploy(context).apply(session, resolved) : null;
  }

  /**
   * Applies the pending migrations up to and including {@code version}, and stops there: a path
   * through a migration that cannot apply yet, such as the validation of a {@code NOT NULL} while rows
   * still hold NULLs (apply up to the migration before it, run the backfill with {@code
   * backfill(name, true)}, then {@link #migrate()}).
   *
   * @throws ConfigurationException when no migration has that version, or the database is past it
   */
  public MigrateResult migrateTo(String version) {
    List<ResolvedMigration> all = context.source.resolve();
    List<ResolvedMigration> upTo = upTo(all, version);
    MigrateResult result = context.withSession(session -> {
      requireNotPast(context.status(session, all), version);
      MigrationStatus status = context.status(session, upTo);
      if (status.toApply(context.outOfOrder).isEmpty() && status.problems(context.outOfOrder).isEmpty()) {
        return new MigrateResult(List.of(), status.currentVersion());
      }
      return context.direct == null ? new Deploy(context).apply(session, upTo) : null;
    });
    return result != null ? result : context.withChangeSession(session -> new Deploy(context).apply(session, upTo));
  }

  /** What {@link #migrateTo(String)} would apply now and the SQL it would run; changes nothing, takes no lock. */
  public DeployPlan planTo(String version) {
    List<ResolvedMigration> all = context.source.resolve();
    List<ResolvedMigration> upTo = upTo(all, version);
    return context.withSession(session -> {
      requireNotPast(context.status(session, all), version);
      return new DryRun(context).plan(session, context.status(session, upTo), upTo);
    });
  }

  private List<ResolvedMigration> upTo(List<ResolvedMigration> all, String version) {
    long target = Versions.number(version);
    if (all.stream().noneMatch(migration -> migration.file().number() == target)) {
      throw new ConfigurationException("no migration has version " + version + " in " + context.source.description());
    }
    return all.stream().filter(migration -> migration.file().number() <= target).toList();
  }

  private static void requireNotPast(MigrationStatus status, String version) {
    long target = Versions.number(version);
    status.currentVersion().filter(current -> Long.parseLong(current) > target).ifPresent(current -> {
      throw new ConfigurationException("the database is at V" + current + ", past " + version
          + "; deploying up to a version never goes back");
    });
  }

  /** What {@link #migrate()} would apply now and the SQL it would run; changes nothing, takes no lock. */
  public DeployPlan plan() {
    List<ResolvedMigration> resolved = context.source.resolve();
    return context.withSession(session -> new DryRun(context).plan(session, context.status(session, resolved), resolved));
  }

  /**
   * The state of every migration, and the mark a push left ({@link MigrationStatus#pushed()}): one round
   * trip (a second one on a database a push marked).
   */
  public MigrationStatus status() {
    List<ResolvedMigration> resolved = context.source.resolve();
    return context.withSession(session -> context.statusWithPush(session, resolved));
  }

  /** What would stop a deploy (modified, missing, failed, out-of-order unless allowed), and what is pending. */
  public Validation validate() {
    MigrationStatus status = status();
    return new Validation(status, status.problems(context.outOfOrder), status.toApply(context.outOfOrder));
  }

  /**
   * Compares the live database with the schema recorded in the ledger beside the migrations: one
   * pass of six catalog queries, whatever the number of tables.
   *
   * @throws ConfigurationException when the migrations location has no ledger
   */
  public Drift drift() {
    dev.schemacode.model.Ledger ledger = context.source.ledger().orElseThrow(() -> new ConfigurationException(
        "diff needs " + dev.schemacode.model.Ledger.FILE_NAME + " beside the migrations, and "
            + context.source.description() + " has none"));
    dev.schemacode.model.Schema recorded = ledger.schema();
    List<ResolvedMigration> resolved = context.source.resolve();
    HandWrittenObjects handWritten = HandWrittenObjects.in(resolved.stream()
        .filter(migration -> ledger.entry(migration.file().fileName())
            .filter(entry -> entry.origin() == dev.schemacode.model.LedgerEntry.Origin.HAND_WRITTEN).isPresent())
        .map(ResolvedMigration::script).toList());
    return context.withSession(session -> {
      List<MigrationInfo> pending = context.status(session, resolved).toApply(true);
      java.util.Set<String> excluded = runtimeTables(context.history.name());
      var introspector = new dev.schemacode.model.introspect.PostgresIntrospector(session.connection(), excluded);
      dev.schemacode.model.Schema live = handWritten.removeFrom(introspector.read(recorded.schemaNames()), recorded);
      // the server spells out what text normalization cannot match (IN lists, typed constants)
      return Drift.of(dev.schemacode.model.introspect.LiveSchemas.drift(live, recorded, introspector.deparser()), pending);
    });
  }

  /** Never throws: a health endpoint reports what it finds. One query, like {@link #status()}. */
  public Health health() {
    try {
      MigrationStatus status = status();
      return new Health(true, status.toApply(context.outOfOrder).size(), status.problems(context.outOfOrder).size(),
          status.currentVersion(), Optional.empty());
    } catch (DatabaseUnreachableException e) {
      return new Health(false, 0, 0, Optional.empty(), Optional.ofNullable(e.getMessage()));
    } catch (RuntimeException e) {
      return new Health(true, 0, 0, Optional.empty(), Optional.ofNullable(e.getMessage()));
    }
  }

  /**
   * Records a migration as applied without running it: a failed one completed by hand, a pending
   * one applied by hand, or a modified one whose current file is accepted.
   */
  public MigrationInfo resolveApplied(String version) {
    List<ResolvedMigration> resolved = context.source.resolve();
    return context.withChangeSession(session -> context.inTransaction(session, true,
        locked -> new Resolve(context).applied(locked, resolved, version)));
  }

  /**
   * Forgets a failed migration (deploy runs it again) or an applied one whose file is gone; returns
   * its state now, empty when neither a file nor the history knows it any more.
   */
  public Optional<MigrationInfo> resolveRolledBack(String version) {
    List<ResolvedMigration> resolved = context.source.resolve();
    return context.withChangeSession(session -> context.inTransaction(session, true,
        locked -> new Resolve(context).rolledBack(locked, resolved, version)));
  }

  /** Adopts an existing database: records the migrations up to {@code version} as applied without running them. */
  public List<ResolvedMigration> baseline(String version) {
    List<ResolvedMigration> resolved = context.source.resolve();
    return context.withChangeSession(session -> context.inTransaction(session, true,
        locked -> new Baseline(context).run(locked, resolved, version)));
  }

  /**
   * Drops the current schema and everything in it, creates it again, and applies every migration.
   * Refuses unless a non-production environment is declared and the database does not say otherwise.
   */
  public MigrateResult reset() {
    EnvironmentGuard.requireDeclaredNonProduction(context.environment, "reset");
    List<ResolvedMigration> resolved = context.source.resolve();
    return context.withChangeSession(session -> context.inSession(session, "reset",
        locked -> new Reset(context).run(locked, resolved)));
  }

  /**
   * Undoes the newest applied change with its reverse (docs/history.md). Development and test only:
   * refuses unless a non-production environment is declared and the database does not say otherwise;
   * refuses a reverse that cannot bring back dropped data unless {@code acceptDataLoss}.
   */
  public RevertResult revert(boolean acceptDataLoss) {
    return revert(java.util.OptionalLong.empty(), acceptDataLoss);
  }

  /**
   * Undoes every applied change after {@code version} ({@code 0}: all of them), newest first, as
   * {@link #revert(boolean)} does one; {@code version} stays applied.
   */
  public RevertResult revertTo(String version, boolean acceptDataLoss) {
    return revert(java.util.OptionalLong.of(Versions.number(version)), acceptDataLoss);
  }

  private RevertResult revert(java.util.OptionalLong to, boolean acceptDataLoss) {
    EnvironmentGuard.requireDeclaredNonProduction(context.environment, "revert");
    List<ResolvedMigration> resolved = context.source.resolve();
    return context.withChangeSession(session -> context.inSession(session, "revert",
        locked -> new Revert(context).run(locked, resolved, to, acceptDataLoss)));
  }

  /**
   * Makes a development database the schema the entities declare, without a migration: compares it
   * with the declared schema the build left beside the migrations ({@code schemacode-declared.json},
   * so the source must be the build's output: the class path, or {@code target/classes/db/migration})
   * and applies the difference in the generator's safe forms. A database nobody pushed gets its
   * pending migrations first; pending migrations the database then already matches are recorded as
   * applied. Refuses unless a non-production environment is declared and the database does not say
   * otherwise; a change that loses data is refused, naming it, unless {@code acceptDataLoss}.
   *
   * @throws MigrationException when a change would lose data and that was not accepted, or a change fails
   * @throws ConfigurationException when refused for the environment, or the build left no declared schema
   */
  public PushResult push(boolean acceptDataLoss) {
    EnvironmentGuard.requireDeclaredNonProduction(context.environment, "push");
    dev.schemacode.model.DeclaredSchema declared = declared();
    List<ResolvedMigration> resolved = context.source.resolve();
    return context.withChangeSession(session -> context.inSession(session, "push",
        locked -> new dev.schemacode.runtime.internal.Push(context).run(locked, resolved, declared, acceptDataLoss)));
  }

  /**
   * What {@link #push(boolean)} would do now and the SQL it would run; changes nothing, takes no lock.
   * Refused where push is (the environment guard, a migration with a problem, a change the generator
   * cannot express); changes that lose data are not refused but listed ({@link PushPlan#losing()}), as
   * push would refuse them without {@code acceptDataLoss}.
   */
  public PushPlan planPush() {
    EnvironmentGuard.requireDeclaredNonProduction(context.environment, "push");
    dev.schemacode.model.DeclaredSchema declared = declared();
    List<ResolvedMigration> resolved = context.source.resolve();
    return context.withSession(session -> new dev.schemacode.runtime.internal.PushDryRun(context)
        .plan(session, resolved, declared));
  }

  private dev.schemacode.model.DeclaredSchema declared() {
    return context.source.declared().orElseThrow(() -> new ConfigurationException(
        "push needs " + dev.schemacode.model.DeclaredSchema.FILE_NAME + ", which every build writes into its output beside"
            + " the ledger, and " + context.source.description() + " has none; build the project and give the build's"
            + " output as the migrations (target/classes/db/migration, or classpath:db/migration)"));
  }

  /**
   * Runs the seed scripts, in name order; returns their names. Refuses unless a non-production
   * environment is declared and the database does not say otherwise, and while migrations are pending.
   */
  public List<String> seed() {
    EnvironmentGuard.requireDeclaredNonProduction(context.environment, "seed");
    List<ResolvedMigration> resolved = context.source.resolve();
    Seed seed = new Seed(context);
    Map<String, String> scripts = seed.scripts();
    if (scripts.isEmpty()) {
      LOG.log(System.Logger.Level.INFO, "no seed scripts in {0}", context.seeds.description());
      return List.of();
    }
    return context.withChangeSession(session -> context.inSession(session, "seed",
        locked -> seed.run(locked, resolved, scripts)));
  }

  /** Schemas the ledger's tables and types are pinned to ({@code @Table(schema = …)}); empty without a ledger. */
  java.util.Set<String> pinnedSchemas() {
    return context.source.ledger().map(ledger -> ledger.schema().schemaNames()).orElse(java.util.Set.of());
  }

  /** The environment seeds and reset check; a fleet checks it once before any target. */
  Environment environment() {
    return context.environment;
  }

  /** The history table's name (in each tenant schema, for a fleet of schemas). */
  String historyTableName() {
    return context.history.name();
  }

  /** The configured migrations: a fleet lists them once for all its targets. */
  MigrationSource migrations() {
    return context.source;
  }

  /** Whether out-of-order migrations are applied instead of being problems. */
  public boolean outOfOrderAllowed() {
    return context.outOfOrder;
  }

  /** Where the seeds are read from. */
  public ScriptFolder seeds() {
    return context.seeds;
  }

  /** Runs one backfill by name, once per database ever; refuses when it ran before or migrations are pending. */
  public BackfillInfo backfill(String name) {
    return backfill(name, false);
  }

  /**
   * Runs one backfill by name, once per database ever; refuses when it ran before, when a migration
   * has a problem, and, unless {@code whilePending}, when migrations are pending. Pending migrations
   * are allowed on purpose only: after {@link #migrateTo(String)}, to fill the rows a later migration
   * validates.
   */
  public BackfillInfo backfill(String name, boolean whilePending) {
    String bare = name != null && name.endsWith(".sql") ? name.substring(0, name.length() - 4) : name;
    List<ResolvedMigration> resolved = context.source.resolve();
    Backfill backfill = new Backfill(context);
    String sql = backfill.script(bare);
    if (ScriptDirectives.noTransaction(sql)) {
      return context.withChangeSession(session -> context.inSession(session, "backfill " + bare
          + " runs outside a transaction (-- schemacode:no-transaction) and", locked -> backfill.run(locked, resolved, bare, sql, whilePending)));
    }
    return context.withChangeSession(session -> context.inTransaction(session, true,
        locked -> backfill.run(locked, resolved, bare, sql, whilePending)));
  }

  /** Every backfill and whether it ran: one query, no lock. */
  public List<BackfillInfo> backfills() {
    return context.withSession(session -> new Backfill(context).list(session));
  }

  /** Where the backfills are read from. */
  public ScriptFolder backfillFolder() {
    return context.backfills;
  }

  public static final class Builder {
    private ConnectionFactory connections;
    private ConnectionFactory direct;
    private boolean visitedOnce;
    private Duration lockWait = DEFAULT_LOCK_WAIT;
    /** Null: {@code classpath:db/migration}. */
    private MigrationSource source;
    private String historyTable = DEFAULT_HISTORY_TABLE;
    private String schema;
    private Duration lockTimeout = Timeouts.DEFAULT_LOCK;
    private Duration statementTimeout = Timeouts.DEFAULT_STATEMENT;
    private boolean outOfOrder;
    private Environment environment = Environment.fromSystem();
    private ScriptFolder seeds;
    private ScriptFolder backfills;

    private Builder() {}

    public Builder dataSource(DataSource dataSource) {
      this.connections = ConnectionFactory.of(dataSource);
      return this;
    }

    public Builder url(DatabaseUrl url) {
      this.connections = ConnectionFactory.of(url);
      return this;
    }

    /** A fleet's connections (one kept per thread). */
    /** For {@link Fleet}: each target is checked once per connection (see {@code HistoryTable.readUnlessSummarisedOnce}). */
    Builder visitedOnce() {
      this.visitedOnce = true;
      return this;
    }

    Builder connections(ConnectionFactory connections) {
      this.connections = Objects.requireNonNull(connections, "connections");
      return this;
    }

    /**
     * A URL that gives a database session of its own, for when {@link #url} or {@link #dataSource}
     * goes through a pooler in transaction mode (PgBouncer, Supavisor, RDS Proxy …): the server's
     * own address, or a pool in session mode. Everything that changes the database then runs on it
     * (the start-up check with nothing pending still costs one round trip on the pooled connection).
     * Needed only for what a transaction pooler cannot carry: migrations, backfills and seeds that
     * run outside a transaction, and {@code reset}; without it those are refused through a pooler.
     */
    public Builder directUrl(DatabaseUrl url) {
      this.direct = ConnectionFactory.of(Objects.requireNonNull(url, "url"));
      return this;
    }

    /**
     * How long to wait for another migrator's lock before giving up with a {@link MigrationException}
     * (default 10 minutes); zero waits forever. Waiting migrators say once what they wait for.
     */
    public Builder lockWaitTimeout(Duration timeout) {
      if (timeout == null || timeout.isNegative()) {
        throw new ConfigurationException("lock wait timeout must be zero or positive");
      }
      this.lockWait = timeout;
      return this;
    }

    public Builder migrations(MigrationSource source) {
      this.source = Objects.requireNonNull(source, "source");
      return this;
    }

    /** Migrations from the index the processor generates: no listing, no ledger parse, checksums checked. */
    public Builder migrations(MigrationIndex index) {
      return migrations(MigrationSource.index(index));
    }

    /**
     * Migrates one tenant schema of the database (what a {@link Fleet} of schemas does per target):
     * the history table lives in it and is always named with it, the migration lock is keyed by it,
     * and every transaction that applies a migration begins with {@code SET LOCAL search_path TO
     * schema}, so the same unqualified migrations serve every tenant, through a transaction pooler
     * too. Work that needs a session anyway (no-transaction migrations, seeds) sets the session's
     * {@code search_path} for its duration and restores it. Tables an entity pins to an explicit
     * schema are qualified in the SQL and so are not per tenant (see docs/fleets.md). Default: none,
     * the connection's own {@code search_path}.
     */
    public Builder schema(String schema) {
      if (schema != null && (schema.isBlank() || schema.length() > 63)) {
        throw new ConfigurationException("schema name must be 1 to 63 characters");
      }
      this.schema = schema;
      return this;
    }

    public Builder historyTable(String name) {
      if (name == null || name.isBlank() || name.length() > MAX_HISTORY_TABLE_LENGTH) {
        throw new ConfigurationException("history table name must be 1 to " + MAX_HISTORY_TABLE_LENGTH
            + " characters (the backfill table adds " + BackfillTable.SUFFIX + ")");
      }
      this.historyTable = name;
      return this;
    }

    /**
     * How long a statement waits for a table lock before it fails (default 10 s); zero waits
     * forever. Applies to migrations, seeds and backfills.
     */
    public Builder lockTimeout(Duration timeout) {
      this.lockTimeout = Timeouts.check(timeout, "lock timeout");
      return this;
    }

    /** How long one statement may run (default: no limit, as index builds take their time). */
    public Builder statementTimeout(Duration timeout) {
      this.statementTimeout = Timeouts.check(timeout, "statement timeout");
      return this;
    }

    /** Apply pending migrations older than the newest applied one instead of refusing (default false). */
    public Builder outOfOrder(boolean allowed) {
      this.outOfOrder = allowed;
      return this;
    }

    /** The environment seeds and reset check (default: {@code SCHEMACODE_ENV}). */
    public Builder environment(Environment environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    /** Where seeds are (default: {@code seeds/} beside the migrations). */
    public Builder seeds(ScriptFolder folder) {
      this.seeds = Objects.requireNonNull(folder, "folder");
      return this;
    }

    /** Where backfills are (default: {@code backfills/} beside the migrations). */
    public Builder backfills(ScriptFolder folder) {
      this.backfills = Objects.requireNonNull(folder, "folder");
      return this;
    }

    public Migrator build() {
      return new Migrator(this);
    }
  }
}

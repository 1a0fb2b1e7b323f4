package dev.schemacode.runtime.internal;

import dev.schemacode.runtime.AppliedMigration;
import dev.schemacode.runtime.ResolvedMigration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The history table: which migrations ran, when, how long, whether they succeeded, and how they got there. */
public final class HistoryTable {
  private static final System.Logger LOG = System.getLogger("dev.schemacode.runtime");
  static final String UNDEFINED_TABLE = "42P01";
  static final String UNDEFINED_FUNCTION = "42883";
  /** {@code <history table>_summary}: one row, the {@link HistoryDigest} of the history, kept by a trigger. */
  public static final String SUMMARY_SUFFIX = "_summary";
  /**
   * {@code <history table>_matches(bit)}: the start-up check's function (see {@link #readUnlessSummarised}).
   * Its name fits PostgreSQL's 63 bytes whenever the history's does (which leaves room for {@code _backfills}).
   */
  static final String CHECK_SUFFIX = "_matches";
  static final String ROW_TRIGGER = "schemacode_summary";
  static final String TRUNCATE_TRIGGER = "schemacode_summary_truncate";

  /**
   * The tables a migrator of this JVM met last, by schema and name: a migrator is made anew for each
   * start-up check, and quoting and joining these names, interpreted as the code of a call made a few
   * times per JVM is, cost as much as the rest of the check's client work (issue 14). A few dozen,
   * least recently used dropped (a fleet meets a history per tenant).
   */
  private static final Map<String, HistoryTable> MET = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, HistoryTable> eldest) {
      return size() > 32;
    }
  };

  private final String name;
  private final String quoted;
  private final String summary;
  private final String check;
  /** The check's SQL for the digest last asked (a start-up check asks the same one every time). */
  private volatile CheckSql lastCheck;

  private record CheckSql(String digest, String sql) {}

  public HistoryTable(String name) {
    this(null, name);
  }

  /** The history table {@code name} in {@code schema} (null: the connection's), one object per JVM while in use. */
  static HistoryTable of(String schema, String name) {
    String key = schema == null ? name : schema + '\0' + name;
    synchronized (MET) {
      return MET.computeIfAbsent(key, k -> new HistoryTable(schema, name));
    }
  }

  /**
   * A history table in {@code schema} (a fleet's tenant), qualified in every statement so that reads
   * outside a transaction, which have no per-target {@code search_path}, find it too; null: the
   * connection's current schema, unqualified.
   */
  HistoryTable(String schema, String name) {
    this.name = name;
    String prefix = schema == null ? "" : Sql.identifier(schema) + ".";
    this.quoted = prefix + Sql.identifier(name);
    this.summary = prefix + Sql.identifier(name + SUMMARY_SUFFIX);
    this.check = prefix + Sql.identifier(name + CHECK_SUFFIX);
  }

  /** The summary table's name (unquoted), which {@code diff} leaves out like the history itself. */
  String summaryName() {
    return name + SUMMARY_SUFFIX;
  }

  public String name() {
    return name;
  }

  String quoted() {
    return quoted;
  }

  /** The summary table, quoted and qualified as the history is. */
  String summaryQuoted() {
    return summary;
  }

  /**
   * Creates the table, and adds {@code kind} to a table made by an earlier build that lacked it; then,
   * when the history has no summary yet (new, made by an earlier build, or its trigger, table or row
   * dropped by hand), the summary table with the digest of the rows already there, and the triggers
   * that keep it. One round
   * trip; the {@code ALTER} and the triggers (and their exclusive locks) happen only when missing.
   *
   * <p>The triggers, not the Java code, keep the summary so that every writer does: this runtime, an
   * earlier version of it, a person repairing the history by hand. A row inserted, updated or deleted
   * changes the digest in the same transaction, so the start-up check sees the change and compares
   * every row. Runs under the migration lock.
   */
  public void createIfMissing(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(createSql());
    }
  }

  String createSql() {
    return "DO $schemacode$ DECLARE d bit(128) := X'" + HistoryDigest.EMPTY + "'; t record; rebuild boolean; BEGIN "
        + "CREATE TABLE IF NOT EXISTS " + quoted + " ("
        + "version text PRIMARY KEY, "
        + "name text NOT NULL, "
        + "checksum text NOT NULL, "
        + "applied_at timestamptz NOT NULL DEFAULT now(), "
        + "execution_ms bigint NOT NULL, "
        + "success boolean NOT NULL, "
        + "installed_by text NOT NULL DEFAULT current_user, "
        + "kind text NOT NULL DEFAULT '" + AppliedMigration.APPLIED + "'); "
        + "IF NOT EXISTS (SELECT FROM pg_attribute WHERE attrelid = " + Sql.literal(quoted) + "::regclass"
        + " AND attname = 'kind' AND NOT attisdropped) THEN "
        + "ALTER TABLE " + quoted + " ADD COLUMN kind text NOT NULL DEFAULT '" + AppliedMigration.APPLIED + "'; "
        + "END IF; "
        // rebuilt when a trigger, the summary table or its one row is missing (plpgsql plans each
        // statement when it first runs, so the row count is only read when the table exists)
        + "rebuild := (SELECT count(*) FROM pg_trigger WHERE tgrelid = " + Sql.literal(quoted) + "::regclass"
        + " AND tgname IN ('" + ROW_TRIGGER + "', '" + TRUNCATE_TRIGGER + "')) < 2"
        + " OR to_regclass(" + Sql.literal(summary) + ") IS NULL"
        + " OR to_regprocedure(" + Sql.literal(check + "(bit)") + ") IS NULL; "
        + "IF NOT rebuild THEN rebuild := (SELECT count(*) FROM " + summary + ") <> 1; END IF; "
        + "IF rebuild THEN "
        + "DROP TRIGGER IF EXISTS " + ROW_TRIGGER + " ON " + quoted + "; "
        + "DROP TRIGGER IF EXISTS " + TRUNCATE_TRIGGER + " ON " + quoted + "; "
        + "CREATE TABLE IF NOT EXISTS " + summary + " (digest bit(128) NOT NULL); "
        // the first summaries' check function, which returned the rows on a miss too (now <history>_matches)
        + "DROP FUNCTION IF EXISTS " + summary + "(bit); "
        + "CREATE OR REPLACE FUNCTION " + summary + "() RETURNS trigger LANGUAGE plpgsql AS $summary$ BEGIN "
        + "IF TG_OP = 'TRUNCATE' THEN UPDATE " + summary + " SET digest = X'" + HistoryDigest.EMPTY + "'; RETURN NULL; END IF; "
        + "IF TG_OP <> 'INSERT' THEN UPDATE " + summary + " SET digest = digest # " + HistoryDigest.termSql("OLD") + "; END IF; "
        + "IF TG_OP <> 'DELETE' THEN UPDATE " + summary + " SET digest = digest # " + HistoryDigest.termSql("NEW") + "; END IF; "
        + "RETURN NULL; END $summary$; "
        + checkFunctionSql()
        + "DELETE FROM " + summary + "; "
        // bit_xor is PostgreSQL 14+; a loop is what 13 has (this runs once per history, not per start)
        + "FOR t IN SELECT " + HistoryDigest.termSql("h") + " AS term FROM " + quoted + " h LOOP "
        + "d := d # t.term; END LOOP; "
        + "INSERT INTO " + summary + " VALUES (d); "
        + "CREATE TRIGGER " + ROW_TRIGGER + " AFTER INSERT OR UPDATE OR DELETE ON " + quoted
        + " FOR EACH ROW EXECUTE FUNCTION " + summary + "(); "
        + "CREATE TRIGGER " + TRUNCATE_TRIGGER + " AFTER TRUNCATE ON " + quoted
        + " FOR EACH STATEMENT EXECUTE FUNCTION " + summary + "(); "
        + "END IF; END $schemacode$";
  }

  /** What {@link #readUnlessSummarised} found: the history matched the digest, or all its rows. */
  public record StartupRead(boolean matched, List<AppliedMigration> rows) {}

  private static final StartupRead MATCHED = new StartupRead(true, List.of());

  /**
   * The start-up check: one round trip, the call of the check function, which says whether the
   * summary holds {@code digest} (and its triggers are there and enabled, so that it is current),
   * whatever the history's length. On a miss every row, as {@link #read(Connection)}, in a second
   * round trip: a miss means there is something to do or to report, where one more round trip does
   * not count. Null when the history, the summary table or the check function does not exist (a
   * database nobody migrated, or one an earlier build migrated): then read it all.
   */
  public StartupRead readUnlessSummarised(Connection connection, String digest) throws SQLException {
    return readUnlessSummarised(connection, digest, false);
  }

  /**
   * As {@link #readUnlessSummarised(Connection, String)}; with {@code keepParsed} the call goes through
   * a {@link PreparedStatement}, for a session that keeps every statement unnamed ({@link
   * Session#statementsStayUnnamed()}). PgJDBC parses a plain statement's text anew on every execution
   * (looking for escapes, quotes and the ends of statements; its cache of parsed queries serves only
   * prepared statements unless {@code preferQueryMode=extendedCacheEverything}): a quarter of the
   * check's client CPU in a warm loop. A prepared statement's parsed form is kept per connection, so
   * with a pool the check's text is parsed once per pooled connection; on the wire nothing changes,
   * since with the session's prepare threshold of 0 it is still sent unnamed (never where the
   * threshold is not the session's to set: the driver would name it after five executions, which a
   * transaction pooler cannot carry).
   */
  public StartupRead readUnlessSummarised(Connection connection, String digest, boolean keepParsed) throws SQLException {
    boolean matched;
    String sql = readUnlessSummarisedSql(digest);
    try (Statement statement = keepParsed ? connection.prepareStatement(sql) : connection.createStatement();
        ResultSet result = keepParsed ? ((PreparedStatement) statement).executeQuery() : statement.executeQuery(sql)) {
      matched = result.next() && result.getBoolean(1);
    } catch (SQLException e) {
      if (UNDEFINED_TABLE.equals(e.getSQLState()) || UNDEFINED_FUNCTION.equals(e.getSQLState())) {
        if (!connection.getAutoCommit()) {
          connection.rollback();
        }
        return null;
      }
      throw e;
    }
    return matched ? MATCHED : new StartupRead(false, read(connection));
  }

  /**
   * The same check for a connection that meets this history once (a fleet's target: the next tenant
   * has another history): the comparison as a plain query, and on a miss a second query for the rows.
   * A kept plan is worth nothing there, and a function is not free the first time: the server
   * compiles it and plans its statements for the connection, tenant after tenant, which made a
   * fleet's nothing-pending check of 1,000 tenants about 4× one query per tenant. The plain query
   * names only the summary table (and the history's triggers), never the history table itself:
   * planning a statement that names it opens it and its index, cold for every tenant. A miss means
   * there is work to do, where one more round trip does not count. Null as for {@link
   * #readUnlessSummarised}. A fleet of schemas asks the same of many tenants in one statement first
   * ({@link UpToDateTenants}): the two must ask the same question.
   */
  public StartupRead readUnlessSummarisedOnce(Connection connection, String digest) throws SQLException {
    requireDigest(digest);
    boolean matched;
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT EXISTS (SELECT FROM " + summary + " WHERE digest = X'"
            + digest + "') AND (SELECT count(*) FROM pg_trigger WHERE tgrelid = to_regclass(" + Sql.literal(quoted)
            + ") AND tgname IN ('" + ROW_TRIGGER + "', '" + TRUNCATE_TRIGGER + "') AND tgenabled IN ('O', 'A')) = 2")) {
      matched = result.next() && result.getBoolean(1);
    } catch (SQLException e) {
      if (UNDEFINED_TABLE.equals(e.getSQLState())) {
        if (!connection.getAutoCommit()) {
          connection.rollback();
        }
        return null;
      }
      throw e;
    }
    return matched ? MATCHED : new StartupRead(false, read(connection));
  }

  /**
   * A call of the check function. Not the comparison itself as one query: PostgreSQL plans a
   * statement each time it gets one (no statement is prepared by name, for the poolers' sake), and
   * planning that query, with its catalog look-up, cost several times the whole round trip of
   * {@code SELECT 1}; PL/pgSQL keeps the plans of a function's statements for the life of the server
   * connection, so what is planned per call is {@code SELECT f(constant)}. A scalar function, called in
   * the select list: a set-returning one (the first form, which returned the rows on a miss too) costs
   * the server a tuple store for its result and another for the function scan, about twice the
   * server time of this one per call.
   */
  String readUnlessSummarisedSql(String digest) {
    CheckSql last = lastCheck;
    if (last != null && last.digest().equals(digest)) {
      return last.sql();
    }
    requireDigest(digest);
    String sql = "SELECT " + check + "(X'" + digest + "')";
    lastCheck = new CheckSql(digest, sql);
    return sql;
  }

  /** The digest goes into SQL text: 32 lower-case hex digits, nothing else (a loop, not a pattern: every start-up check passes here). */
  static void requireDigest(String digest) {
    boolean hex = digest.length() == 32;
    for (int i = 0; hex && i < digest.length(); i++) {
      char c = digest.charAt(i);
      hex = c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
    }
    if (!hex) {
      throw new IllegalArgumentException("not a digest: " + digest);
    }
  }

  /**
   * {@code <history>_matches(expected bit)}: true when the summary holds {@code expected} and both
   * triggers are there and enabled (a disabled or dropped trigger leaves the summary stale: then it
   * does not count). The history table is looked up when the call runs ({@code to_regclass}, under
   * the caller's {@code search_path}), never frozen into a kept plan.
   */
  private String checkFunctionSql() {
    return "CREATE OR REPLACE FUNCTION " + check + "(expected bit) RETURNS boolean LANGUAGE plpgsql STABLE AS $check$ BEGIN "
        + "RETURN EXISTS (SELECT FROM " + summary + " s WHERE s.digest = expected)"
        + " AND (SELECT count(*) FROM pg_trigger t WHERE t.tgrelid = to_regclass(" + Sql.literal(quoted) + ")"
        + " AND t.tgname IN ('" + ROW_TRIGGER + "', '" + TRUNCATE_TRIGGER + "') AND t.tgenabled IN ('O', 'A')) = 2; "
        + "END $check$; ";
  }

  /**
   * After a deploy that wrote history: rewrites the summary table when it has grown past one page, so
   * that the start-up check, which reads every page of it, costs the same with 10,000 migrations as
   * with 10. Every history write updates the summary's one row and leaves a dead version of it behind.
   * PostgreSQL prunes those within the page as it goes; but when it cannot at the moment the page is
   * full (a transaction anywhere on the server that is older than the dead versions, or another
   * process holding the page), the new version goes to a new page, and nothing ever gives that page
   * back: plain {@code VACUUM}, and so autovacuum, truncates only empty pages at the end of a table, and
   * the live row sits on the last one. One deploy of 10,000 migrations left 21 pages (63 on a busier
   * day), each read by every check.
   *
   * <p>{@code VACUUM FULL} rewrites it and is MVCC-safe: unlike {@code TRUNCATE}, or deleting the row
   * and inserting it anew, it keeps the row's versions as they were, so that a transaction with an
   * older snapshot, or a history write waiting for the row, still finds it and keeps the digest right.
   * {@code SKIP_LOCKED} (PostgreSQL 12+): when anyone holds a lock on the table (a check running, a
   * history write in progress) it is skipped rather than waited for, so that start-up checks never
   * queue behind its exclusive lock; the next deploy that writes tries again. A statement of its own
   * outside any transaction (VACUUM cannot run in one), after the deploy's last transaction: through a
   * transaction pooler too. A role that does not own the table gets a warning from PostgreSQL, not an
   * error. One round trip when the table is one page (the usual case), two when it is rewritten; it
   * never fails the deploy, whose migrations are applied and recorded by then.
   */
  void compactSummary(Connection connection) {
    try {
      if (!connection.getAutoCommit()) {
        return;
      }
      try (Statement statement = connection.createStatement()) {
        boolean grown;
        // the server's version from the server: a pooler may report its own in the start-up handshake
        try (ResultSet result = statement.executeQuery("SELECT current_setting('server_version_num')::int >= 120000"
            + " AND pg_relation_size(to_regclass(" + Sql.literal(summary) + ")) > current_setting('block_size')::int")) {
          grown = result.next() && result.getBoolean(1);
        }
        if (grown) {
          statement.execute("VACUUM (FULL, SKIP_LOCKED) " + summary);
        }
      }
    } catch (SQLException e) {
      LOG.log(System.Logger.Level.INFO, "could not compact {0} (the start-up check reads every page of it): {1}",
          summaryName(), e.getMessage());
    }
  }

  /**
   * All rows, in one round trip; empty when the table does not exist yet (a database nobody
   * migrated). Reads {@code *} so that a table from an earlier build without {@code kind} still reads.
   */
  List<AppliedMigration> read(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(readSql())) {
      return read(result);
    } catch (SQLException e) {
      if (UNDEFINED_TABLE.equals(e.getSQLState())) {
        if (!connection.getAutoCommit()) {
          connection.rollback();
        }
        return new ArrayList<>();
      }
      throw e;
    }
  }

  /** The query {@link #read(Connection)} runs, for callers that send it along with another statement. */
  String readSql() {
    return "SELECT * FROM " + quoted + " ORDER BY applied_at, version";
  }

  /**
   * A deploy's turn under the lock, sent with it: every row when {@code digest} is null; else whether the
   * history still has that digest (the start-up check's function, which also requires the triggers
   * that keep it). A deploy that expects the history it wrote itself reads one value per migration
   * instead of the whole history; another writer's row, or a hand's, changes the digest, and then
   * {@link #turnRead} reads every row in a second round trip, still under the lock (a miss means
   * another migrator is at work, where a round trip does not count; sending the rows' query every time,
   * to be skipped on a match, still cost the server about 0.2 ms a turn to plan).
   */
  String turnReadSql(String digest) {
    if (digest == null) {
      return readSql();
    }
    requireDigest(digest);
    return "SELECT " + check + "(X'" + digest + "')";
  }

  /** What {@link #turnReadSql} returned, read from the statement's next result; every row when it was not as expected. */
  StartupRead turnRead(Statement statement, boolean expected) throws SQLException {
    if (!statement.getMoreResults()) {
      throw new SQLException("no answer to the history's read");
    }
    try (ResultSet result = statement.getResultSet()) {
      if (!expected) {
        return new StartupRead(false, read(result));
      }
      if (result.next() && result.getBoolean(1)) {
        return MATCHED;
      }
    }
    // Not read(Connection), which takes a missing table for an empty history and rolls back: here that
    // would end the transaction that holds the lock, and the turn would go on without it.
    try (Statement again = statement.getConnection().createStatement(); ResultSet rows = again.executeQuery(readSql())) {
      return new StartupRead(false, read(rows));
    }
  }

  /** The rows of {@link #readSql()}'s result. */
  static List<AppliedMigration> read(ResultSet result) throws SQLException {
    List<AppliedMigration> rows = new ArrayList<>();
    boolean hasKind = columns(result.getMetaData()).contains("kind");
    while (result.next()) {
      rows.add(row(result, hasKind));
    }
    return rows;
  }

  private static AppliedMigration row(ResultSet result, boolean hasKind) throws SQLException {
    return new AppliedMigration(result.getString("version"), result.getString("name"),
        result.getString("checksum"), result.getTimestamp("applied_at").toInstant(),
        result.getLong("execution_ms"), result.getBoolean("success"),
        hasKind ? result.getString("kind") : AppliedMigration.APPLIED);
  }

  private static Set<String> columns(ResultSetMetaData metaData) throws SQLException {
    Set<String> columns = new HashSet<>();
    for (int i = 1; i <= metaData.getColumnCount(); i++) {
      columns.add(metaData.getColumnLabel(i).toLowerCase(Locale.ROOT));
    }
    return columns;
  }

  void insert(Connection connection, ResolvedMigration migration, long executionMillis, boolean success, String kind)
      throws SQLException {
    insert(connection, migration.version(), migration.file().slug(), migration.checksum(), executionMillis, success, kind);
  }

  /**
   * A new row; it replaces only the row of a reverted migration (a second row for a version in effect
   * is refused as the primary key refused it before reverts existed: exactly once).
   */
  void insert(Connection connection, String version, String name, String checksum, long executionMillis,
      boolean success, String kind) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + quoted + " AS h"
        + " (version, name, checksum, execution_ms, success, kind) VALUES (?, ?, ?, ?, ?, ?)"
        + " ON CONFLICT (version) DO UPDATE SET name = EXCLUDED.name, checksum = EXCLUDED.checksum,"
        + " applied_at = now(), execution_ms = EXCLUDED.execution_ms, success = EXCLUDED.success,"
        + " installed_by = current_user, kind = EXCLUDED.kind WHERE h.kind = '" + AppliedMigration.REVERTED + "'")) {
      insert.setString(1, version);
      insert.setString(2, name);
      insert.setString(3, checksum);
      insert.setLong(4, executionMillis);
      insert.setBoolean(5, success);
      insert.setString(6, kind);
      if (insert.executeUpdate() != 1) {
        throw new SQLException("the history already has a row for version " + version
            + " (another migrator applied it)", "23505");
      }
    }
  }

  /** {@code revert}: the rows of these versions say reverted, from now (and not successful, for the digest). */
  void markReverted(Connection connection, List<String> versions) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement("UPDATE " + quoted
        // success = false: the start-up check's digest ({@link HistoryDigest}) must no longer count it as applied
        + " SET kind = '" + AppliedMigration.REVERTED + "', success = false, applied_at = now(), installed_by = current_user"
        + " WHERE version = ANY (?)")) {
      update.setArray(1, connection.createArrayOf("text", versions.toArray()));
      update.executeUpdate();
    }
  }

  /** The SQL {@link #insert} runs, with literal values, for {@code deploy --dry-run}. */
  String insertSql(ResolvedMigration migration, boolean success) {
    return insertSql(migration.version(), migration.file().slug(), migration.checksum(), 0, success,
        AppliedMigration.APPLIED);
  }

  /**
   * A new row as one statement with literal values, for a version the history has no row of: unlike
   * {@link #insert} it never replaces a row, so any row there already (another migrator's, a hand-made
   * one) makes it fail on the primary key, which aborts the transaction it is in.
   */
  String insertSql(ResolvedMigration migration, long executionMillis, boolean success) {
    return insertSql(migration.version(), migration.file().slug(), migration.checksum(), executionMillis, success,
        AppliedMigration.APPLIED);
  }

  /** As {@link #insertSql(ResolvedMigration, boolean)}, for a row of any kind (a checkpoint's). */
  String insertSql(String version, String name, String checksum, boolean success, String kind) {
    return insertSql(version, name, checksum, 0, success, kind);
  }

  private String insertSql(String version, String name, String checksum, long executionMillis, boolean success,
      String kind) {
    return "INSERT INTO " + quoted + " (version, name, checksum, execution_ms, success, kind) VALUES ("
        + Sql.literal(version) + ", " + Sql.literal(name) + ", " + Sql.literal(checksum) + ", " + executionMillis
        + ", " + success + ", " + Sql.literal(kind) + ")";
  }

  /** Finishes a row that {@link #insert} wrote before a non-transactional migration began. */
  void complete(Connection connection, String version, long executionMillis, boolean success) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement("UPDATE " + quoted
        + " SET success = ?, execution_ms = ? WHERE version = ?")) {
      update.setBoolean(1, success);
      update.setLong(2, executionMillis);
      update.setString(3, version);
      update.executeUpdate();
    }
  }

  /** {@code resolve --applied} of a failed or modified migration: the file as it is now counts as applied. */
  void markResolved(Connection connection, ResolvedMigration migration, String version) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement("UPDATE " + quoted
        + " SET success = true, checksum = ?, name = ?, kind = ?, applied_at = now(), installed_by = current_user"
        + " WHERE version = ?")) {
      update.setString(1, migration.checksum());
      update.setString(2, migration.file().slug());
      update.setString(3, AppliedMigration.RESOLVED);
      update.setString(4, version);
      update.executeUpdate();
    }
  }

  void delete(Connection connection, String version) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + quoted + " WHERE version = ?")) {
      delete.setString(1, version);
      delete.executeUpdate();
    }
  }
}

package dev.schemacode.runtime.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A fleet's nothing-pending check for several tenant schemas of one database in one statement: for
 * each tenant the same question as {@link HistoryTable#readUnlessSummarisedOnce} asks of one (its
 * summary holds the digest of every migration applied as it is, and its history has both summary
 * triggers, enabled), answered at one snapshot. One statement per tenant cost the server more than
 * the tenant's summary itself: planning the trigger look-up anew for every tenant (issue 16, a
 * nothing-pending fleet at p = 8 was 2.1× one query per tenant); here the triggers of all the tenants
 * are one join, planned once, and the per-tenant cost is the summary's.
 *
 * <p>It only ever says yes: a tenant it does not name (its digest differs, a trigger is missing or
 * disabled, or the whole statement failed, since a tenant without a history yet or a schema that does
 * not exist fails it) is checked on its own, by its migrator, as before, which also reports what it
 * finds.
 */
public final class UpToDateTenants {
  private static final System.Logger LOG = System.getLogger("dev.schemacode.runtime");

  private final String historyTable;
  private final String digest;

  /** For histories named {@code historyTable} (one in each tenant schema), all expected to hold {@code digest}. */
  public UpToDateTenants(String historyTable, String digest) {
    HistoryTable.requireDigest(digest);
    this.historyTable = historyTable;
    this.digest = digest;
  }

  /**
   * The schemas among {@code schemas} whose history is up to date; empty when the statement fails
   * for whatever reason (logged at debug level: each tenant's own check then says what is wrong).
   */
  public Set<String> among(ConnectionFactory connections, List<String> schemas) {
    try (Session session = Session.open(connections); Statement statement = session.connection().createStatement();
        ResultSet rows = statement.executeQuery(sql(schemas))) {
      Set<String> upToDate = new HashSet<>();
      while (rows.next()) {
        upToDate.add(schemas.get(rows.getInt(1)));
      }
      return upToDate;
    } catch (SQLException | RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "the tenants'' check in one statement failed; each tenant is checked on its own: {0}",
          e.getMessage());
      return Set.of();
    }
  }

  /**
   * The statement: the tenants' summary rows that hold the digest ({@code UNION ALL}), joined with the
   * tenants whose history has both triggers enabled. Each history is named by a {@code regclass}
   * constant, so the trigger look-up is an index probe per tenant in a plan made once, whatever the
   * server's statistics say about {@code pg_class} (a join on the history's name scanned every
   * tenant's history). A missing summary or history (a new tenant) fails the statement, as a schema
   * that does not exist does. Tenants are numbered by their place in {@code schemas}.
   */
  String sql(List<String> schemas) {
    StringBuilder sql = new StringBuilder("SELECT s.i FROM (");
    for (int i = 0; i < schemas.size(); i++) {
      HistoryTable history = new HistoryTable(schemas.get(i), historyTable);
      sql.append(i == 0 ? "" : " UNION ALL ").append("SELECT ").append(i).append(" AS i FROM ")
          .append(history.summaryQuoted()).append(" WHERE digest = X'").append(digest).append('\'');
    }
    sql.append(") s JOIN (SELECT h.i FROM (VALUES ");
    for (int i = 0; i < schemas.size(); i++) {
      HistoryTable history = new HistoryTable(schemas.get(i), historyTable);
      sql.append(i == 0 ? "" : ", ").append('(').append(i).append(", ").append(Sql.literal(history.quoted()))
          .append("::regclass)");
    }
    return sql.append(") AS h (i, history) JOIN pg_trigger t ON t.tgrelid = h.history AND t.tgname IN ('")
        .append(HistoryTable.ROW_TRIGGER).append("', '").append(HistoryTable.TRUNCATE_TRIGGER)
        .append("') AND t.tgenabled IN ('O', 'A') GROUP BY h.i HAVING count(*) = 2) t USING (i)").toString();
  }
}

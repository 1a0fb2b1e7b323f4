package dev.schemacode.ui;

import static dev.schemacode.model.PostgresRenderer.qualified;
import static dev.schemacode.model.PostgresRenderer.quote;

import dev.schemacode.model.Column;
import dev.schemacode.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One page of a table as SQL: the columns, filters, order and bounds a request asks for, checked
 * against the introspected table. Column names are taken from the table (a name the table does not
 * have is refused), values only ever travel as parameters.
 */
final class RowQuery {
  /** The largest page a request may ask for. */
  static final int MAX_LIMIT = 500;
  /** Up to this many rows a filtered or never-analysed table is counted exactly; past it, "more than". */
  static final int COUNT_BOUND = 10_000;

  /** How a filter compares; the value is text, read by PostgreSQL as the column's type. */
  enum Operator {
    EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">="), CONTAINS(null), NULL(null), NOT_NULL(null);

    private final String sql;

    Operator(String sql) {
      this.sql = sql;
    }

    static Operator parse(String text) {
      for (Operator operator : values()) {
        if (operator.name().replace("_", "").equalsIgnoreCase(text.replace("-", "").replace("_", ""))) {
          return operator;
        }
      }
      throw new BadRequest("unknown filter operator '" + text + "'; use eq, ne, lt, le, gt, ge, contains, null, notnull");
    }
  }

  record Filter(String column, Operator operator, String value) {}

  /** SQL text and its parameters in order. */
  record Statement(String sql, List<String> parameters) {}

  private final Table table;
  private final List<Filter> filters;
  private final Optional<Column> sort;
  private final boolean descending;

  RowQuery(Table table, List<Filter> filters, Optional<String> sort, boolean descending) {
    this.table = table;
    this.filters = List.copyOf(filters);
    this.sort = sort.map(this::column);
    this.descending = descending;
    this.filters.forEach(filter -> column(filter.column()));
  }

  /** The table's column of that name; the request's text goes no further than this lookup. */
  Column column(String name) {
    return table.column(name).orElseThrow(() -> new BadRequest("table " + table.name() + " has no column '" + name + "'"));
  }

  /** One row more than the page, so the answer can say whether there is a next page without counting. */
  Statement page(int offset, int limit) {
    StringBuilder sql = new StringBuilder("SELECT ");
    sql.append(String.join(", ", table.columns().stream().map(c -> quote(c.name())).toList()));
    sql.append(" FROM ").append(qualified(table.name()));
    List<String> parameters = new ArrayList<>();
    where(sql, parameters);
    List<String> order = new ArrayList<>();
    sort.ifPresent(column -> order.add(quote(column.name()) + (descending ? " DESC" : " ASC")));
    // the key breaks ties, so that pages neither repeat nor skip rows; it is also what makes the
    // first page of a huge table an index scan of a few rows
    table.primaryKey().ifPresent(key -> key.columns().stream()
        .filter(name -> sort.map(column -> !column.name().equals(name)).orElse(true))
        .forEach(name -> order.add(quote(name) + (descending && sort.isEmpty() ? " DESC" : ""))));
    if (!order.isEmpty()) {
      sql.append(" ORDER BY ").append(String.join(", ", order));
    }
    sql.append(" LIMIT ").append(limit + 1).append(" OFFSET ").append(offset);
    return new Statement(sql.toString(), parameters);
  }

  /** Counts at most {@link #COUNT_BOUND} + 1 matching rows: exact for small results, bounded for huge ones. */
  Statement boundedCount() {
    StringBuilder sql = new StringBuilder("SELECT count(*) FROM (SELECT 1 FROM ").append(qualified(table.name()));
    List<String> parameters = new ArrayList<>();
    where(sql, parameters);
    sql.append(" LIMIT ").append(COUNT_BOUND + 1).append(") AS bounded");
    return new Statement(sql.toString(), parameters);
  }

  boolean filtered() {
    return !filters.isEmpty();
  }

  private void where(StringBuilder sql, List<String> parameters) {
    List<String> conditions = new ArrayList<>();
    for (Filter filter : filters) {
      String column = quote(column(filter.column()).name());
      switch (filter.operator()) {
        case NULL -> conditions.add(column + " IS NULL");
        case NOT_NULL -> conditions.add(column + " IS NOT NULL");
        case CONTAINS -> {
          // any type, as its text: LIKE's own wildcards in the value are matched literally
          conditions.add(column + "::text ILIKE ?");
          parameters.add("%" + filter.value().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        default -> {
          conditions.add(column + " " + filter.operator().sql + " ?");
          parameters.add(filter.value() == null ? "" : filter.value());
        }
      }
    }
    if (!conditions.isEmpty()) {
      sql.append(" WHERE ").append(String.join(" AND ", conditions));
    }
  }
}

package dev.schemacode.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.schemacode.model.Column;
import dev.schemacode.model.PrimaryKey;
import dev.schemacode.model.QualifiedName;
import dev.schemacode.model.Table;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The SQL of a page, exactly: names from the table quoted, values only as parameters. */
class RowQueryTest {
  private static final Table ORDER = new Table(new QualifiedName("billing", "order"),
      List.of(Column.identity("id", "bigint"), Column.required("Status", "text"), Column.optional("note", "text")),
      Optional.of(new PrimaryKey("order_pkey", List.of("id"))));

  private static RowQuery.Filter filter(String column, String operator, String value) {
    return new RowQuery.Filter(column, RowQuery.Operator.parse(operator), value);
  }

  @Test
  void aPageIsOrderedByTheKeyAndAsksForOneRowMore() {
    RowQuery.Statement page = new RowQuery(ORDER, List.of(), Optional.empty(), false).page(100, 50);
    assertEquals("SELECT \"id\", \"Status\", \"note\" FROM \"billing\".\"order\" ORDER BY \"id\" LIMIT 51 OFFSET 100", page.sql());
    assertEquals(List.of(), page.parameters());
  }

  @Test
  void aSortedColumnComesFirstAndTheKeyBreaksTies() {
    assertEquals("SELECT \"id\", \"Status\", \"note\" FROM \"billing\".\"order\" ORDER BY \"Status\" DESC, \"id\" LIMIT 11 OFFSET 0",
        new RowQuery(ORDER, List.of(), Optional.of("Status"), true).page(0, 10).sql());
    assertEquals("SELECT \"id\", \"Status\", \"note\" FROM \"billing\".\"order\" ORDER BY \"id\" DESC LIMIT 11 OFFSET 0",
        new RowQuery(ORDER, List.of(), Optional.of("id"), true).page(0, 10).sql());
  }

  @Test
  void filtersAreConditionsWithParameters() {
    RowQuery query = new RowQuery(ORDER, List.of(filter("Status", "eq", "x' OR '1'='1"), filter("note", "contains", "50%_off"),
        filter("note", "notnull", null), filter("id", "ge", "7")), Optional.empty(), false);
    RowQuery.Statement page = query.page(0, 20);
    assertEquals("SELECT \"id\", \"Status\", \"note\" FROM \"billing\".\"order\" WHERE \"Status\" = ? AND \"note\"::text ILIKE ?"
        + " AND \"note\" IS NOT NULL AND \"id\" >= ? ORDER BY \"id\" LIMIT 21 OFFSET 0", page.sql());
    assertEquals(List.of("x' OR '1'='1", "%50\\%\\_off%", "7"), page.parameters());
    RowQuery.Statement count = query.boundedCount();
    assertEquals("SELECT count(*) FROM (SELECT 1 FROM \"billing\".\"order\" WHERE \"Status\" = ? AND \"note\"::text ILIKE ?"
        + " AND \"note\" IS NOT NULL AND \"id\" >= ? LIMIT 10001) AS bounded", count.sql());
  }

  @Test
  void namesTheTableDoesNotHaveAreRefused() {
    assertThrows(BadRequest.class, () -> new RowQuery(ORDER, List.of(), Optional.of("id; DROP TABLE x"), false));
    assertThrows(BadRequest.class, () -> new RowQuery(ORDER, List.of(filter("status", "eq", "1")), Optional.empty(), false));
    assertThrows(BadRequest.class, () -> RowQuery.Operator.parse("= 1 OR"));
  }
}

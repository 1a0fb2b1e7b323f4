package dev.schemacode.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reverse of a change that dropped data, where the rows left behind decide whether the reverse can
 * run: for each case the schemas before and after, and the reverse's files and inexact reasons, word
 * for word (the SQL of each phase is SchemaDiffTest's).
 */
class ReverseScriptTest {
  private static final QualifiedName CUSTOMER = QualifiedName.of("customer");
  private static final QualifiedName ORDERS = QualifiedName.of("orders");

  private static Column withDefault(String name, String type, boolean nullable, String expression) {
    return new Column(name, type, nullable, false, Optional.of(expression), Optional.empty());
  }

  private static Table table(QualifiedName name, List<Column> columns, List<UniqueConstraint> uniques,
      List<ForeignKey> keys, List<Index> indexes) {
    return new Table(name, columns, Optional.of(PrimaryKey.defaultFor(name.name(), List.of("id"))), uniques, keys,
        List.of(), indexes, Optional.empty());
  }

  private static final Column ID = Column.identity("id", "bigint");
  private static final Table CUSTOMERS = table(CUSTOMER, List.of(ID, Column.required("email", "text")), List.of(),
      List.of(), List.of());
  private static final ForeignKey ORDER_CUSTOMER = new ForeignKey("orders_customer_id_fkey", List.of("customer_id"),
      CUSTOMER, List.of("id"), ForeignKey.Action.NO_ACTION, ForeignKey.Action.NO_ACTION);
  private static final Table ORDERS_ALONE = table(ORDERS, List.of(ID, Column.optional("customer_id", "bigint")),
      List.of(), List.of(), List.of());
  private static final Table ORDERS_REFERENCING = table(ORDERS, List.of(ID, Column.optional("customer_id", "bigint")),
      List.of(), List.of(ORDER_CUSTOMER), List.of());

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("a dropped foreign key comes back validated: its rows still match",
            new Schema(List.of(), List.of(CUSTOMERS, ORDERS_REFERENCING)), new Schema(List.of(), List.of(CUSTOMERS, ORDERS_ALONE)),
            List.of("U0001__change.sql", "U0001__change_validate.sql"), List.of()),
        Arguments.of("a dropped referenced table comes back empty: the key to it stays NOT VALID, no validate file",
            new Schema(List.of(), List.of(CUSTOMERS, ORDERS_REFERENCING)), new Schema(List.of(), List.of(ORDERS_ALONE)),
            List.of("U0001__change.sql"),
            List.of("drop table customer: the table comes back empty", "foreign key orders_customer_id_fkey on orders"
                + " stays NOT VALID: rows it would check reference data that does not come back (VALIDATE CONSTRAINT it"
                + " once they are consistent)")),
        Arguments.of("a dropped referencing column with a default comes back holding it: its key stays NOT VALID",
            new Schema(List.of(), List.of(CUSTOMERS, table(ORDERS, List.of(ID, withDefault("customer_id", "bigint", true, "0")),
                List.of(), List.of(ORDER_CUSTOMER), List.of()))),
            new Schema(List.of(), List.of(CUSTOMERS, table(ORDERS, List.of(ID), List.of(), List.of(), List.of()))),
            List.of("U0001__change.sql"),
            List.of("drop column orders.customer_id: the column comes back empty", "foreign key orders_customer_id_fkey"
                + " on orders stays NOT VALID: rows it would check reference data that does not come back (VALIDATE"
                + " CONSTRAINT it once they are consistent)")),
        Arguments.of("a dropped referencing column without a default comes back NULL: its key is validated",
            new Schema(List.of(), List.of(CUSTOMERS, ORDERS_REFERENCING)),
            new Schema(List.of(), List.of(CUSTOMERS, table(ORDERS, List.of(ID), List.of(), List.of(), List.of()))),
            List.of("U0001__change.sql", "U0001__change_validate.sql"),
            List.of("drop column orders.customer_id: the column comes back empty")),
        Arguments.of("a dropped column under unique keys comes back holding its default: they are built in its transaction",
            new Schema(List.of(), List.of(table(ORDERS, List.of(ID, withDefault("code", "text", false, "''")),
                List.of(new UniqueConstraint("orders_code_key", List.of("code"))), List.of(),
                List.of(new Index("orders_code_idx", List.of("code"), true, Index.DEFAULT_METHOD, Optional.empty()))))),
            new Schema(List.of(), List.of(table(ORDERS, List.of(ID), List.of(), List.of(), List.of()))),
            List.of("U0001__change.sql"),
            List.of("drop column orders.code: the column comes back empty",
                "code on orders comes back holding its default in every row: unique constraint orders_code_key is built in"
                    + " the reverse's transaction, and unless the default differs row by row it fails, changing nothing,"
                    + " while orders has more than one row",
                "code on orders comes back holding its default in every row: unique index orders_code_idx is built in"
                    + " the reverse's transaction, and unless the default differs row by row it fails, changing nothing,"
                    + " while orders has more than one row")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reverse(String name, Schema before, Schema after, List<String> files, List<String> inexact) {
    SchemaDiff forward = SchemaDiff.between(before, after, Renames.NONE);
    ReverseScript.Plan plan = ReverseScript.plan(List.of(MigrationFileName.of(1, "change")), "change", before, after,
        Renames.NONE, forward.changes(), MigrationScript.DEFAULT_LOCK_TIMEOUT);
    assertEquals(files, plan.files().stream().map(f -> f.name().fileName()).toList());
    assertEquals(inexact, plan.inexact());
  }
}

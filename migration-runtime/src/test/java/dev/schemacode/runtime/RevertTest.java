package dev.schemacode.runtime;

import static dev.schemacode.runtime.Queries.count;
import static dev.schemacode.runtime.Queries.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemacode.model.CheckConstraint;
import dev.schemacode.model.Column;
import dev.schemacode.model.EnumType;
import dev.schemacode.model.ForeignKey;
import dev.schemacode.model.Index;
import dev.schemacode.model.PrimaryKey;
import dev.schemacode.model.QualifiedName;
import dev.schemacode.model.Renames;
import dev.schemacode.model.Schema;
import dev.schemacode.model.Table;
import dev.schemacode.model.UniqueConstraint;
import dev.schemacode.testing.CatalogSnapshot;
import dev.schemacode.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code revert} on a real PostgreSQL: every kind of change the generator writes, applied to tables
 * that hold rows, is undone by its reverse to exactly the catalog before it, and deploys again; the
 * guards (production, lossy reverses, migrations without a reverse) refuse before anything runs.
 */
public class RevertTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();

  @TempDir Path migrations;
  private GeneratedHistory history;

  static final QualifiedName STATUS = QualifiedName.of("status");
  static final QualifiedName CUSTOMER = QualifiedName.of("customer");
  static final QualifiedName ORDERS = QualifiedName.of("orders");
  static final QualifiedName PURCHASE = QualifiedName.of("purchase");

  @BeforeEach
  void emptySchema() throws SQLException {
    execute(database, "DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    history = new GeneratedHistory(migrations);
  }

  private Migrator migrator(String environment) {
    return Migrator.builder().dataSource(database.dataSource()).migrations(MigrationSource.directory(migrations))
        .environment(environment == null ? Environment.unset() : Environment.named(environment)).build();
  }

  private Migrator migrator() {
    return migrator("test");
  }

  private List<String> catalog() throws SQLException {
    try (Connection connection = database.dataSource().getConnection()) {
      return CatalogSnapshot.read(connection, Migrator.runtimeTables(Migrator.DEFAULT_HISTORY_TABLE));
    }
  }

  static Column column(String name, String type, boolean nullable, String defaultExpression) {
    return new Column(name, type, nullable, false, Optional.ofNullable(defaultExpression), Optional.empty());
  }

  static Table table(QualifiedName name, List<Column> columns, String key, List<UniqueConstraint> uniques,
      List<ForeignKey> foreignKeys, List<CheckConstraint> checks, List<Index> indexes, String comment) {
    return new Table(name, columns, Optional.of(new PrimaryKey(name.name() + "_pkey", List.of(key))), uniques, foreignKeys,
        checks, indexes, Optional.ofNullable(comment));
  }

  static Index index(String name, String column) {
    return new Index(name, List.of(column), false, Index.DEFAULT_METHOD, Optional.empty());
  }

  static ForeignKey reference(String name, String column, QualifiedName target) {
    return new ForeignKey(name, List.of(column), target, List.of("id"), ForeignKey.Action.NO_ACTION, ForeignKey.Action.NO_ACTION);
  }

  /** v1: new tables, an enum type, keys, a foreign key, an index, comments. */
  public static Schema v1() {
    Table customer = table(CUSTOMER, List.of(new Column("id", "bigint", false, true), column("email", "text", false, null),
        column("status", "status", false, "'OPEN'::status"), column("note", "text", true, null)), "id",
        List.of(), List.of(), List.of(), List.of(), "people who buy");
    Table orders = table(ORDERS, List.of(column("id", "bigint", false, null), column("customer_id", "bigint", false, null),
        column("total", "numeric(10,2)", false, null)), "id", List.of(),
        List.of(reference("orders_customer_id_fkey", "customer_id", CUSTOMER)), List.of(),
        List.of(index("orders_customer_id_idx", "customer_id")), null);
    return new Schema(List.of(new EnumType(STATUS, List.of("OPEN", "CLOSED"))), List.of(customer, orders));
  }

  /** v2, on tables with rows: the safe forms (concurrent index, NOT VALID then validated, enum value before use). */
  public static Schema v2() {
    Table customer = table(CUSTOMER, List.of(new Column("id", "bigint", false, true), column("email", "text", false, null),
        column("status", "status", false, "'PENDING'::status"), column("note", "text", true, null),
        column("phone", "varchar(20)", true, null)), "id",
        List.of(new UniqueConstraint("customer_email_key", List.of("email"))), List.of(), List.of(),
        List.of(index("customer_phone_idx", "phone")), "people who buy things");
    Table orders = table(ORDERS, List.of(column("id", "bigint", false, null), column("customer_id", "bigint", false, null),
        column("total", "numeric(10,2)", false, "0")), "id", List.of(),
        List.of(reference("orders_customer_id_fkey", "customer_id", CUSTOMER)),
        List.of(new CheckConstraint("orders_total_check", "total >= 0")),
        List.of(index("orders_customer_id_idx", "customer_id")), null);
    return new Schema(List.of(new EnumType(STATUS, List.of("OPEN", "PENDING", "CLOSED"))), List.of(customer, orders));
  }

  /** v3: renames (table, column, enum value, with what follows them), a widening, a dropped index and comment, NOT NULL. */
  public static Schema v3() {
    Table customer = table(CUSTOMER, List.of(new Column("id", "bigint", false, true), column("email", "text", false, null),
        column("status", "status", false, "'PENDING'::status"), column("remark", "text", true, null),
        column("phone", "text", false, "''")), "id",
        List.of(new UniqueConstraint("customer_email_key", List.of("email"))), List.of(), List.of(),
        List.of(index("customer_phone_idx", "phone")), null);
    Table purchase = table(PURCHASE, List.of(column("id", "bigint", false, null), column("customer_id", "bigint", false, null),
        column("total", "numeric(14,2)", false, "0")), "id", List.of(),
        List.of(reference("purchase_customer_id_fkey", "customer_id", CUSTOMER)),
        List.of(new CheckConstraint("purchase_total_check", "total >= 0")), List.of(), null);
    return new Schema(List.of(new EnumType(STATUS, List.of("OPEN", "PENDING", "DONE"))), List.of(customer, purchase));
  }

  public static Renames v3Renames() {
    return new Renames(Map.of(PURCHASE, ORDERS), Map.of(CUSTOMER, Map.of("remark", "note")),
        Map.of(STATUS, Map.of("DONE", "CLOSED")));
  }

  /** v4, lossy: a dropped column and table, a removed enum value, a narrowing, an identity and a default gone. */
  public static Schema v4() {
    Table customer = table(CUSTOMER, List.of(new Column("id", "bigint", false, false), column("email", "text", false, null),
        column("status", "status", false, null), column("phone", "varchar(40)", true, null)), "id",
        List.of(new UniqueConstraint("customer_email_key", List.of("email"))), List.of(), List.of(),
        List.of(index("customer_phone_idx", "phone")), null);
    return new Schema(List.of(new EnumType(STATUS, List.of("OPEN", "DONE"))), List.of(customer));
  }

  @Test
  void everyKindOfChangeIsRevertedToTheCatalogBeforeItAndDeploysAgain() throws Exception {
    List<Schema> versions = List.of(v1(), v2(), v3(), v4());
    List<Renames> renames = List.of(Renames.NONE, Renames.NONE, v3Renames(), Renames.NONE);
    List<List<String>> catalogs = new ArrayList<>();
    catalogs.add(catalog());
    for (int v = 0; v < versions.size(); v++) {
      history.version(versions.get(v), renames.get(v));
      migrator().migrate();
      List<String> applied = catalog();
      catalogs.add(applied);

      RevertResult reverted = migrator().revert(v == 3);
      assertTrue(!reverted.reverted().isEmpty(), "version " + (v + 1) + " reverted nothing");
      assertEquals(catalogs.get(v), catalog(), "version " + (v + 1) + ": revert restores the catalog before it");
      MigrationStatus status = migrator().status();
      assertTrue(status.pending().size() == reverted.reverted().size(), status.toString());
      assertTrue(status.pending().get(0).applied().map(a -> a.kind().equals(AppliedMigration.REVERTED)).orElse(false),
          "status keeps the record of the revert");

      assertEquals(reverted.reverted().size(), migrator().migrate().applied().size(), "deploys again after a revert");
      assertEquals(applied, catalog(), "version " + (v + 1) + ": the same catalog after deploying it again");
      if (v == 0) { // the later changes meet tables with rows (reverting v1 drops the tables, rows and all)
        execute(database, "INSERT INTO customer (email) VALUES ('a@example.com'), ('b@example.com');"
            + " INSERT INTO orders VALUES (1, 1, 10.50), (2, 2, 3)");
      }
      if (v == 1) {
        execute(database, "UPDATE customer SET phone = '555'");
      }
    }
    // rows kept through the round trips of the exact reverses
    assertEquals(2, count(database, "SELECT count(*) FROM customer"));

    // all the way back, newest first, to an empty database
    migrator().revertTo("0", true);
    assertEquals(catalogs.get(0), catalog());
    assertEquals(Optional.empty(), migrator().status().currentVersion());
    migrator().migrate();
    assertEquals(catalogs.get(4), catalog());
  }

  @Test
  void revertToAVersionUndoesTheChangesAfterItNewestFirst() throws Exception {
    history.version(v1());
    migrator().migrate();
    List<String> atV1 = catalog();
    history.version(v2());
    history.version(v3(), v3Renames());
    migrator().migrate();
    RevertResult result = migrator().revertTo("V0001", false);
    assertEquals(atV1, catalog());
    assertEquals("0001", result.currentVersion().orElseThrow());
    List<String> reverted = result.reverted();
    assertTrue(reverted.get(0).compareTo(reverted.get(reverted.size() - 1)) > 0, "newest first: " + reverted);
    assertTrue(migrator().revertTo("1", false).reverted().isEmpty(), "nothing after V0001 is applied any more");
  }

  @Test
  void aLossyReverseIsRefusedWithItsReasonUntilAccepted() throws Exception {
    history.version(v1());
    history.version(v2());
    history.version(v3(), v3Renames());
    history.version(v4());
    migrator().migrate();
    List<String> before = catalog();
    ConfigurationException refused = assertThrows(ConfigurationException.class, () -> migrator().revert(false));
    assertTrue(refused.getMessage().contains("drop column customer.remark: the column comes back empty"), refused.getMessage());
    assertTrue(refused.getMessage().contains("drop table purchase: the table comes back empty"), refused.getMessage());
    assertTrue(refused.getMessage().contains("--accept-data-loss"), refused.getMessage());
    assertEquals(before, catalog(), "refused before anything ran");
    assertTrue(migrator().status().pending().isEmpty());
  }

  /**
   * Found by RandomEvolutionTest: the reverse of a dropped table that rows of another table referenced
   * made the table again, empty, added the foreign key NOT VALID (committed), then failed to validate it
   * in its next file, leaving the database between two versions. The key now stays NOT VALID, as the
   * header says, and the revert finishes.
   */
  @Test
  void aReferencedTableDroppedAndRevertedLeavesItsForeignKeyNotValidAndFinishes() throws Exception {
    history.version(v1());
    migrator().migrate();
    execute(database, "INSERT INTO customer (email) VALUES ('a@example.com'); INSERT INTO orders VALUES (1, 1, 10.50)");
    Table orders = v1().tables().get(1);
    Table ordersAlone = new Table(ORDERS, orders.columns(), orders.primaryKey(), List.of(), List.of(), List.of(),
        orders.indexes(), Optional.empty());
    List<String> written = history.version(new Schema(List.of(new EnumType(STATUS, List.of("OPEN", "CLOSED"))),
        List.of(ordersAlone)));
    assertTrue(written.stream().noneMatch(name -> name.startsWith("U") && name.contains("validate")),
        "no reverse file validates the key: " + written);
    migrator().migrate();
    List<String> atV2 = catalog();

    ConfigurationException refused = assertThrows(ConfigurationException.class, () -> migrator().revert(false));
    assertTrue(refused.getMessage().contains("foreign key orders_customer_id_fkey on orders stays NOT VALID"),
        refused.getMessage());
    migrator().revert(true);
    assertEquals(0, count(database, "SELECT count(*) FROM customer"), "the table comes back empty");
    assertEquals(1, count(database, "SELECT count(*) FROM orders"), "the referencing rows stay");
    assertEquals(1, count(database, "SELECT count(*) FROM pg_constraint WHERE conname = 'orders_customer_id_fkey'"
        + " AND NOT convalidated"), "the key is back, NOT VALID");
    assertEquals("0001", migrator().status().currentVersion().orElseThrow());

    migrator().migrate();
    assertEquals(atV2, catalog(), "deploys again after the revert");
  }

  /**
   * A dropped column under a unique key comes back holding its default in every row, so the key cannot be
   * made again over two rows. Built CONCURRENTLY after the main file had committed, that failure left the
   * database between two versions (and an invalid index); built in the reverse's transaction, it changes
   * nothing.
   */
  @Test
  void aUniqueColumnDroppedAndRevertedOverRowsFailsChangingNothing() throws Exception {
    Table coded = table(ORDERS, List.of(column("id", "bigint", false, null), column("code", "text", false, "''")), "id",
        List.of(new UniqueConstraint("orders_code_key", List.of("code"))), List.of(), List.of(), List.of(), null);
    history.version(new Schema(List.of(), List.of(coded)));
    migrator().migrate();
    execute(database, "INSERT INTO orders VALUES (1, 'a'), (2, 'b')");
    history.version(new Schema(List.of(), List.of(table(ORDERS, List.of(column("id", "bigint", false, null)), "id",
        List.of(), List.of(), List.of(), List.of(), null))));
    migrator().migrate();
    List<String> atV2 = catalog();

    RuntimeException failed = assertThrows(RuntimeException.class, () -> migrator().revert(true));
    assertTrue(failed.getMessage().contains("orders_code_key"), failed.getMessage());
    assertEquals(atV2, catalog(), "the reverse failed in its transaction, changing nothing");
    assertTrue(migrator().status().pending().isEmpty(), "the history still says applied");

    execute(database, "DELETE FROM orders WHERE id = 2");
    migrator().revert(true);
    assertEquals(1, count(database, "SELECT count(*) FROM orders WHERE code = ''"), "one row: the key is made again");
  }

  @Test
  void revertIsForDevelopmentDatabasesOnly() throws Exception {
    history.version(v1());
    migrator().migrate();
    List<String> before = catalog();
    ConfigurationException production = assertThrows(ConfigurationException.class, () -> migrator("production").revert(false));
    assertTrue(production.getMessage().startsWith("refusing to revert: the environment is 'production'"), production.getMessage());
    ConfigurationException undeclared = assertThrows(ConfigurationException.class, () -> migrator(null).revert(false));
    assertTrue(undeclared.getMessage().contains("no environment is declared"), undeclared.getMessage());
    execute(database, "ALTER DATABASE \"" + database.name() + "\" SET schemacode.environment = 'prod'");
    try {
      ConfigurationException marked = assertThrows(ConfigurationException.class, () -> migrator().revert(false));
      assertTrue(marked.getMessage().contains("the database says it is 'prod'"), marked.getMessage());
    } finally {
      execute(database, "ALTER DATABASE \"" + database.name() + "\" RESET schemacode.environment");
    }
    assertEquals(before, catalog());
  }

  @Test
  void aMigrationWithoutAReverseStopsTheRevertBeforeAnythingRuns() throws Exception {
    history.version(v1());
    String fix = history.handWritten("fix_emails", "UPDATE customer SET email = lower(email);\n");
    history.version(v2());
    migrator().migrate();
    migrator().revert(false); // v2 has one
    MigrationException refused = assertThrows(MigrationException.class, () -> migrator().revert(false));
    assertTrue(refused.getMessage().contains("cannot revert V0002__fix_emails: it has no reverse (a hand-written migration:"
        + " write U0002__fix_emails.sql beside it and build"), refused.getMessage() + " " + fix);

    // the author writes one; recorded in the ledger as the processor records it
    history.write("U0002__fix_emails.sql", "SELECT 1; -- lower case cannot be undone\n");
    history.replaceLedger(history.ledger().withReverse(history.ledger().migrations().get(1).file(),
        new dev.schemacode.model.LedgerEntry.Reverse(history.ledger().migrations().get(1).file(), List.of(
            new dev.schemacode.model.LedgerEntry.ReverseFile(dev.schemacode.model.ReverseFileName.parse("U0002__fix_emails.sql").orElseThrow(),
                dev.schemacode.model.Checksums.ofScript("SELECT 1; -- lower case cannot be undone\n"))))));
    assertEquals(List.of("V0002__fix_emails"), migrator().revert(false).reverted());
  }

  @Test
  void aChangeOfSeveralFilesIsRevertedAsAWholeAndNotFromInsideIt() throws Exception {
    history.version(v1());
    migrator().migrate();
    execute(database, "INSERT INTO customer (email) VALUES ('a@example.com')");
    List<String> files = history.version(v2()); // enum values, main, concurrently, validate
    assertTrue(files.stream().filter(f -> f.startsWith("V")).count() > 2, files.toString());
    migrator().migrate();
    ConfigurationException inside = assertThrows(ConfigurationException.class, () -> migrator().revertTo("2", false));
    assertTrue(inside.getMessage().contains("is inside the change V0002__"), inside.getMessage());
    RevertResult result = migrator().revert(false);
    assertEquals(files.stream().filter(f -> f.startsWith("V")).count(), result.reverted().size());
    assertEquals("0001", result.currentVersion().orElseThrow());
  }
}

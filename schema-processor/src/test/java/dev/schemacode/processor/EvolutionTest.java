package dev.schemacode.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.schemacode.model.Ledger;
import dev.schemacode.model.LedgerCodec;
import dev.schemacode.model.Schema;
import dev.schemacode.model.SchemaDiff;
import dev.schemacode.model.introspect.LiveSchemas;
import dev.schemacode.model.introspect.PostgresIntrospector;
import dev.schemacode.runtime.MigrationSource;
import dev.schemacode.runtime.Migrator;
import dev.schemacode.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One application's schema through thirteen versions that together use every kind of change. Each
 * version is compiled with the processor; its new migrations are applied by the runtime to a real
 * PostgreSQL; the live schema, read back from the catalog, must equal the declared one; and rows
 * written early must survive the renames and widenings that follow.
 */
class EvolutionTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();
  @TempDir Path migrations;

  private static final String IMPORTS = "package shop;\nimport dev.schemacode.annotations.*;\n"
      + "import java.math.BigDecimal;\nimport java.time.Instant;\nimport org.jspecify.annotations.Nullable;\n";

  private static JavaFileObject java(String name, String body) {
    return ProcessorHarness.source("shop." + name, IMPORTS + body);
  }

  // ---- the versions: each is the complete set of sources at that point

  private static final String CUSTOMER_V1 = """
      @Table public class Customer {
        @Id @Identity long id;
        @Column(length = 100) String email;
        @Nullable String name;
      }""";
  private static final String PRODUCT_V1 = """
      @Table public class Product {
        @Id @Identity long id;
        String title;
        @Column(precision = 8, scale = 2) BigDecimal price;
      }""";

  private static List<List<JavaFileObject>> versions() {
    List<List<JavaFileObject>> versions = new ArrayList<>();
    // v1: two tables
    versions.add(List.of(java("Customer", CUSTOMER_V1), java("Product", PRODUCT_V1)));
    // v2: a new table with an enum, a foreign key and an index; a new nullable column
    String status2 = "public enum OrderStatus { NEW, PAID }";
    String order2 = """
        @Table(name = "orders") public class Order {
          @Id @Identity long id;
          @References(value = Customer.class, onDelete = ReferentialAction.CASCADE) long customerId;
          @Index @Default("now()") Instant createdAt;
          @Default("'NEW'") OrderStatus status;
        }""";
    String customer2 = """
        @Table public class Customer {
          @Id @Identity long id;
          @Column(length = 100) String email;
          @Nullable String name;
          @Nullable String phone;
        }""";
    versions.add(List.of(java("Customer", customer2), java("Product", PRODUCT_V1), java("OrderStatus", status2),
        java("Order", order2)));
    // v3: rename a column; widen varchar and numeric without rewrite
    String customer3 = """
        @Table public class Customer {
          @Id @Identity long id;
          @Column(length = 200) String email;
          @RenamedFrom("name") @Nullable String fullName;
          @Nullable String phone;
        }""";
    String product3 = """
        @Table public class Product {
          @Id @Identity long id;
          String title;
          @Column(precision = 10, scale = 2) BigDecimal price;
        }""";
    versions.add(List.of(java("Customer", customer3), java("Product", product3), java("OrderStatus", status2),
        java("Order", order2)));
    // v4: unique and index on existing tables (concurrently), a check (NOT VALID, then validated)
    String customer4 = customer3.replace("@Column(length = 200) String email;", "@Unique @Column(length = 200) String email;");
    String product4 = product3.replace("BigDecimal price;", "@Check(\"price > 0\") BigDecimal price;");
    String order4 = order2.replace("@Default(\"'NEW'\") OrderStatus status;", "@Index @Default(\"'NEW'\") OrderStatus status;");
    versions.add(List.of(java("Customer", customer4), java("Product", product4), java("OrderStatus", status2),
        java("Order", order4)));
    // v5: enum values in position; a required column with a default
    String status5 = "public enum OrderStatus { NEW, PAID, SHIPPED, DELIVERED }";
    String order5 = order4.replace("OrderStatus status;", "OrderStatus status;\n  @Default(\"''\") String note;");
    versions.add(List.of(java("Customer", customer4), java("Product", product4), java("OrderStatus", status5),
        java("Order", order5)));
    // v6: rename a table (its key and check follow); a new table referencing two existing ones
    String article6 = product4.replace("@Table public class Product", "@Table @RenamedFrom(\"product\") public class Article")
        .replace("@Check(\"price > 0\")", "@Check(name = \"product_price_check\", value = \"price > 0\")");
    String line6 = """
        @Table public class OrderLine {
          @Id @Identity long id;
          @References(value = Order.class, onDelete = ReferentialAction.CASCADE) long orderId;
          @References(Article.class) long articleId;
          int quantity;
        }""";
    versions.add(List.of(java("Customer", customer4), java("Article", article6), java("OrderStatus", status5),
        java("Order", order5), java("OrderLine", line6)));
    // v7: NOT NULL on a column that holds NULLs: a hand-written backfill first, then the safe SET NOT NULL
    String customer7 = customer4.replace("@Nullable String phone;", "@Default(\"''\") String phone;");
    versions.add(List.of(java("Customer", customer7), java("Article", article6), java("OrderStatus", status5),
        java("Order", order5), java("OrderLine", line6)));
    // v8: integer to bigint (rewrite), a changed default, comments
    String line8 = line6.replace("int quantity;", "long quantity;");
    String order8 = order5.replace("@Default(\"''\") String note;", "@Default(\"'-'\") @Comment(\"free text\") String note;")
        .replace("@Table(name = \"orders\")", "@Table(name = \"orders\") @Comment(\"What customers bought\")");
    versions.add(List.of(java("Customer", customer7), java("Article", article6), java("OrderStatus", status5),
        java("Order", order8), java("OrderLine", line8)));
    // v9: drop a column (acknowledged), drop an index, change a foreign key's action
    String customer9 = customer7.replace("  @Default(\"''\") String phone;\n", "")
        .replace("@Table public class Customer", "@Table @AcknowledgeDataLoss(\"drop column customer.phone\") public class Customer");
    String order9 = order8.replace("@Index @Default(\"'NEW'\") OrderStatus status;", "@Default(\"'NEW'\") OrderStatus status;");
    String line9 = line8.replace("onDelete = ReferentialAction.CASCADE", "onDelete = ReferentialAction.RESTRICT");
    versions.add(List.of(java("Customer", customer9), java("Article", article6), java("OrderStatus", status5),
        java("Order", order9), java("OrderLine", line9)));
    // v10: rename an enum value in place
    String status10 = "public enum OrderStatus { NEW, PAID, SHIPPED, @RenamedFrom(\"DELIVERED\") COMPLETED }";
    versions.add(List.of(java("Customer", customer9), java("Article", article6), java("OrderStatus", status10),
        java("Order", order9), java("OrderLine", line9)));
    // v11: remove an enum value (acknowledged): the type is rebuilt
    String status11 = "@AcknowledgeDataLoss(\"drop enum value order_status.SHIPPED\") public enum OrderStatus { NEW, PAID, COMPLETED }";
    versions.add(List.of(java("Customer", customer9), java("Article", article6), java("OrderStatus", status11),
        java("Order", order9), java("OrderLine", line9)));
    // v12: a table in a new schema with jsonb and array columns; a composite key replacing a surrogate one
    String audit12 = """
        @Table(schema = "audit") public record AuditEvent(
            @Id @Default("gen_random_uuid()") java.util.UUID id, @Json String payload, String[] tags) {}""";
    String line12 = """
        @Table @AcknowledgeDataLoss("drop column order_line.id") public class OrderLine {
          @Id @References(value = Order.class, onDelete = ReferentialAction.RESTRICT) long orderId;
          @Id @References(Article.class) long articleId;
          long quantity;
        }""";
    versions.add(List.of(java("Customer", customer9), java("Article", article6), java("OrderStatus", status11),
        java("Order", order9), java("OrderLine", line12), java("AuditEvent", audit12)));
    // v13: drop a table whose class is gone (acknowledged on another class)
    String article13 = article6.replace("@Table @RenamedFrom(\"product\") public class Article",
        "@Table @AcknowledgeDataLoss(\"drop table audit.audit_event\") public class Article");
    versions.add(List.of(java("Customer", customer9), java("Article", article13), java("OrderStatus", status11),
        java("Order", order9), java("OrderLine", line12)));
    return versions;
  }

  @Test
  void everyVersionMigratesTheDatabaseToExactlyTheDeclaredSchema() throws Exception {
    List<List<JavaFileObject>> versions = versions();
    Map<Integer, List<String>> filesByVersion = new TreeMap<>();
    for (int v = 1; v <= versions.size(); v++) {
      List<String> before = List.copyOf(ProcessorHarness.snapshot(migrations).keySet());
      if (v == 7) {
        // The column about to become NOT NULL holds NULLs: a person writes the backfill first.
        long next = ledger().nextSequence();
        Files.writeString(migrations.resolve(String.format("V%04d__backfill_customer_phone.sql", next)),
            "UPDATE customer SET phone = '' WHERE phone IS NULL;\n");
      }
      Compilation compilation = ProcessorHarness.compile(migrations, versions.get(v - 1).toArray(JavaFileObject[]::new));
      assertThat(compilation).succeeded();
      List<String> added = new ArrayList<>(ProcessorHarness.snapshot(migrations).keySet());
      added.removeAll(before);
      added.remove(Ledger.FILE_NAME);
      filesByVersion.put(v, added);
      assertTrue(!added.isEmpty(), "version " + v + " wrote no migration");

      Migrator.builder().dataSource(database.dataSource()).migrations(MigrationSource.directory(migrations)).build()
          .migrate();
      Schema declared = ledger().schema();
      Schema live;
      try (Connection connection = database.connect()) {
        live = new PostgresIntrospector(connection, Migrator.runtimeTables(Migrator.DEFAULT_HISTORY_TABLE)).read(declared.schemaNames());
      }
      SchemaDiff drift = LiveSchemas.drift(live, declared);
      assertTrue(drift.isEmpty(), "version " + v + " (" + added + "): the live schema differs from the declared one: "
          + drift.changes().stream().map(c -> c.describe()).toList());
      afterVersion(v);
    }
    keepForReview();
    // the safe forms really were split into files that commit separately
    assertTrue(filesByVersion.get(4).stream().anyMatch(f -> f.endsWith("_concurrently.sql")), filesByVersion.get(4).toString());
    assertTrue(filesByVersion.get(4).stream().anyMatch(f -> f.endsWith("_validate.sql")), filesByVersion.get(4).toString());
    assertTrue(filesByVersion.get(5).stream().anyMatch(f -> f.endsWith("_enum_values.sql")), filesByVersion.get(5).toString());
    assertTrue(filesByVersion.get(7).stream().anyMatch(f -> f.contains("backfill_customer_phone")), filesByVersion.get(7).toString());
    assertEquals(dev.schemacode.model.LedgerEntry.Origin.HAND_WRITTEN, ledger().migrations().stream()
        .filter(e -> e.file().slug().equals("backfill_customer_phone")).findFirst().orElseThrow().origin());
    assertTrue(ledger().brokenChain().isEmpty());
  }

  /** The generated history, left in target/ for people to read what the generator wrote. */
  private void keepForReview() throws java.io.IOException {
    Path copy = Path.of("target", "evolution-migrations");
    Files.createDirectories(copy);
    for (Map.Entry<String, String> file : ProcessorHarness.snapshot(migrations).entrySet()) {
      Files.writeString(copy.resolve(file.getKey()), file.getValue());
    }
  }

  /** Data written early must still be there, correctly renamed and widened. */
  private void afterVersion(int version) throws SQLException {
    switch (version) {
      case 2 -> execute("INSERT INTO customer (email, name) VALUES ('ada@example.com', 'Ada Lovelace');"
          + "INSERT INTO product (title, price) VALUES ('Engine', 123456.78);"
          + "INSERT INTO orders (customer_id) VALUES (1)");
      case 3 -> {
        assertEquals("Ada Lovelace", single("SELECT full_name FROM customer"));
        assertEquals("123456.78", single("SELECT price FROM product"));
        execute("UPDATE product SET price = 12345678.90");
      }
      case 6 -> {
        assertEquals("Engine", single("SELECT title FROM article"));
        execute("INSERT INTO order_line (order_id, article_id, quantity) VALUES (1, 1, 2)");
      }
      case 7 -> assertEquals("", single("SELECT phone FROM customer"));
      case 8 -> execute("UPDATE order_line SET quantity = 3000000000");
      case 10 -> assertEquals("NEW", single("SELECT status::text FROM orders"));
      case 11 -> execute("UPDATE orders SET status = 'COMPLETED'");
      case 12 -> assertEquals("3000000000", single("SELECT quantity FROM order_line"));
      case 13 -> {
        assertEquals("Ada Lovelace", single("SELECT full_name FROM customer"));
        assertEquals("COMPLETED", single("SELECT status::text FROM orders"));
      }
      default -> { }
    }
  }

  private Ledger ledger() throws Exception {
    Path file = migrations.resolve(Ledger.FILE_NAME);
    return Files.exists(file) ? LedgerCodec.read(Files.readString(file), file.toString()) : Ledger.EMPTY;
  }

  private static void execute(String sql) throws SQLException {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static String single(String sql) throws SQLException {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getString(1);
    }
  }
}

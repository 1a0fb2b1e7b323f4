package dev.schemacode.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.schemacode.example.jooq.Public;
import dev.schemacode.model.Ledger;
import dev.schemacode.model.LedgerCodec;
import dev.schemacode.testing.TestDatabase;
import dev.schemacode.testkit.SchemaAssertions;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jooq.DDLExportConfiguration;
import org.jooq.DDLFlag;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What {@code DSLContext.ddl()} makes of the metamodel, run on an empty database, is the schema the
 * migrations declare (compared by schemacode's own differ, which sees more than jOOQ's {@code Meta}:
 * referential actions, type modifiers, default spellings), but for listed differences
 * (docs/jooq.md, "Defaults and checks").
 */
class JooqDdlTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();

  /**
   * jOOQ writes the precision it carries ({@code timestamp(6)}, PostgreSQL's own for a {@code timestamptz}
   * declared without one: the same values, another type modifier) and {@code now()} as
   * {@code current_timestamp} (as its {@code Meta} reads it back; on 3.21 cast to {@code timestamp}).
   */
  static final List<String> DIFFERENCES = List.of(
      "change type of customer.created_at from timestamptz(6) to timestamptz",
      "change type of funding_coverage.collected_at from timestamptz(6) to timestamptz",
      "change type of funding_coverage.created_at from timestamptz(6) to timestamptz",
      "change type of payment.created_at from timestamptz(6) to timestamptz",
      "set default of funding_coverage.created_at to now()");
  /** jOOQ 3.19 has no place for a foreign key's {@code ON DELETE} rule, so both keys lose their {@code CASCADE}. */
  static final List<String> NO_RULES_3_19 = List.of(
      "add foreign key funding_coverage_customer_id_fkey on funding_coverage (customer_id) referencing customer (validated separately)",
      "add foreign key payment_customer_id_fkey on payment (customer_id) referencing customer (validated separately)",
      "drop foreign key funding_coverage_customer_id_fkey on funding_coverage",
      "drop foreign key payment_customer_id_fkey on payment",
      "validate funding_coverage_customer_id_fkey on funding_coverage",
      "validate payment_customer_id_fkey on payment");

  @Test
  void jooqsDdlOfTheMetamodelBuildsTheDeclaredSchemaButForListedDifferences() throws Exception {
    DSLContext db = DSL.using(database.dataSource(), SQLDialect.POSTGRES);
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      // jOOQ 3.19 exports no enum types; the type comes from the migrations as it is
      statement.execute("CREATE TYPE collection_status AS ENUM ('PENDING', 'COLLECTED', 'WRITTEN_OFF')");
    }
    for (Query query : db.ddl(Public.PUBLIC, new DDLExportConfiguration().flags(DDLFlag.TABLE, DDLFlag.PRIMARY_KEY,
        DDLFlag.UNIQUE, DDLFlag.FOREIGN_KEY, DDLFlag.CHECK, DDLFlag.INDEX, DDLFlag.COMMENT)).queries()) {
      db.execute(query.getSQL(ParamType.INLINED));
    }

    Ledger ledger;
    try (InputStream in = JooqDdlTest.class.getResourceAsStream("/db/migration/" + Ledger.FILE_NAME)) {
      ledger = LedgerCodec.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), Ledger.FILE_NAME);
    }
    List<String> found;
    try (Connection connection = database.connect()) {
      found = SchemaAssertions.differences(connection, ledger.schema(), Set.of(), SchemaAssertions.RUNTIME_TABLES).stream()
          .map(difference -> difference.replaceFirst(" {4}-- to reconcile: .*", "")).sorted().toList();
    }
    boolean rules = hasForeignKeyRules();
    List<String> expected = Stream.concat(DIFFERENCES.stream(), rules ? Stream.empty() : NO_RULES_3_19.stream()).sorted().toList();
    assertEquals(String.join("\n", expected), String.join("\n", found));
  }

  /** Whether the jOOQ on the class path keeps referential actions (3.20+). */
  private static boolean hasForeignKeyRules() {
    try {
      Class.forName("org.jooq.impl.QOM$ForeignKeyRule");
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}

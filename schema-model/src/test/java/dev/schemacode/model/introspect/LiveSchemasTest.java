package dev.schemacode.model.introspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemacode.model.CheckConstraint;
import dev.schemacode.model.Column;
import dev.schemacode.model.Index;
import dev.schemacode.model.PrimaryKey;
import dev.schemacode.model.QualifiedName;
import dev.schemacode.model.Schema;
import dev.schemacode.model.SchemaChange;
import dev.schemacode.model.Table;
import dev.schemacode.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A table created with a check, a default or a partial index as declared, read back from the catalog
 * and compared with the declaration: expressions PostgreSQL rewrites must still match (the server
 * prints the declared one for comparison), and a really different one must not. Rows marked
 * "evolution" are minimal counterexamples of the randomized evolution test.
 */
class LiveSchemasTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();
  private static final QualifiedName T = QualifiedName.of("t");

  @ParameterizedTest(name = "{0} {1}: declared ''{2}'', created ''{3}''")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "check     | evolution: a date literal against a timestamptz | ts > '1990-01-01'           | ts > '1990-01-01'              | true",
      "check     | date literal against a timestamp                | lts > '1990-01-01'          | lts > '1990-01-01'             | true",
      "check     | IN list, rewritten to = ANY (ARRAY[…])          | code IN ('EUR', 'USD')      | code IN ('EUR', 'USD')         | true",
      "check     | NOT IN on a varchar                             | code NOT IN ('x', 'y')      | code NOT IN ('x', 'y')         | true",
      "check     | BETWEEN, rewritten to two comparisons           | n BETWEEN -5 AND 10         | n BETWEEN -5 AND 10            | true",
      "check     | negative constant, quoted by the catalog        | n > -100                    | n > -100                       | true",
      "check     | really different                                | n > 0                       | n >= 0                         | false",
      "check     | really different list                           | code IN ('EUR', 'USD')      | code IN ('EUR', 'GBP')         | false",
      "default   | date literal on a timestamptz                   | '2000-01-01'                | '2000-01-01'                   | true",
      "default   | negative numeric                                | -2.25                       | -2.25                          | true",
      "default   | really different                                | 1                           | 2                              | false",
      "predicate | IN list                                         | code IN ('EUR', 'USD')      | code IN ('EUR', 'USD')         | true",
      "predicate | timestamp literal                               | ts > '2000-01-01'           | ts > '2000-01-01'              | true",
      "predicate | really different                                | n > 1                       | n > 2                          | false",
  })
  void aDeclaredExpressionMatchesWhatTheCatalogMadeOfIt(String kind, String why, String declared, String created,
      boolean same) throws SQLException {
    Column n = Column.optional("n", kind.equals("default") ? "numeric" : "integer");
    List<Column> columns = List.of(Column.required("id", "bigint"), n, Column.optional("code", "varchar(3)"),
        Column.optional("ts", "timestamptz"), Column.optional("lts", "timestamp"));
    String defaultColumn = created.startsWith("'") ? "ts" : "n";
    Table table = new Table(T, columns.stream().map(c -> kind.equals("default") && c.name().equals(defaultColumn)
            ? c.withDefault(declared) : c).toList(),
        Optional.of(PrimaryKey.defaultFor("t", List.of("id"))), List.of(),
        List.of(), kind.equals("check") ? List.of(new CheckConstraint("t_check", declared)) : List.of(),
        kind.equals("predicate") ? List.of(new Index("t_idx", List.of("n"), false, "btree", Optional.of(declared))) : List.of(),
        Optional.empty());
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS t; CREATE TABLE t (id bigint NOT NULL, n " + n.type()
          + ", code varchar(3), ts timestamptz, lts timestamp, CONSTRAINT t_pkey PRIMARY KEY (id))");
      switch (kind) {
        case "check" -> statement.execute("ALTER TABLE t ADD CONSTRAINT t_check CHECK (" + created + ")");
        case "default" -> statement.execute("ALTER TABLE t ALTER COLUMN " + defaultColumn + " SET DEFAULT " + created);
        default -> statement.execute("CREATE INDEX t_idx ON t (n) WHERE " + created);
      }
      PostgresIntrospector introspector = new PostgresIntrospector(connection, Set.of());
      Schema live = introspector.read(Set.of());
      List<String> drift = LiveSchemas.drift(live, new Schema(List.of(table)), introspector.deparser()).changes().stream()
          .map(SchemaChange::describe).toList();
      assertEquals(same, drift.isEmpty(), why + ": " + drift);
      assertTrue(connection.getAutoCommit(), "the probe hands the connection back as it was");
      assertEquals(List.of(), live.tables().stream().filter(x -> !x.name().equals(T)).toList(), "no probe table is left");
    }
  }
}

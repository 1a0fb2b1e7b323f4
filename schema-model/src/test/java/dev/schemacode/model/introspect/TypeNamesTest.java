package dev.schemacode.model.introspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.schemacode.model.Column;
import dev.schemacode.model.QualifiedName;
import dev.schemacode.model.Schema;
import dev.schemacode.model.Table;
import dev.schemacode.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every spelling of a type that a declaration can hold, against what the running server prints for
 * a column of that type ({@code format_type}): both have one canonical form. The server's spelling
 * is read, not written down here, so the test checks whichever PostgreSQL runs it (CI runs it on
 * 15 and 18).
 */
class TypeNamesTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();

  /** declared spelling | canonical form. */
  private static final String[][] TYPES = {
      {"timestamptz(6)", "timestamptz(6)"},
      {"TIMESTAMPTZ(6)", "timestamptz(6)"},
      {"timestamp(6) with time zone", "timestamptz(6)"},
      {"timestamp (3) without time zone", "timestamp(3)"},
      {"timestamp(0) with time zone", "timestamptz(0)"},
      {"timestamp", "timestamp"},
      {"timestamptz", "timestamptz"},
      {"timestamptz[]", "timestamptz[]"},
      {"time(3) without time zone", "time(3)"},
      {"time(0)", "time(0)"},
      {"time", "time"},
      {"timetz(2)", "timetz(2)"},
      {"time with time zone", "timetz"},
      {"bit varying(8)", "varbit(8)"},
      {"varbit", "varbit"},
      {"bit", "bit(1)"},
      {"bit(4)", "bit(4)"},
      {"varbit(3)[]", "varbit(3)[]"},
      {"character varying(20)[]", "varchar(20)[]"},
      {"varchar(20) ARRAY", "varchar(20)[]"},
      {"VARCHAR ( 20 )", "varchar(20)"},
      {"char varying(4)", "varchar(4)"},
      {"national character varying(3)", "varchar(3)"},
      {"varchar", "varchar"},
      {"text", "text"},
      {"text[]", "text[]"},
      {"char", "char(1)"},
      {"character(5)", "char(5)"},
      {"nchar(2)", "char(2)"},
      {"bpchar", "bpchar"},
      {"\"char\"", "\"char\""},
      {"interval", "interval"},
      {"interval(3)", "interval(3)"},
      {"interval day to second(3)", "interval day to second(3)"},
      {"INTERVAL YEAR TO MONTH", "interval year to month"},
      {"interval second(2)", "interval second(2)"},
      {"interval minute", "interval minute"},
      {"numeric", "numeric"},
      {"numeric(10,2)[]", "numeric(10,2)[]"},
      {"numeric(10, 2)", "numeric(10,2)"},
      {"numeric(10)", "numeric(10,0)"},
      {"decimal(5,1)", "numeric(5,1)"},
      {"dec", "numeric"},
      {"float(10)", "real"},
      {"float(30)", "double precision"},
      {"float", "double precision"},
      {"float4", "real"},
      {"float8", "double precision"},
      {"real", "real"},
      {"double precision", "double precision"},
      {"double precision[]", "double precision[]"},
      {"int", "integer"},
      {"INT4", "integer"},
      {"pg_catalog.int4", "integer"},
      {"integer[][]", "integer[]"},
      {"int ARRAY[3]", "integer[]"},
      {"smallint", "smallint"},
      {"int2", "smallint"},
      {"bigint", "bigint"},
      {"int8[]", "bigint[]"},
      {"boolean", "boolean"},
      {"bool", "boolean"},
      {"uuid", "uuid"},
      {"uuid[]", "uuid[]"},
      {"jsonb", "jsonb"},
      {"json", "json"},
      {"bytea", "bytea"},
      {"date", "date"},
      {"inet", "inet"},
      {"money", "money"},
      {"xml", "xml"},
      {"tsvector", "tsvector"},
      {"mood", "mood"},
      {"MOOD[]", "mood[]"},
      {"\"Mood\"", "\"Mood\""},
      {"\"Mood\"[]", "\"Mood\"[]"},
      {"\"user\"", "\"user\""},
      {"billing.status", "billing.status"},
      {"BILLING.STATUS[]", "billing.status[]"},
      {"\"billing\".\"status\"", "billing.status"},
      {"positive", "positive"},
      {"billing.amount", "billing.amount"},
  };

  @BeforeAll
  static void createTypes() throws SQLException {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA billing;"
          + " CREATE TYPE mood AS ENUM ('OK'); CREATE TYPE \"Mood\" AS ENUM ('OK'); CREATE TYPE \"user\" AS ENUM ('OK');"
          + " CREATE TYPE billing.status AS ENUM ('OPEN');"
          + " CREATE DOMAIN positive AS integer CHECK (VALUE > 0);"
          + " CREATE DOMAIN billing.amount AS numeric(12,2) CHECK (VALUE >= 0)");
    }
  }

  @Test
  void everyDeclaredSpellingHasTheCanonicalFormOfWhatTheServerPrints() throws SQLException {
    assertEquals(List.of(), mismatches("public"), "declared → canonical, against the server's format_type");
  }

  @Test
  void aTypeOfAnotherSchemaOnTheSearchPathIsStillQualified() throws SQLException {
    assertEquals(List.of(), mismatches("public, billing"), "with billing on the search_path");
  }

  /** Creates a column of every type, reads it back, and lists every spelling whose forms differ. */
  private static List<String> mismatches(String searchPath) throws SQLException {
    List<String> wrong = new ArrayList<>();
    Map<String, String> declared = new LinkedHashMap<>();
    StringBuilder create = new StringBuilder("DROP TABLE IF EXISTS t; CREATE TABLE t (");
    for (int i = 0; i < TYPES.length; i++) {
      String column = "c" + i;
      declared.put(column, TYPES[i][0]);
      create.append(i == 0 ? "" : ", ").append(column).append(' ').append(TYPES[i][0]);
      String canonical = TypeNames.canonical(TYPES[i][0]);
      if (!canonical.equals(TYPES[i][1])) {
        wrong.add(TYPES[i][0] + ": canonical " + canonical + ", expected " + TYPES[i][1]);
      }
      if (!TypeNames.canonical(canonical).equals(canonical)) {
        wrong.add(TYPES[i][0] + ": canonical form " + canonical + " is not canonical");
      }
    }
    create.append(")");
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute("SET search_path = " + searchPath);
      statement.execute(create.toString());
      Map<String, String> printed = new LinkedHashMap<>();
      try (ResultSet rows = statement.executeQuery("SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute"
          + " WHERE attrelid = 'public.t'::regclass AND attnum > 0 ORDER BY attnum")) {
        while (rows.next()) {
          printed.put(rows.getString(1), rows.getString(2));
        }
      }
      Table live = new PostgresIntrospector(connection, Set.of()).read(Set.of("billing")).table(QualifiedName.of("t"))
          .orElseThrow();
      for (Column column : live.columns()) {
        String spelling = declared.get(column.name());
        if (!column.type().equals(TypeNames.canonical(spelling))) {
          wrong.add(spelling + ": server prints " + printed.get(column.name()) + ", read as " + column.type()
              + ", declared canonical " + TypeNames.canonical(spelling));
        }
      }
      // and the drift check agrees: a declaration in any of these spellings matches the table
      Table declaredTable = new Table(QualifiedName.of("t"), declared.entrySet().stream()
          .map(e -> Column.optional(e.getKey(), e.getValue())).toList(), Optional.empty(), List.of(), List.of(),
          List.of(), List.of(), Optional.empty());
      Schema liveSchema = new Schema(List.of(), List.of(live));
      LiveSchemas.drift(liveSchema, new Schema(List.of(), List.of(declaredTable))).changes()
          .forEach(change -> wrong.add("drift: " + change.describe()));
    }
    return wrong;
  }

  @ParameterizedTest(name = "{0} ≠ {1}")
  @CsvSource(delimiter = '|', value = {
      "timestamptz(6) | timestamptz",
      "timestamp(6)   | timestamptz(6)",
      "varchar(20)    | varchar(21)",
      "varchar(20)[]  | varchar(20)",
      "numeric(10,2)  | numeric(10,3)",
      "numeric        | numeric(10,0)",
      "char           | \"char\"",
      "bpchar         | char(1)",
      "bit            | varbit",
      "interval       | interval second",
      "\"Mood\"       | mood",
      "billing.status | status",
      "float(24)      | float(25)",
  })
  void differentTypesStayDifferent(String first, String second) {
    assertNotEquals(TypeNames.canonical(first), TypeNames.canonical(second));
  }

  @ParameterizedTest
  @ValueSource(strings = {"geometry(Point, 4326)", "vector(3)", "not a ( type", "a.b.c.d("})
  void whatDoesNotParseOrIsUnknownComparesAsWritten(String type) {
    assertEquals(TypeNames.canonical(type), TypeNames.canonical("  " + type.replace(" ", "  ") + " "));
  }
}

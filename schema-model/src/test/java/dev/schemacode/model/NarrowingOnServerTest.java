package dev.schemacode.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemacode.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Narrowings as generated, run on the real server: with rows that fit, the change goes through and
 * every value is what it was; with rows that do not, the migration fails before the rewrite, naming
 * the table, the column and how many rows (or, where PostgreSQL parses, with its own error), and
 * leaves type and data as they were. Without the check PostgreSQL would cut or round every one of the
 * "does not fit" values below without a word.
 */
class NarrowingOnServerTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();
  private static final QualifiedName T = QualifiedName.of("t");
  private static final EnumType MOOD = new EnumType(QualifiedName.of("mood"), List.of("happy", "sad"));

  @ParameterizedTest(name = "{0} → {1}: fits [{2}], does not fit [{3}]")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "varchar(200)     | varchar(50)      | abc;                       | " + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx;yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy | 2 rows",
      "text             | char(2)          | ab;x                       | abc                              | 1 rows",
      "integer          | varchar(5)       | 12345;-1234                | 123456                           | 1 rows",
      "numeric(10,2)    | numeric(10,1)    | 1.5;-2.30                  | 1.25;0.01                        | 2 rows",
      "numeric(10,2)    | numeric(4,2)     | 12.34                      | 123.45                           | 1 rows",
      "numeric          | numeric(6,2)     | 1.5;NaN                    | 1.005                            | 1 rows",
      "numeric(10,2)    | integer          | 3.00;-7                    | 2.5                              | 1 rows",
      "numeric          | smallint         | 32767                      | 32768                            | 1 rows",
      "bigint           | integer          | 2147483647                 | 3000000000;-3000000000           | 2 rows",
      "double precision | real             | 0.5;0.1;1e30               | 0.123456789                      | 1 rows",
      "double precision | real             | 0.5                        | 1e300                            | a value does not convert",
      "double precision | bigint           | 42                         | 1.5                              | 1 rows",
      "numeric          | double precision | 0.1;12345.678              | 0.12345678901234567890           | 1 rows",
      "bigint           | double precision | 9007199254740992           | 9007199254740993                 | 1 rows",
      "timestamp(6)     | timestamp(0)     | 2020-01-01 10:00:00        | 2020-01-01 10:00:00.5            | 1 rows",
      "timestamptz      | date             | 2020-01-01 00:00:00+00     | 2020-01-01 10:00:00+00           | 1 rows",
      "timestamptz      | timestamp        | 2020-06-01 12:00:00+00     | \"\"                             | 0",
      "time(6)          | time(2)          | 10:00:00.25                | 10:00:00.125                     | 1 rows",
      "interval         | interval day     | 3 days;-1 days             | 3 days 04:00:00                  | 1 rows",
      "interval         | interval(0)      | 00:00:01                   | 00:00:01.5                       | 1 rows",
      "varbit(8)        | varbit(4)        | 1010                       | 10101                            | 1 rows",
      "varbit(8)        | bit(4)           | 1010                       | 101                              | 1 rows",
      "text             | mood             | happy;sad                  | angry;bored;angry                | 3 rows",
      "bigint[]         | integer[]        | {1,2};{}                   | {1,3000000000}                   | 1 rows",
      "text[]           | varchar(3)[]     | {abc,de}                   | {abcd}                           | 1 rows",
      "text             | integer          | 42;-1                      | abc                              | invalid input syntax",
      "text             | uuid             | 00000000-0000-0000-0000-000000000001 | x                  | invalid input syntax",
  })
  void aNarrowingKeepsEveryValueOrFailsChangingNothing(String from, String to, String fits, String misfits,
      String failure) throws SQLException {
    List<String> fitting = values(fits);
    assertEquals(List.of(), apply(from, to, fitting), "values that fit come through unchanged");
    List<String> all = new ArrayList<>(fitting);
    all.addAll(values(misfits));
    if (failure.equals("0")) {
      return; // every value converts
    }
    SQLException error = assertThrows(SQLException.class, () -> apply(from, to, all));
    if (!failure.contains("invalid input")) {
      assertTrue(error.getMessage().contains("cannot change t.c from " + from + " to " + to + ": " + failure),
          error.getMessage());
    } else {
      assertTrue(error.getMessage().contains(failure), error.getMessage());
    }
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      assertEquals(from, printed(statement, from), "the type is as it was");
      assertEquals(List.of(), changed(statement, from), "the data is as it was");
    }
  }

  /**
   * A column moving from one enum type to another (Hoppscotch renamed its type TeamMemberRole to
   * TeamAccessRole): PostgreSQL has no cast between two enum types, so the conversion goes through the
   * labels' text; a label the new type lacks fails the check before the rewrite.
   */
  @org.junit.jupiter.api.Test
  void anEnumColumnMovesToAnotherEnumTypeByItsLabels() throws SQLException {
    EnumType role = new EnumType(QualifiedName.of("role"), List.of("owner", "viewer", "editor"));
    EnumType access = new EnumType(QualifiedName.of("access"), List.of("owner", "viewer"));
    Schema before = new Schema(List.of(role), List.of(new Table(T, List.of(Column.optional("c", "role"),
        Column.optional("a", "role[]")), Optional.empty())));
    Schema after = new Schema(List.of(access), List.of(new Table(T, List.of(Column.optional("c", "access"),
        Column.optional("a", "access[]")), Optional.empty())));
    List<SchemaChange> changes = SchemaDiff.between(before, after).changes();
    String sql = changes.stream().map(PostgresRenderer::render).collect(java.util.stream.Collectors.joining());
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS t; DROP TYPE IF EXISTS role; DROP TYPE IF EXISTS access;"
          + " CREATE TYPE role AS ENUM ('owner', 'viewer', 'editor'); CREATE TABLE t (c role, a role[]);"
          + " INSERT INTO t VALUES ('owner', '{owner,viewer}'), ('viewer', '{}'), (NULL, NULL)");
      connection.setAutoCommit(false);
      statement.execute(sql);
      connection.commit();
      connection.setAutoCommit(true);
      List<String> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery(
          "SELECT pg_typeof(c)::text || ' ' || coalesce(c::text, 'NULL') || ' ' || coalesce(a::text, 'NULL') FROM t ORDER BY c")) {
        while (result.next()) {
          rows.add(result.getString(1));
        }
      }
      assertEquals(List.of("access owner {owner,viewer}", "access viewer {}", "access NULL NULL"), rows);

      statement.execute("DROP TABLE t; DROP TYPE access; CREATE TYPE role AS ENUM ('owner', 'viewer', 'editor');"
          + " CREATE TABLE t (c role, a role[]); INSERT INTO t VALUES ('editor', '{}')");
      connection.setAutoCommit(false);
      SQLException error = assertThrows(SQLException.class, () -> statement.execute(sql));
      connection.rollback();
      connection.setAutoCommit(true);
      assertTrue(error.getMessage().contains("cannot change t.c from role to access: 1 rows"), error.getMessage());
      try (ResultSet result = statement.executeQuery("SELECT c::text FROM t")) {
        result.next();
        assertEquals("editor", result.getString(1), "the data is as it was");
      }
    }
  }

  private static List<String> values(String list) {
    return list.isBlank() ? List.of() : Arrays.stream(list.split(";")).map(String::strip).toList();
  }

  /**
   * Creates {@code t} with the values in {@code c} and a copy in {@code o}, changes {@code c} as
   * generated, in one transaction, and lists the rows where {@code c} no longer equals the copy.
   */
  private static List<String> apply(String from, String to, List<String> values) throws SQLException {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute("SET TimeZone = 'UTC'; DROP TABLE IF EXISTS t; DROP TYPE IF EXISTS mood;"
          + " CREATE TYPE mood AS ENUM ('happy', 'sad'); CREATE TABLE t (id serial, c " + from + ", o " + from + ")");
      for (String value : values) {
        statement.execute("INSERT INTO t (c, o) VALUES (" + literal(value) + ", " + literal(value) + ")");
      }
      SchemaDiff diff = SchemaDiff.between(schema(from), schema(to));
      assertEquals(1, diff.changes().size(), diff.changes().toString());
      connection.setAutoCommit(false);
      try {
        statement.execute(PostgresRenderer.render(diff.changes().get(0)));
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
      assertEquals(TypeChange.Shape.of(to), TypeChange.Shape.of(printed(statement, to)));
      return changed(statement, from);
    }
  }

  private static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  private static Schema schema(String type) {
    Table table = new Table(T, List.of(Column.optional("c", type)), Optional.empty());
    return new Schema(List.of(MOOD), List.of(table));
  }

  private static String printed(Statement statement, String declared) throws SQLException {
    try (ResultSet rows = statement.executeQuery("SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
        + " WHERE attrelid = 't'::regclass AND attname = 'c'")) {
      rows.next();
      String type = rows.getString(1);
      return dev.schemacode.model.introspect.TypeNames.same(type, declared) ? declared : type;
    }
  }

  /**
   * Rows whose value changed: compared in the column's old type (the copy's), numbers by their
   * decimal value ({@code real} 0.1 is the nearest float to 0.1, and prints as 0.1).
   */
  private static List<String> changed(Statement statement, String from) throws SQLException {
    boolean number = TypeChange.Shape.of(from).isNumber() && !TypeChange.Shape.of(from).array();
    String same = number ? "c::text::numeric IS NOT DISTINCT FROM o::text::numeric" : "c::" + from + " IS NOT DISTINCT FROM o";
    List<String> changed = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery("SELECT o::text, c::text FROM t WHERE NOT (" + same + ") ORDER BY id")) {
      while (rows.next()) {
        changed.add(rows.getString(1) + " became " + rows.getString(2));
      }
    }
    return changed;
  }
}

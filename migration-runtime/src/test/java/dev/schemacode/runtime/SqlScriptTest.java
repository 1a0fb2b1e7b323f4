package dev.schemacode.runtime;

import dev.schemacode.runtime.internal.SqlScript;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SqlScriptTest {
  static Stream<Arguments> scripts() {
    return Stream.of(
        Arguments.of("two statements with a header comment",
            "-- header; not a statement\nCREATE TABLE a (id int);\n\nINSERT INTO a VALUES (1);\n",
            List.of(new SqlScript.Statement("CREATE TABLE a (id int)", 2), new SqlScript.Statement("INSERT INTO a VALUES (1)", 4))),
        Arguments.of("semicolons inside strings, identifiers and comments",
            "INSERT INTO \"we;ird\" VALUES ('a;b', 'it''s; fine') /* x; y /* nested; */ z */;\nSELECT 1",
            List.of(new SqlScript.Statement("INSERT INTO \"we;ird\" VALUES ('a;b', 'it''s; fine') /* x; y /* nested; */ z */", 1),
                new SqlScript.Statement("SELECT 1", 2))),
        Arguments.of("escape strings",
            "SELECT E'\\';still string';\nSELECT 2;",
            List.of(new SqlScript.Statement("SELECT E'\\';still string'", 1), new SqlScript.Statement("SELECT 2", 2))),
        Arguments.of("dollar-quoted function bodies",
            "CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END; $body$ LANGUAGE plpgsql;\nDO $$ BEGIN PERFORM 1; END $$;",
            List.of(new SqlScript.Statement("CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END; $body$ LANGUAGE plpgsql", 1),
                new SqlScript.Statement("DO $$ BEGIN PERFORM 1; END $$", 2))),
        Arguments.of("positional parameters are not dollar quotes",
            "PREPARE p AS SELECT $1; EXECUTE p(1);",
            List.of(new SqlScript.Statement("PREPARE p AS SELECT $1", 1), new SqlScript.Statement("EXECUTE p(1)", 1))),
        Arguments.of("only comments and blanks",
            "-- nothing here\n\n/* nor here */\n",
            List.of()),
        // From PostgreSQL's regression tests (create_function_sql.sql, PostgreSQL 14+): SQL-standard bodies.
        Arguments.of("BEGIN ATOMIC body with several statements",
            "CREATE FUNCTION functest_S_13() RETURNS boolean\n    BEGIN ATOMIC\n        SELECT 1;\n        SELECT false;\n    END;\nSELECT 2;",
            List.of(new SqlScript.Statement("CREATE FUNCTION functest_S_13() RETURNS boolean\n    BEGIN ATOMIC\n        SELECT 1;\n"
                + "        SELECT false;\n    END", 1), new SqlScript.Statement("SELECT 2", 6))),
        Arguments.of("BEGIN ATOMIC body with empty statements",
            "CREATE FUNCTION functest_S_3a() RETURNS boolean\n    BEGIN ATOMIC\n        ;;RETURN false;;\n    END;",
            List.of(new SqlScript.Statement("CREATE FUNCTION functest_S_3a() RETURNS boolean\n    BEGIN ATOMIC\n        ;;RETURN false;;\n    END", 1))),
        Arguments.of("CASE … END inside a BEGIN ATOMIC body",
            "CREATE OR REPLACE FUNCTION functest_S_15(x int) RETURNS boolean\nLANGUAGE sql\nBEGIN ATOMIC\n"
                + "    select case when x % 2 = 0 then true else false end;\nEND;\nselect 1;",
            List.of(new SqlScript.Statement("CREATE OR REPLACE FUNCTION functest_S_15(x int) RETURNS boolean\nLANGUAGE sql\nBEGIN ATOMIC\n"
                + "    select case when x % 2 = 0 then true else false end;\nEND", 1), new SqlScript.Statement("select 1", 6))),
        Arguments.of("a procedure body, and a parameter named begin",
            "CREATE PROCEDURE ptest1s(begin text)\nLANGUAGE SQL\nBEGIN ATOMIC\n  INSERT INTO cp_test VALUES (1, begin);\nEND;\nCALL ptest1s('x');",
            List.of(new SqlScript.Statement("CREATE PROCEDURE ptest1s(begin text)\nLANGUAGE SQL\nBEGIN ATOMIC\n  INSERT INTO cp_test VALUES (1, begin);\nEND", 1),
                new SqlScript.Statement("CALL ptest1s('x')", 6))),
        Arguments.of("BEGIN and END outside a function body are statements",
            "BEGIN;\nSELECT 1;\nEND;\nSELECT case when true then 1 end;",
            List.of(new SqlScript.Statement("BEGIN", 1), new SqlScript.Statement("SELECT 1", 2), new SqlScript.Statement("END", 3),
                new SqlScript.Statement("SELECT case when true then 1 end", 4))),
        // From rules.sql: a rule with several actions in parentheses.
        Arguments.of("CREATE RULE … DO ALSO (…; …)",
            "create rule r3 as on delete to rules_src do also\n  (insert into rules_log values (old.*, 'old', default);"
                + " insert into rules_log values (old.*, 'old2', default));\nselect 1;",
            List.of(new SqlScript.Statement("create rule r3 as on delete to rules_src do also\n  (insert into rules_log values (old.*, 'old', default);"
                + " insert into rules_log values (old.*, 'old2', default))", 1), new SqlScript.Statement("select 1", 3))),
        Arguments.of("identifiers with dollars and keywords in quotes",
            "CREATE FUNCTION \"begin\"() RETURNS int AS 'select 1' LANGUAGE sql; SELECT a$b, 'end' FROM t;",
            List.of(new SqlScript.Statement("CREATE FUNCTION \"begin\"() RETURNS int AS 'select 1' LANGUAGE sql", 1),
                new SqlScript.Statement("SELECT a$b, 'end' FROM t", 1))),
        Arguments.of("a block comment before a statement counts its lines",
            "/* one\ntwo */\nSELECT 1;",
            List.of(new SqlScript.Statement("SELECT 1", 3))));
  }

  @org.junit.jupiter.api.Test
  void copyFromTheClientIsFound() {
    List<SqlScript.Statement> statements = SqlScript.split("CREATE TABLE t (a int);\nCOPY t (a) FROM stdin;\n1\n\\.\n");
    assertEquals(new SqlScript.Statement("COPY t (a) FROM stdin", 2), SqlScript.copyWithClient(statements).orElseThrow());
    assertEquals(java.util.Optional.empty(), SqlScript.copyWithClient(SqlScript.split("COPY t FROM '/srv/t.csv';")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void splits(String description, String script, List<SqlScript.Statement> expected) {
    assertEquals(expected, SqlScript.split(script));
  }
}

package dev.schemacode.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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
        Arguments.of("a block comment before a statement counts its lines",
            "/* one\ntwo */\nSELECT 1;",
            List.of(new SqlScript.Statement("SELECT 1", 3))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void splits(String description, String script, List<SqlScript.Statement> expected) {
    assertEquals(expected, SqlScript.split(script));
  }
}

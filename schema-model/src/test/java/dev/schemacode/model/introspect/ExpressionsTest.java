package dev.schemacode.model.introspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Expressions as people declare them and as PostgreSQL's catalog prints them back: the same
 * meaning must compare equal, or {@code diff} and the test kit report drift that is not there.
 * Rows marked "evolution" are minimal counterexamples the randomized evolution test found.
 */
class ExpressionsTest {
  @ParameterizedTest(name = "{0}: ''{1}'' vs catalog ''{2}''")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "cast the catalog adds             | 'EUR'                     | 'EUR'::character varying                    | true",
      "parentheses the catalog adds      | returned_at IS NULL       | (returned_at IS NULL)                       | true",
      "quoted identifiers                | \"order\" > 0               | (\"order\" > 0)                               | true",
      "evolution: negative default       | -1                        | '-1'::integer                               | true",
      "evolution: negative numeric       | -2.25                     | '-2.25'::numeric                            | true",
      "evolution: negative in a check    | \"c1\" > -100               | (c1 > '-100'::integer)                      | true",
      "a different constant              | -1                        | '-2'::integer                               | false",
      "a different operator              | c1 > 0                    | (c1 >= 0)                                   | false",
  })
  void comparesWhatTheCatalogPrintsWithWhatWasDeclared(String why, String declared, String live, boolean same) {
    assertEquals(same, Expressions.same(declared, live), why);
  }
}

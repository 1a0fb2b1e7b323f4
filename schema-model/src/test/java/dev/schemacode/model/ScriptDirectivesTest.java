package dev.schemacode.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScriptDirectivesTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "-- V0003__index\\n-- schemacode:no-transaction\\nCREATE INDEX CONCURRENTLY i ON t (a); | true",
      "\\n--   schemacode:no-transaction  \\nSELECT 1; | true",
      "-- V0003__index\\nCREATE INDEX i ON t (a);\\n-- schemacode:no-transaction | false",
      "-- schemacode:no-transaction-please\\nSELECT 1; | false",
      "SELECT 1; | false",
  })
  void readsTheDirectiveOnlyFromTheLeadingComments(String script, boolean expected) {
    assertEquals(expected, ScriptDirectives.noTransaction(script.replace("\\n", "\n")));
  }
}

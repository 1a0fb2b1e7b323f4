package dev.schemacode.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationIndexTest {
  @Test
  void parseReadsTheLinesOfEveryTextInOrder() {
    MigrationIndex index = MigrationIndex.parse("db/migration",
        MigrationIndex.line("V0001__init.sql", "aa") + MigrationIndex.line("V0002__b.sql", "bb"),
        MigrationIndex.line("V0003__c.sql", "cc"));
    assertEquals(MigrationIndex.of("db/migration", MigrationIndex.entry("V0001__init.sql", "aa"),
        MigrationIndex.entry("V0002__b.sql", "bb"), MigrationIndex.entry("V0003__c.sql", "cc")), index);
    assertEquals(List.of(), MigrationIndex.parse("db/migration").migrations());
  }

  @Test
  void aLineWithoutFileChecksumOrEndIsRefused() {
    for (String text : List.of("V0001__init.sql aa", "V0001__init.sql\n", " aa\n", "V0001__init.sql \n")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MigrationIndex.parse("", text));
      assertEquals("not a migration index line: " + text.replace("\n", ""), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> MigrationIndex.line("V0001__a.sql", "a b"));
    assertThrows(IllegalArgumentException.class, () -> MigrationIndex.line("V0001\n.sql", "ab"));
  }
}

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

  /**
   * The summary the processor writes: the digest of every entry applied (the order of the entries
   * does not matter, as the history's rows have none), and the highest version by number.
   */
  @Test
  void theSummaryIsTheDigestOfEveryEntryAndTheHighestVersion() {
    List<MigrationIndex.Entry> entries = List.of(MigrationIndex.entry("V10__b.sql", "bb"), MigrationIndex.entry("V9__a.sql", "aa"));
    MigrationIndex.Summary summary = MigrationIndex.summarise(entries);
    assertEquals(new AppliedDigest().add("9", "aa").add("10", "bb").hex(), summary.digest());
    assertEquals("10", summary.currentVersion());
    assertEquals(summary, MigrationIndex.summarise(List.of(entries.get(1), entries.get(0))));
    assertEquals(null, MigrationIndex.summarise(List.of()));
    assertThrows(IllegalArgumentException.class, () -> MigrationIndex.summarise(List.of(MigrationIndex.entry("init.sql", "aa"))));

    MigrationIndex index = MigrationIndex.parse("db/migration", MigrationIndex.line("V9__a.sql", "aa"))
        .withSummary(summary.digest(), summary.currentVersion());
    assertEquals(List.of(entries.get(1)), index.migrations());
    assertEquals(summary, index.summary());
    assertEquals(null, MigrationIndex.of("db/migration").summary());
  }

  /** Two known values, so that a change of the digest (which the database's triggers must follow) cannot pass unseen. */
  @Test
  void theAppliedDigestIsTheXorOfOneMd5PerRow() {
    assertEquals(AppliedDigest.EMPTY, new AppliedDigest().hex());
    // md5 of "0001 abc true", as md5sum gives it; one row's digest is its term's MD5
    assertEquals("d4e031b043bd7ca78602a68f33c56c9c", new AppliedDigest().add("0001", "abc").hex());
    assertEquals(AppliedDigest.EMPTY, new AppliedDigest().add("0001", "abc").add("0001", "abc").hex());
  }

  /** A failed or reverted row counts apart from an applied one, and taking a row out is adding it again. */
  @Test
  void aRowOfAnyOutcomeTogglesInAndOut() {
    // md5 of "0001 abc false", as md5sum gives it
    assertEquals("5a74173d1c9bd373ad8254282cb02caf", new AppliedDigest().toggle("0001", "abc", false).hex());
    assertEquals(new AppliedDigest().add("0001", "abc").hex(),
        new AppliedDigest().toggle("0001", "abc", false).toggle("0001", "abc", false).toggle("0001", "abc", true).hex());
  }

}

package dev.schemacode.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The records a directory's listing reads from a ledger, without its schema sections, agree with a full read. */
class LedgerRecordsTest {
  private static final Schema SCHEMA = new Schema(List.of(
      new Table(QualifiedName.of("customer"), List.of(Column.identity("id", "bigint"), Column.optional("note", "text")),
          Optional.of(PrimaryKey.defaultFor("customer", List.of("id"))))));

  private static Ledger ledger() {
    Ledger ledger = Ledger.EMPTY
        .append(MigrationFileName.of(1, "init"), Checksums.ofScript("select 1;\n"), LedgerEntry.Origin.GENERATED, SCHEMA)
        .append(MigrationFileName.of(2, "fix"), Checksums.ofScript("select 2;\n"), LedgerEntry.Origin.HAND_WRITTEN, SCHEMA)
        .withReverse(MigrationFileName.of(2, "fix"), new LedgerEntry.Reverse(MigrationFileName.of(2, "fix"),
            List.of(new LedgerEntry.ReverseFile(ReverseFileName.of(MigrationFileName.of(2, "fix"), "fix"), "beef"))));
    return ledger.withCheckpoint(new Checkpoint("0002", "cafe", SCHEMA, List.of("V0002__fix.sql")))
        .append(MigrationFileName.of(3, "more"), Checksums.ofScript("select 3;\n"), LedgerEntry.Origin.GENERATED, SCHEMA);
  }

  @Test
  void readsWhatAFullReadReadsOfTheMigrationsAndTheNewestCheckpoint() {
    String json = LedgerCodec.write(ledger());
    LedgerRecords records = LedgerRecords.read(json, "ledger.json");
    assertEquals(LedgerRecords.of(LedgerCodec.read(json, "ledger.json")), records);
    assertEquals(List.of("V0001__init.sql", "V0002__fix.sql", "V0003__more.sql"),
        records.migrations().stream().map(r -> r.file().fileName()).toList());
    assertEquals(Optional.of("0002"), records.newestCheckpoint());
    assertTrue(records.coveredByCheckpoint(MigrationFileName.of(2, "fix")));
    assertFalse(records.coveredByCheckpoint(MigrationFileName.of(3, "more")));
    assertEquals(new LedgerRecords(List.of(), Optional.empty()), LedgerRecords.read(LedgerCodec.write(Ledger.EMPTY), "l"));
  }

  /** The schema section is not read: one the full read refuses (edited by hand) does not stop the records. */
  @Test
  void aSchemaSectionEditedByHandIsTheBuildsToReport() {
    String json = LedgerCodec.write(ledger()).replace("\"note\"", "\"edited\"");
    assertThrows(LedgerFormatException.class, () -> LedgerCodec.read(json, "ledger.json"));
    assertEquals(3, LedgerRecords.read(json, "ledger.json").migrations().size());
  }

  @Test
  void refusesWhatTheFullReadRefusesOfTheEntries() {
    String json = LedgerCodec.write(ledger());
    String head = ledger().head();
    for (String broken : List.of(
        json.replace("\"head\": \"" + head + "\"", "\"head\": \"" + "0".repeat(64) + "\""),
        json.replace("\"format\": ", "\"format\": 9"),
        json.replace("V0003__more.sql", "V0003-more.sql"),
        json.replace("C0002__checkpoint.sql", "checkpoint.sql"),
        "<<<<<<< HEAD\n" + json,
        "[]",
        "{\"format\": 1, \"migrations\": []}",
        "{\"format\": 1, \"head\": \"\"}",
        "{\"format\": 1, \"migrations\": [{\"file\": \"V0001__a.sql\", \"checksum\": \"x\"}], \"head\": \"\"}",
        json.substring(0, json.length() / 2))) {
      LedgerFormatException refused = assertThrows(LedgerFormatException.class, () -> LedgerRecords.read(broken, "ledger.json"),
          broken);
      assertTrue(refused.getMessage().startsWith("ledger.json"), refused.getMessage());
      assertThrows(LedgerFormatException.class, () -> LedgerCodec.read(broken, "ledger.json"), "the full read agrees: " + broken);
    }
  }

  /**
   * Git's conflict markers count at the start of any line, however lines end, and nowhere else: the
   * search that replaced splitting the text into lines finds what the split found.
   */
  @Test
  void conflictMarkersCountAtTheStartOfALineWhateverItsEnding() {
    String json = LedgerCodec.write(ledger());
    int migrations = json.indexOf("  \"migrations\"");
    for (String marker : List.of("<<<<<<< HEAD", ">>>>>>> topic")) {
      for (String conflicted : List.of(marker + "\n" + json, json.substring(0, migrations) + marker + "\n"
              + json.substring(migrations), json.replace("\n", "\r\n").replace("\r\n  \"migrations\"", "\r\n" + marker
              + "\r\n  \"migrations\""), json.replace("\n", "\r").replace("\r  \"migrations\"", "\r" + marker
              + "\r  \"migrations\""))) {
        LedgerFormatException refused = assertThrows(LedgerFormatException.class,
            () -> LedgerRecords.read(conflicted, "ledger.json"), conflicted);
        assertTrue(refused.getMessage().contains("merge conflict markers"), refused.getMessage());
        assertThrows(LedgerFormatException.class, () -> LedgerCodec.read(conflicted, "ledger.json"), conflicted);
      }
    }
    // inside a line (here a migration's name would never hold one, so the schema's note column's name does)
    String inside = json.replace("\"note\"", "\"note <<<<<<< x\"");
    assertEquals(3, LedgerRecords.read(inside, "ledger.json").migrations().size());
  }
}

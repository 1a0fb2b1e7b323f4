package dev.schemacode.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LedgerCodecTest {
  private static final Schema FULL = new Schema(
      List.of(new EnumType(new QualifiedName("billing", "status"), List.of("NEW", "PAID"))),
      List.of(new Table(new QualifiedName("billing", "invoice"),
          List.of(Column.identity("id", "bigint"),
              Column.required("status", "billing.status").withDefault("'NEW'").withComment("where it stands"),
              Column.optional("customer_id", "bigint"),
              Column.required("tags", "text[]")),
          Optional.of(PrimaryKey.defaultFor("invoice", List.of("id"))),
          List.of(new UniqueConstraint("invoice_customer_id_key", List.of("customer_id"))),
          List.of(new ForeignKey("invoice_customer_id_fkey", List.of("customer_id"), QualifiedName.of("customer"),
              List.of("id"), ForeignKey.Action.SET_NULL, ForeignKey.Action.CASCADE)),
          List.of(new CheckConstraint("invoice_id_check", "id > 0")),
          List.of(new Index("invoice_tags_idx", List.of("tags"), false, "gin", Optional.of("id > 10"))),
          Optional.of("Invoices")),
          new Table(QualifiedName.of("customer"), List.of(Column.identity("id", "bigint")),
              Optional.of(PrimaryKey.defaultFor("customer", List.of("id"))))));

  @Test
  void roundTripsEveryFeatureAndTheDeclaringClasses() {
    Ledger ledger = Ledger.EMPTY.append(MigrationFileName.of(1, "init"), "abc", LedgerEntry.Origin.GENERATED, FULL)
        .withDeclaredBy(java.util.Map.of(QualifiedName.of("customer"), "com.example.Customer"));
    String json = LedgerCodec.write(ledger);
    assertEquals(ledger, LedgerCodec.read(json, "ledger.json"));
    assertTrue(json.contains("\"class\": \"com.example.Customer\""), json);
  }

  private static final Schema SCHEMA = new Schema(List.of(
      new Table(new QualifiedName("billing", "invoice"),
          List.of(Column.identity("id", "bigint"), Column.optional("note", "text")),
          Optional.of(PrimaryKey.defaultFor("invoice", List.of("id")))),
      new Table(QualifiedName.of("customer"), List.of(Column.required("email", "text")), Optional.empty())));

  private static Ledger sample() {
    return Ledger.EMPTY
        .append(MigrationFileName.of(1, "init"), Checksums.ofScript("select 1;\n"), LedgerEntry.Origin.GENERATED, Schema.EMPTY)
        .append(MigrationFileName.of(2, "fix"), Checksums.ofScript("select 2;\n"), LedgerEntry.Origin.HAND_WRITTEN, SCHEMA);
  }

  @Test
  void roundTrips() {
    Ledger ledger = sample();
    String json = LedgerCodec.write(ledger);
    assertEquals(ledger, LedgerCodec.read(json, "ledger.json"));
    assertEquals(json, LedgerCodec.write(LedgerCodec.read(json, "ledger.json")), "stable output");
    assertTrue(ledger.brokenChain().isEmpty());
  }

  @Test
  void writesAStablePrettyForm() {
    Ledger ledger = Ledger.EMPTY.append(MigrationFileName.of(1, "init"), "abc", LedgerEntry.Origin.GENERATED,
        new Schema(List.of(new Table(QualifiedName.of("t"), List.of(Column.identity("id", "bigint")),
            Optional.of(PrimaryKey.defaultFor("t", List.of("id")))))));
    String chain = ledger.head();
    assertEquals("""
        {
          "format": 1,
          "head": "%s",
          "schemaChecksum": "3df1d1c1d59a16974fb0565859023b5abd938f72690c06ef3405a0baf7b4d1f6",
          "migrations": [
            {
              "file": "V0001__init.sql",
              "checksum": "abc",
              "origin": "generated",
              "chain": "%s"
            }
          ],
          "schema": {
            "tables": [
              {
                "name": "t",
                "columns": [
                  {
                    "name": "id",
                    "type": "bigint",
                    "nullable": false,
                    "identity": true
                  }
                ],
                "primaryKey": {
                  "name": "t_pkey",
                  "columns": [
                    "id"
                  ]
                }
              }
            ]
          }
        }
        """.formatted(chain, chain), LedgerCodec.write(ledger));
  }

  @Test
  void chainDependsOnEveryEarlierEntry() {
    Ledger a = Ledger.EMPTY.append(MigrationFileName.of(1, "a"), "1", LedgerEntry.Origin.GENERATED, Schema.EMPTY);
    Ledger b = Ledger.EMPTY.append(MigrationFileName.of(1, "b"), "1", LedgerEntry.Origin.GENERATED, Schema.EMPTY);
    Ledger a2 = a.append(MigrationFileName.of(2, "x"), "2", LedgerEntry.Origin.GENERATED, Schema.EMPTY);
    Ledger b2 = b.append(MigrationFileName.of(2, "x"), "2", LedgerEntry.Origin.GENERATED, Schema.EMPTY);
    assertTrue(!a2.head().equals(b2.head()));
  }

  @Test
  void checksumsIgnoreLineEndingsAndByteOrderMark() {
    assertEquals(Checksums.ofScript("a\nb\n"), Checksums.ofScript("\uFEFFa\r\nb\r\n"));
    assertTrue(!Checksums.ofScript("a\nb\n").equals(Checksums.ofScript("a\nb \n")));
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "not json at all | is not valid JSON",
      "[] | expected a JSON object",
      "{\"format\": 99, \"head\": \"\", \"migrations\": [], \"schema\": {\"tables\": []}} | written by a newer schemacode",
      "{\"format\": 1, \"migrations\": [], \"schema\": {\"tables\": []}} | field 'head' must be a string",
      "{\"format\": 1, \"head\": \"\", \"migrations\": [{\"file\": \"init.sql\", \"checksum\": \"a\", \"origin\": \"generated\", \"chain\": \"c\"}], \"schema\": {\"tables\": []}} | is not a migration file name",
      "{\"format\": 1, \"head\": \"x\", \"migrations\": [], \"schema\": {\"tables\": []}} | edited by hand or merged",
      "{\"format\": 1, \"head\": \"\", \"migrations\": [], \"schema\": {\"tables\": [{\"name\": \"t\", \"columns\": [{\"name\": \"a\", \"type\": \"text\"}, {\"name\": \"a\", \"type\": \"text\"}]}]}} | two columns named a",
  })
  void rejectsBadFilesWithAMessageNamingThem(String json, String expected) {
    LedgerFormatException e = assertThrows(LedgerFormatException.class, () -> LedgerCodec.read(json, "db/ledger.json"));
    assertTrue(e.getMessage().startsWith("db/ledger.json"), e.getMessage());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void aHandEditedSchemaSectionFailsWithAMessageNamingTheFile() {
    String json = LedgerCodec.write(sample());
    String edited = json.replace("\"type\": \"text\"", "\"type\": \"varchar(5)\"");
    assertTrue(!edited.equals(json));
    LedgerFormatException e = assertThrows(LedgerFormatException.class, () -> LedgerCodec.read(edited, "db/ledger.json"));
    assertTrue(e.getMessage().startsWith("db/ledger.json: the schema section was edited by hand"), e.getMessage());
    assertTrue(e.getMessage().contains("restore the file from version control"), e.getMessage());
  }

  @Test
  void theSchemaChecksumIgnoresLayoutAndOldLedgersWithoutOneStayReadable() {
    String json = LedgerCodec.write(sample());
    String relaid = json.replace("\n", "\r\n").replace("  ", "\t");
    assertEquals(sample(), LedgerCodec.read(relaid, "ledger.json"));
    String old = json.lines().filter(line -> !line.contains("\"schemaChecksum\"")).collect(java.util.stream.Collectors.joining("\n"));
    assertTrue(!old.equals(json));
    assertEquals(sample(), LedgerCodec.read(old, "ledger.json"));
  }

  @Test
  void recognisesMergeConflicts() {
    String json = LedgerCodec.write(sample());
    String conflicted = json.replace("  \"head\"", "<<<<<<< HEAD\n  \"head\": \"a\",\n=======\n  \"head\"") ;
    LedgerFormatException e = assertThrows(LedgerFormatException.class, () -> LedgerCodec.read(conflicted, "l.json"));
    assertTrue(e.getMessage().contains("merge conflict"), e.getMessage());
  }
}

package dev.schemacode.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemacode.model.Checksums;
import dev.schemacode.model.Column;
import dev.schemacode.model.Ledger;
import dev.schemacode.model.LedgerCodec;
import dev.schemacode.model.LedgerEntry;
import dev.schemacode.model.MigrationScript;
import dev.schemacode.model.PrimaryKey;
import dev.schemacode.model.QualifiedName;
import dev.schemacode.model.Renames;
import dev.schemacode.model.Schema;
import dev.schemacode.model.SchemaDiff;
import dev.schemacode.model.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The kit on a small project of its own: two versions of a customer table, written as the processor writes them. */
class MigrationTesterTest {
  private static final QualifiedName CUSTOMER = QualifiedName.of("customer");
  private static final Schema V1 = new Schema(List.of(table(Column.required("email", "text"))));
  /** V2 renames email to mail and adds a nullable phone. */
  private static final Schema V2 = new Schema(List.of(table(Column.required("mail", "text"), Column.optional("phone", "text"))));

  @RegisterExtension static final MigrationTester migrations = MigrationTester.directory(project(V2));

  @Test
  void allMigrationsYieldTheDeclaredSchema() throws Exception {
    migrations.assertMigrationsProduceDeclaredSchema();
  }

  @Test
  void rowsWrittenBeforeAMigrationAreReadAfterIt() throws Exception {
    migrations.migrateTo("0001");
    migrations.execute("INSERT INTO customer (email) VALUES ('ada@example.com'), ('alan@example.com')");
    assertEquals(1, migrations.migrateTo("V2").applied().size());
    assertEquals(List.of(List.of("ada@example.com", "null"), List.of("alan@example.com", "null")),
        migrations.query("SELECT mail, coalesce(phone, 'null') FROM customer ORDER BY id"));
    migrations.assertSchemaMatchesLedger();
  }

  @Test
  void anUnknownVersionIsNamedWithTheOnesThereAre() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> migrations.migrateTo("0009"));
    assertTrue(e.getMessage().contains("there is no migration 0009") && e.getMessage().contains("[0001, 0002]"),
        e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"7, 7", "0007, 7", "V0007, 7", "v12, 12"})
  void readsVersionsAsTheCliDoes(String text, long number) {
    assertEquals(number, MigrationTester.number(text));
  }

  // ---- the project: generated as the processor would, ledger included

  static Table table(Column... columns) {
    List<Column> all = new java.util.ArrayList<>(List.of(Column.identity("id", "bigint")));
    all.addAll(List.of(columns));
    return new Table(CUSTOMER, all, Optional.of(PrimaryKey.defaultFor("customer", List.of("id"))));
  }

  static Path project(Schema declared) {
    try {
      Path directory = Files.createTempDirectory("schemacode-kit");
      directory.toFile().deleteOnExit();
      Ledger ledger = Ledger.EMPTY;
      ledger = write(directory, ledger, SchemaDiff.between(Schema.EMPTY, V1), V1, true);
      ledger = write(directory, ledger, SchemaDiff.between(V1, V2,
          new Renames(Map.of(), Map.of(CUSTOMER, Map.of("mail", "email")), Map.of())), V2, false);
      Files.writeString(directory.resolve(Ledger.FILE_NAME), LedgerCodec.write(new Ledger(ledger.migrations(), declared)));
      return directory;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Ledger write(Path directory, Ledger ledger, SchemaDiff diff, Schema after, boolean first) throws IOException {
    Ledger next = ledger;
    for (MigrationScript.File file : MigrationScript.plan(ledger.nextSequence(), MigrationScript.slug(first, diff.changes()),
        diff.changes(), MigrationScript.DEFAULT_LOCK_TIMEOUT)) {
      Path path = directory.resolve(file.name().fileName());
      Files.writeString(path, file.script());
      path.toFile().deleteOnExit();
      next = next.append(file.name(), Checksums.ofScript(file.script()), LedgerEntry.Origin.GENERATED, after);
    }
    return next;
  }
}

package dev.schemacode.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemacode.model.Column;
import dev.schemacode.model.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The kit's project of {@link MigrationTesterTest}, but its ledger claims a column the migrations never create. */
class MigrationTesterDriftTest {
  @RegisterExtension static final MigrationTester drifted = MigrationTester.directory(MigrationTesterTest.project(
      new Schema(List.of(MigrationTesterTest.table(Column.required("mail", "text"), Column.optional("phone", "text"),
          Column.optional("fax", "text"))))));

  @Test
  void theAssertionFailsWithEachDifferenceAndTheReconcilingSql() {
    AssertionError failure = assertThrows(AssertionError.class, drifted::assertMigrationsProduceDeclaredSchema);
    assertTrue(failure.getMessage().contains("add column customer.fax text"), failure.getMessage());
    assertTrue(failure.getMessage().contains("ALTER TABLE \"customer\" ADD COLUMN \"fax\" text;"), failure.getMessage());
  }
}

package dev.schemacode.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SchemaDiffTest {
  private static final Table CUSTOMER = new Table(QualifiedName.of("customer"),
      List.of(Column.identity("id", "bigint"), Column.required("email", "text")),
      Optional.of(PrimaryKey.defaultFor("customer", List.of("id"))));
  private static final Table PAYMENT = new Table(QualifiedName.of("payment"),
      List.of(Column.identity("id", "bigint")), Optional.empty());

  @Test
  void identicalSchemasHaveNoChanges() {
    assertTrue(SchemaDiff.between(new Schema(List.of(CUSTOMER)), new Schema(List.of(CUSTOMER))).isEmpty());
  }

  @Test
  void newTablesAreCreatedInNameOrder() {
    SchemaDiff diff = SchemaDiff.between(Schema.EMPTY, new Schema(List.of(PAYMENT, CUSTOMER)));
    assertEquals(List.of(new SchemaChange.CreateTable(CUSTOMER), new SchemaChange.CreateTable(PAYMENT)),
        diff.changes());
    assertTrue(diff.unsupported().isEmpty());
  }

  @Test
  void changedAndRemovedTablesAreReportedNotGuessed() {
    Table changed = new Table(QualifiedName.of("customer"), List.of(Column.identity("id", "bigint")),
        CUSTOMER.primaryKey());
    SchemaDiff diff = SchemaDiff.between(new Schema(List.of(CUSTOMER, PAYMENT)), new Schema(List.of(changed)));
    assertTrue(diff.changes().isEmpty());
    assertEquals(2, diff.unsupported().size(), diff.unsupported().toString());
  }
}

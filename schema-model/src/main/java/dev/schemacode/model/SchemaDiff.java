package dev.schemacode.model;

import java.util.ArrayList;
import java.util.List;

/**
 * What it takes to get from one schema to another. {@code unsupported} lists differences that
 * this version cannot yet turn into SQL; callers must refuse to generate a migration while it is
 * not empty rather than write one that leaves them out.
 */
public record SchemaDiff(List<SchemaChange> changes, List<String> unsupported) {
  public SchemaDiff {
    changes = List.copyOf(changes);
    unsupported = List.copyOf(unsupported);
  }

  public boolean isEmpty() {
    return changes.isEmpty() && unsupported.isEmpty();
  }

  /** Changes in a deterministic order: tables in name order. */
  public static SchemaDiff between(Schema before, Schema after) {
    List<SchemaChange> changes = new ArrayList<>();
    List<String> unsupported = new ArrayList<>();
    for (Table table : after.tables()) {
      before.table(table.name()).ifPresentOrElse(
          previous -> {
            if (!previous.equals(table)) {
              unsupported.add("table " + table.name() + " changed; altering existing tables is not supported yet");
            }
          },
          () -> changes.add(new SchemaChange.CreateTable(table)));
    }
    for (Table table : before.tables()) {
      if (after.table(table.name()).isEmpty()) {
        unsupported.add("table " + table.name() + " is no longer declared; dropping tables is not supported yet");
      }
    }
    return new SchemaDiff(changes, unsupported);
  }
}

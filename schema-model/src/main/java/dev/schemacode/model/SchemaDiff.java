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

  /**
   * Changes in a deterministic, dependency-correct order: schemas, then enum types, then tables
   * (whose columns use the types), then foreign keys (once every referenced table exists, which
   * also allows cycles), then indexes and comments.
   */
  public static SchemaDiff between(Schema before, Schema after) {
    List<SchemaChange> changes = new ArrayList<>();
    List<String> unsupported = new ArrayList<>();
    for (String schema : after.schemaNames()) {
      if (!before.schemaNames().contains(schema)) {
        changes.add(new SchemaChange.CreateSchema(schema));
      }
    }
    for (EnumType type : after.enums()) {
      before.enumType(type.name()).ifPresentOrElse(
          previous -> {
            if (!previous.equals(type)) {
              unsupported.add("enum type " + type.name() + " changed; changing enum types is not supported yet");
            }
          },
          () -> changes.add(new SchemaChange.CreateEnum(type)));
    }
    List<Table> created = new ArrayList<>();
    for (Table table : after.tables()) {
      before.table(table.name()).ifPresentOrElse(
          previous -> {
            if (!previous.equals(table)) {
              unsupported.add("table " + table.name() + " changed; altering existing tables is not supported yet");
            }
          },
          () -> created.add(table));
    }
    created.forEach(table -> changes.add(new SchemaChange.CreateTable(table)));
    created.forEach(table -> table.foreignKeys()
        .forEach(key -> changes.add(new SchemaChange.AddForeignKey(table.name(), key))));
    created.forEach(table -> table.indexes()
        .forEach(index -> changes.add(new SchemaChange.CreateIndex(table.name(), index))));
    for (Table table : created) {
      table.comment().ifPresent(text -> changes.add(new SchemaChange.CommentOnTable(table.name(), text)));
      table.columns().forEach(column -> column.comment().ifPresent(text ->
          changes.add(new SchemaChange.CommentOnColumn(table.name(), column.name(), text))));
    }
    for (Table table : before.tables()) {
      if (after.table(table.name()).isEmpty()) {
        unsupported.add("table " + table.name() + " is no longer declared; dropping tables is not supported yet");
      }
    }
    for (EnumType type : before.enums()) {
      if (after.enumType(type.name()).isEmpty()) {
        unsupported.add("enum type " + type.name() + " is no longer used; dropping enum types is not supported yet");
      }
    }
    return new SchemaDiff(changes, unsupported);
  }
}

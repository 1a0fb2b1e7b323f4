package dev.schemacode.model;

/** One change between two schemas; the renderer turns each into SQL. */
public sealed interface SchemaChange {
  /** The change in words, for migration headers and drift reports. */
  String describe();

  /** A short name fragment for the migration file's slug. */
  String slug();

  record CreateTable(Table table) implements SchemaChange {
    @Override
    public String describe() {
      return "create table " + table.name() + " (" + table.columns().size() + " columns)";
    }

    @Override
    public String slug() {
      return "create_" + table.name().name();
    }
  }
}

package dev.schemacode.model;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A whole declared schema. Tables are kept sorted by name so that the same declaration always
 * yields the same model, snapshot and SQL, whatever order the compiler saw the classes in.
 */
public record Schema(List<Table> tables) {
  public static final Schema EMPTY = new Schema(List.of());

  public Schema {
    tables = tables.stream().sorted(Comparator.comparing(Table::name)).toList();
    for (int i = 1; i < tables.size(); i++) {
      if (tables.get(i - 1).name().equals(tables.get(i).name())) {
        throw new IllegalArgumentException("two tables named " + tables.get(i).name());
      }
    }
  }

  public Optional<Table> table(TableName name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  public boolean isEmpty() {
    return tables.isEmpty();
  }
}

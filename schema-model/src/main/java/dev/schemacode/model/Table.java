package dev.schemacode.model;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** A table: columns in declaration order and an optional primary key. */
public record Table(TableName name, List<Column> columns, Optional<PrimaryKey> primaryKey) {
  public Table {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    Objects.requireNonNull(primaryKey, "primaryKey");
    Set<String> seen = new HashSet<>();
    for (Column column : columns) {
      if (!seen.add(column.name())) {
        throw new IllegalArgumentException("table " + name + " has two columns named " + column.name());
      }
    }
    primaryKey.ifPresent(key -> {
      for (String keyColumn : key.columns()) {
        if (!seen.contains(keyColumn)) {
          throw new IllegalArgumentException(
              "primary key of " + name + " names unknown column " + keyColumn);
        }
      }
    });
  }

  public Optional<Column> column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
  }
}

package dev.schemacode.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code @RenamedFrom} says: old names of tables, columns and enum values. Renames are never
 * guessed: without an entry here, a missing name is a drop and a new one an add.
 *
 * @param tables new table name → old table name
 * @param columns table (by its new name) → new column name → old column name
 * @param enumValues enum type → new label → old label
 */
public record Renames(Map<QualifiedName, QualifiedName> tables, Map<QualifiedName, Map<String, String>> columns,
    Map<QualifiedName, Map<String, String>> enumValues) {
  public static final Renames NONE = new Renames(Map.of(), Map.of(), Map.of());

  public Renames {
    tables = new TreeMap<>(tables);
    columns = new TreeMap<>(columns);
    enumValues = new TreeMap<>(enumValues);
  }

  Map<String, String> columnsOf(QualifiedName table) {
    return columns.getOrDefault(table, Map.of());
  }

  Map<String, String> valuesOf(QualifiedName type) {
    return enumValues.getOrDefault(type, Map.of());
  }
}

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

  /**
   * The renames that undo these: every old name becomes the new one. Column renames are keyed by the
   * table's name after the renames, so the inverse keys them by the table's old name.
   */
  public Renames inverse() {
    Map<QualifiedName, QualifiedName> invertedTables = new TreeMap<>();
    tables.forEach((to, from) -> invertedTables.put(from, to));
    Map<QualifiedName, Map<String, String>> invertedColumns = new TreeMap<>();
    columns.forEach((table, byName) -> {
      Map<String, String> inverted = invertedColumns.computeIfAbsent(tables.getOrDefault(table, table), t -> new TreeMap<>());
      byName.forEach((to, from) -> inverted.put(from, to));
    });
    Map<QualifiedName, Map<String, String>> invertedValues = new TreeMap<>();
    enumValues.forEach((type, byLabel) -> {
      Map<String, String> inverted = invertedValues.computeIfAbsent(type, t -> new TreeMap<>());
      byLabel.forEach((to, from) -> inverted.put(from, to));
    });
    return new Renames(invertedTables, invertedColumns, invertedValues);
  }

  Map<String, String> columnsOf(QualifiedName table) {
    return columns.getOrDefault(table, Map.of());
  }

  Map<String, String> valuesOf(QualifiedName type) {
    return enumValues.getOrDefault(type, Map.of());
  }
}

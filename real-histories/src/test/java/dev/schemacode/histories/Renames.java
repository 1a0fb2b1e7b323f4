package dev.schemacode.histories;

import java.util.HashMap;
import java.util.Map;

/**
 * What a step renamed, for following rows across it: {@code "table -> new_table"} and
 * {@code "table.column -> new_column"}, old names on the left (what the entity version says with
 * {@code @RenamedFrom}, written here a second time on purpose: the check must not trust what it checks).
 */
record Renames(Map<String, String> tables, Map<String, String> columns) {
  static final Renames NONE = new Renames(Map.of(), Map.of());

  static Renames of(String... renames) {
    Map<String, String> tables = new HashMap<>();
    Map<String, String> columns = new HashMap<>();
    for (String rename : renames) {
      String[] sides = rename.split("->");
      if (sides.length != 2) {
        throw new IllegalArgumentException("a rename reads 'old -> new', not '" + rename + "'");
      }
      String from = sides[0].strip();
      String to = sides[1].strip();
      if (from.contains(".")) {
        columns.put(from, to);
      } else {
        tables.put(from, to);
      }
    }
    return new Renames(Map.copyOf(tables), Map.copyOf(columns));
  }

  String table(String old) {
    return tables.getOrDefault(old, old);
  }

  String column(String oldTable, String old) {
    return columns.getOrDefault(oldTable + "." + old, old);
  }
}

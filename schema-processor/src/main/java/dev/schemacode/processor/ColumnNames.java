package dev.schemacode.processor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;

/**
 * Resolves the column lists users write in annotations: SQL column names, or Java field names
 * (DESIGN §4), reporting unknown and repeated entries on the annotated element.
 */
final class ColumnNames {
  private final String table;
  private final Map<String, String> bySqlName = new LinkedHashMap<>();
  private final Map<String, String> byFieldName = new LinkedHashMap<>();
  private final Reporter reporter;

  ColumnNames(String table, Reporter reporter) {
    this.table = table;
    this.reporter = reporter;
  }

  void add(String fieldName, String columnName) {
    bySqlName.put(columnName, columnName);
    byFieldName.putIfAbsent(fieldName, columnName);
  }

  Optional<String> resolve(String written) {
    return Optional.ofNullable(bySqlName.get(written)).or(() -> Optional.ofNullable(byFieldName.get(written)));
  }

  boolean contains(String columnName) {
    return bySqlName.containsKey(columnName);
  }

  /** The SQL names for a written list, or empty (after reporting) when one is unknown or repeated. */
  Optional<List<String>> resolveAll(Element element, String what, String[] written) {
    List<String> resolved = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    boolean valid = true;
    for (String name : written) {
      Optional<String> column = resolve(name.strip());
      if (column.isEmpty()) {
        reporter.error(element, Diagnostic.UNKNOWN_COLUMN, what, name, table, String.join(", ", bySqlName.keySet()));
        valid = false;
      } else if (!seen.add(column.get())) {
        reporter.error(element, Diagnostic.REPEATED_COLUMN, what, column.get());
        valid = false;
      } else {
        resolved.add(column.get());
      }
    }
    return valid ? Optional.of(resolved) : Optional.empty();
  }
}

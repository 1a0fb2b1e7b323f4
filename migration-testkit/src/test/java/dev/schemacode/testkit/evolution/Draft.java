package dev.schemacode.testkit.evolution;

import dev.schemacode.model.Column;
import dev.schemacode.model.EnumType;
import dev.schemacode.model.ForeignKey;
import dev.schemacode.model.QualifiedName;
import dev.schemacode.model.Renames;
import dev.schemacode.model.Schema;
import dev.schemacode.model.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One version being edited: the schema it starts from, the schema so far, where every table, column
 * and enum label of it came from (so that renames compose into what {@code @RenamedFrom} would say),
 * and the data preparation the edits need, in the names the database has before the version.
 */
final class Draft {
  private final Schema start;
  private Schema schema;
  /** current table → its name at the start, for tables that existed then. */
  private final Map<QualifiedName, QualifiedName> tableOrigins = new HashMap<>();
  /** start table → (current column → start column), for columns that existed then. */
  private final Map<QualifiedName, Map<String, String>> columnOrigins = new HashMap<>();
  /** enum type → (current label → start label). */
  private final Map<String, Map<String, String>> labelOrigins = new HashMap<>();
  private final Set<QualifiedName> droppedTables = new HashSet<>();
  private final Set<String> droppedColumns = new HashSet<>();
  private final List<Preparation> preparations = new ArrayList<>();

  Draft(Schema start) {
    this.start = start;
    this.schema = start;
    for (Table table : start.tables()) {
      tableOrigins.put(table.name(), table.name());
      Map<String, String> columns = new HashMap<>();
      table.columns().forEach(c -> columns.put(c.name(), c.name()));
      columnOrigins.put(table.name(), columns);
    }
    for (EnumType type : start.enums()) {
      Map<String, String> labels = new HashMap<>();
      type.labels().forEach(l -> labels.put(l, l));
      labelOrigins.put(Enums.sqlName(type.name()), labels);
    }
  }

  Schema schema() {
    return schema;
  }

  Schema start() {
    return start;
  }

  List<Preparation> preparations() {
    return preparations;
  }

  Optional<Table> table(QualifiedName name) {
    return schema.table(name);
  }

  /** The schema with one table replaced (or added); enum types follow the columns that use them. */
  void put(Table table) {
    List<Table> tables = new ArrayList<>(schema.tables().stream().filter(t -> !t.name().equals(table.name())).toList());
    tables.add(table);
    set(tables);
  }

  void set(List<Table> tables) {
    schema = Enums.used(schema.enums(), tables);
  }

  void setEnum(EnumType type) {
    List<EnumType> enums = new ArrayList<>(schema.enums().stream().filter(e -> !e.name().equals(type.name())).toList());
    enums.add(type);
    schema = new Schema(enums, schema.tables());
  }

  // ---- where things came from

  /** The table's name at the start of the version, if it existed then. */
  Optional<QualifiedName> origin(QualifiedName table) {
    return Optional.ofNullable(tableOrigins.get(table));
  }

  /** The column's name at the start of the version, if it (and its table) existed then. */
  Optional<String> origin(QualifiedName table, String column) {
    return origin(table).map(columnOrigins::get).map(columns -> columns.get(column));
  }

  Optional<String> labelOrigin(String type, String label) {
    return Optional.ofNullable(labelOrigins.getOrDefault(type, Map.of()).get(label));
  }

  /** The table that the table named {@code start} at the start of the version is now, if it is still there. */
  Optional<QualifiedName> current(QualifiedName start) {
    return tableOrigins.entrySet().stream().filter(e -> e.getValue().equals(start)).map(Map.Entry::getKey)
        .filter(name -> schema.table(name).isPresent()).findFirst();
  }

  /** The current name of a column that was {@code start} at the start of the version, if it is still there. */
  Optional<String> currentColumn(QualifiedName startTable, String start) {
    return Optional.ofNullable(columnOrigins.get(startTable)).flatMap(columns -> columns.entrySet().stream()
        .filter(e -> e.getValue().equals(start)).map(Map.Entry::getKey).findFirst());
  }

  /** The current name of an enum label that was {@code start} at the start of the version. */
  String currentLabel(String type, String start) {
    return labelOrigins.getOrDefault(type, Map.of()).entrySet().stream().filter(e -> e.getValue().equals(start))
        .map(Map.Entry::getKey).findFirst().orElse(start);
  }

  boolean wasDropped(QualifiedName table) {
    return droppedTables.contains(table);
  }

  boolean wasDropped(QualifiedName table, String column) {
    return droppedColumns.contains(table + "." + column);
  }

  void tableRenamed(QualifiedName from, QualifiedName to) {
    QualifiedName origin = tableOrigins.remove(from);
    if (origin != null) {
      tableOrigins.put(to, origin);
    }
  }

  void tableDropped(QualifiedName table) {
    if (tableOrigins.remove(table) != null) {
      droppedTables.add(table);
    }
  }

  void columnRenamed(QualifiedName table, String from, String to) {
    origin(table).map(columnOrigins::get).ifPresent(columns -> {
      String origin = columns.remove(from);
      if (origin != null) {
        columns.put(to, origin);
      }
    });
  }

  void columnDropped(QualifiedName table, String column) {
    origin(table).map(columnOrigins::get).ifPresent(columns -> {
      if (columns.remove(column) != null) {
        droppedColumns.add(table + "." + column);
      }
    });
  }

  void labelRenamed(String type, String from, String to) {
    Map<String, String> labels = labelOrigins.get(type);
    if (labels != null && labels.containsKey(from)) {
      labels.put(to, labels.remove(from));
    }
  }

  void prepare(Preparation preparation) {
    preparations.add(preparation);
  }

  /** What {@code @RenamedFrom} would say about this version: current names → names at the start. */
  Renames renames() {
    Map<QualifiedName, QualifiedName> tables = new TreeMap<>();
    Map<QualifiedName, Map<String, String>> columns = new TreeMap<>();
    for (Table table : schema.tables()) {
      Optional<QualifiedName> origin = origin(table.name());
      if (origin.isEmpty()) {
        continue;
      }
      if (!origin.get().equals(table.name())) {
        tables.put(table.name(), origin.get());
      }
      Map<String, String> renamed = new LinkedHashMap<>();
      columnOrigins.get(origin.get()).forEach((current, old) -> {
        if (!current.equals(old)) {
          renamed.put(current, old);
        }
      });
      if (!renamed.isEmpty()) {
        columns.put(table.name(), renamed);
      }
    }
    Map<QualifiedName, Map<String, String>> labels = new TreeMap<>();
    for (EnumType type : schema.enums()) {
      Map<String, String> renamed = new LinkedHashMap<>();
      labelOrigins.getOrDefault(Enums.sqlName(type.name()), Map.of()).forEach((current, old) -> {
        if (!current.equals(old) && type.labels().contains(current)) {
          renamed.put(current, old);
        }
      });
      if (!renamed.isEmpty()) {
        labels.put(type.name(), renamed);
      }
    }
    return new Renames(tables, columns, labels);
  }

  // ---- questions edits ask

  /** Columns of other tables' (or this table's) foreign keys that point at this table. */
  List<ForeignKeyRef> referencesTo(QualifiedName table) {
    List<ForeignKeyRef> refs = new ArrayList<>();
    for (Table t : schema.tables()) {
      for (ForeignKey key : t.foreignKeys()) {
        if (key.target().equals(table)) {
          refs.add(new ForeignKeyRef(t.name(), key));
        }
      }
    }
    return refs;
  }

  boolean isForeignKeyColumn(Table table, String column) {
    return table.foreignKeys().stream().anyMatch(k -> k.columns().contains(column))
        || referencesTo(table.name()).stream().anyMatch(r -> r.key().targetColumns().contains(column));
  }

  /** A column that existed at the start of the version, so rows may hold values in it. */
  boolean holdsData(QualifiedName table, String column) {
    return origin(table, column).isPresent();
  }

  List<String> labels(String type) {
    return schema.enumType(Enums.name(type)).map(EnumType::labels).orElse(Types.INITIAL_LABELS.get(type));
  }

  static Column column(String name, String type, boolean nullable, boolean identity, Optional<String> defaultExpression,
      Optional<String> comment) {
    return new Column(name, type, nullable, identity, defaultExpression, comment);
  }

  /** A foreign key and the table that has it. */
  record ForeignKeyRef(QualifiedName table, ForeignKey key) {}
}

package dev.schemacode.processor;

import dev.schemacode.model.EnumType;
import dev.schemacode.model.ForeignKey;
import dev.schemacode.model.Ledger;
import dev.schemacode.model.PostgresRenderer;
import dev.schemacode.model.QualifiedName;
import dev.schemacode.model.Renames;
import dev.schemacode.model.Schema;
import dev.schemacode.model.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Puts the scanned entities together into the schema this compilation declares, laid over the
 * recorded one: resolves foreign keys, collects enum types, and checks the names that must be
 * unique across tables.
 *
 * <p>The complete entity set: a compilation may see only some entities (an IDE compiling one
 * changed file). A recorded table whose declaring class was not compiled this time but still
 * exists on the class path is kept as recorded (had it changed, the compilation that changed it
 * would have recorded that). Only a table whose class is gone, or no longer a {@code @Table},
 * counts as removed.
 */
final class SchemaAssembler {
  /**
   * The declared schema, which class declares each table, the renames the code states, and the
   * elements of the tables declared in this compilation (where messages about a table go).
   */
  record Assembly(Schema schema, Map<QualifiedName, String> declaredBy, Renames renames,
      Map<QualifiedName, Element> elements) {}

  private final Reporter reporter;
  private final Elements elements;

  SchemaAssembler(Reporter reporter, Elements elements) {
    this.reporter = reporter;
    this.elements = elements;
  }

  Optional<Assembly> assemble(List<DeclaredEntity> entities, Set<String> classesWithErrors, Ledger recorded) {
    Map<QualifiedName, String> declaredBy = new TreeMap<>();
    Map<String, Table> tablesByClass = new HashMap<>();
    Map<QualifiedName, DeclaredEntity> entityByTable = new LinkedHashMap<>();
    for (DeclaredEntity entity : entities) {
      declaredBy.put(entity.table().name(), entity.className());
      tablesByClass.put(entity.className(), entity.table());
      entityByTable.put(entity.table().name(), entity);
    }
    List<Table> kept = keptTables(recorded, entities, classesWithErrors);
    for (Table table : kept) {
      String className = recorded.declaredBy().get(table.name());
      if (className != null) {
        declaredBy.put(table.name(), className);
        tablesByClass.putIfAbsent(className, table);
      }
    }

    boolean valid = true;
    ReferenceResolver references = new ReferenceResolver(reporter, tablesByClass, classesWithErrors);
    List<Table> tables = new ArrayList<>(kept);
    for (DeclaredEntity entity : entities) {
      Optional<List<ForeignKey>> keys = references.resolve(entity);
      if (keys.isEmpty()) {
        valid = false;
        continue;
      }
      Table table = entity.table();
      tables.add(new Table(table.name(), table.columns(), table.primaryKey(), table.uniques(), keys.get(),
          table.checks(), table.indexes(), table.comment()));
    }
    Optional<List<EnumType>> enums = enumTypes(entities, kept, recorded.schema());
    valid &= enums.isPresent();
    if (!valid) {
      return Optional.empty();
    }
    if (!distinctNames(tables, enums.get(), entityByTable)) {
      return Optional.empty();
    }
    Map<QualifiedName, Element> elements = new HashMap<>();
    entityByTable.forEach((name, entity) -> elements.put(name, entity.element()));
    return Optional.of(new Assembly(new Schema(enums.get(), tables), declaredBy, renames(entities, recorded.schema()), elements));
  }

  /**
   * The renames the code states. An old table name in schema {@code public} means the recorded
   * table of the default schema when the ledger holds none in an explicit {@code public}: the model
   * spells the connection's schema as "", and people write {@code public}.
   */
  private static Renames renames(List<DeclaredEntity> entities, Schema recorded) {
    Map<QualifiedName, QualifiedName> tables = new TreeMap<>();
    Map<QualifiedName, Map<String, String>> columns = new TreeMap<>();
    Map<QualifiedName, Map<String, String>> values = new TreeMap<>();
    for (DeclaredEntity entity : entities) {
      QualifiedName name = entity.table().name();
      entity.renamedFrom().ifPresent(old -> tables.put(name,
          old.schema().equals("public") && recorded.table(old).isEmpty() ? new QualifiedName("", old.name()) : old));
      if (!entity.columnRenames().isEmpty()) {
        columns.put(name, entity.columnRenames());
      }
      for (DeclaredEntity.DeclaredColumn column : entity.columns()) {
        column.enumType().filter(e -> !e.valueRenames().isEmpty())
            .ifPresent(e -> values.put(e.type().name(), e.valueRenames()));
      }
    }
    return new Renames(tables, columns, values);
  }

  /** Recorded tables not declared in this compilation whose declaring class still exists. */
  private List<Table> keptTables(Ledger recorded, List<DeclaredEntity> entities, Set<String> classesWithErrors) {
    Set<QualifiedName> declared = new java.util.HashSet<>();
    Set<String> compiledClasses = new java.util.HashSet<>(classesWithErrors);
    entities.forEach(e -> {
      declared.add(e.table().name());
      compiledClasses.add(e.className());
    });
    List<Table> kept = new ArrayList<>();
    for (Table table : recorded.schema().tables()) {
      if (declared.contains(table.name())) {
        continue;
      }
      String className = recorded.declaredBy().get(table.name());
      if (className == null || classesWithErrors.contains(className)) {
        kept.add(table); // not known who declares it, or its class failed: never read that as a drop
        continue;
      }
      if (compiledClasses.contains(className)) {
        continue; // its class was compiled and now declares something else
      }
      TypeElement element = elements.getTypeElement(className);
      if (element != null && element.getAnnotation(dev.schemacode.annotations.Table.class) != null) {
        kept.add(table);
      }
    }
    return kept;
  }

  private Optional<List<EnumType>> enumTypes(List<DeclaredEntity> entities, List<Table> kept, Schema recorded) {
    Map<QualifiedName, TypeMapper.JavaEnum> byName = new TreeMap<>();
    boolean valid = true;
    for (DeclaredEntity entity : entities) {
      for (DeclaredEntity.DeclaredColumn column : entity.columns()) {
        if (column.enumType().isEmpty()) {
          continue;
        }
        TypeMapper.JavaEnum javaEnum = column.enumType().get();
        TypeMapper.JavaEnum previous = byName.putIfAbsent(javaEnum.type().name(), javaEnum);
        if (previous != null && !previous.element().getQualifiedName().equals(javaEnum.element().getQualifiedName())) {
          reporter.error(column.field(), Diagnostic.ENUM_NAME_CLASH, javaEnum.element().getQualifiedName(),
              javaEnum.type().name(), previous.element().getQualifiedName());
          valid = false;
        }
      }
    }
    List<EnumType> types = new ArrayList<>();
    byName.values().forEach(javaEnum -> types.add(javaEnum.type()));
    // Enum types that only tables kept from the ledger use stay as recorded.
    for (EnumType type : recorded.enums()) {
      if (!byName.containsKey(type.name()) && usedBy(kept, type)) {
        types.add(type);
      }
    }
    return valid ? Optional.of(types) : Optional.empty();
  }

  private static boolean usedBy(List<Table> tables, EnumType type) {
    String sql = PostgresRenderer.typeName(type.name());
    return tables.stream().flatMap(t -> t.columns().stream())
        .anyMatch(c -> c.type().equals(sql) || c.type().equals(sql + "[]"));
  }

  /**
   * Tables, indexes and key constraints share one namespace per schema, and every table also names
   * a type, so enum types must not take a table's name.
   */
  private boolean distinctNames(List<Table> tables, List<EnumType> enums, Map<QualifiedName, DeclaredEntity> entities) {
    Map<QualifiedName, String> owners = new HashMap<>();
    boolean valid = true;
    for (Table table : tables) {
      List<String> relations = table.relationNames();
      for (int i = 0; i < relations.size(); i++) {
        String relation = relations.get(i);
        QualifiedName name = new QualifiedName(table.name().schema(), relation);
        // relationNames() lists the table's own name first, then its key, unique constraints and indexes
        String owner = i == 0 ? "table " + table.name() : "an index or key of " + table.name();
        String previous = owners.putIfAbsent(name, owner);
        if (previous != null) {
          report(entities.get(table.name()), Diagnostic.DUPLICATE_NAME, "name", relation,
              table.name().inDefaultSchema() ? "(default)" : table.name().schema(), previous, owner);
          valid = false;
        }
      }
    }
    for (EnumType type : enums) {
      if (tables.stream().anyMatch(t -> t.name().equals(type.name()))) {
        DeclaredEntity entity = entities.get(type.name());
        report(entity, Diagnostic.ENUM_TABLE_CLASH, type.name());
        valid = false;
      }
    }
    return valid;
  }

  private void report(DeclaredEntity entity, Diagnostic diagnostic, Object... arguments) {
    Element element = entity == null ? null : entity.element();
    if (element == null) {
      reporter.error(diagnostic, arguments);
    } else {
      reporter.error(element, diagnostic, arguments);
    }
  }
}

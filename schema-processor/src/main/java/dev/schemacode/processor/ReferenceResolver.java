package dev.schemacode.processor;

import dev.schemacode.annotations.ReferentialAction;
import dev.schemacode.model.Column;
import dev.schemacode.model.ConstraintNames;
import dev.schemacode.model.ForeignKey;
import dev.schemacode.model.Index;
import dev.schemacode.model.Table;
import dev.schemacode.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns each {@code @References} into a foreign key once every table is known, checking what
 * PostgreSQL would refuse at deploy time: a target that is not a table, unknown columns, wrong arity,
 * different types, referenced columns without a unique constraint, impossible actions.
 */
final class ReferenceResolver {
  private final Reporter reporter;
  private final Map<String, Table> tablesByClass;
  private final Set<String> classesWithErrors;

  /**
   * @param tablesByClass every known table by its declaring class, from this compilation and the ledger
   * @param classesWithErrors entities whose declaration failed: references to them are not reported again
   */
  ReferenceResolver(Reporter reporter, Map<String, Table> tablesByClass, Set<String> classesWithErrors) {
    this.reporter = reporter;
    this.tablesByClass = tablesByClass;
    this.classesWithErrors = classesWithErrors;
  }

  /** The entity's foreign keys, or empty after reporting a mistake. */
  Optional<List<ForeignKey>> resolve(DeclaredEntity entity) {
    List<ForeignKey> keys = new ArrayList<>();
    boolean valid = true;
    for (DeclaredEntity.PendingReference reference : entity.references()) {
      Optional<ForeignKey> key = resolve(entity.table(), reference);
      valid &= key.isPresent();
      key.ifPresent(keys::add);
    }
    return valid ? Optional.of(keys) : Optional.empty();
  }

  private Optional<ForeignKey> resolve(Table table, DeclaredEntity.PendingReference reference) {
    String where = reference.element().getSimpleName().toString();
    Table target = tablesByClass.get(reference.targetClass());
    if (target == null) {
      if (!classesWithErrors.contains(reference.targetClass())) {
        reporter.error(reference.element(), Diagnostic.REFERENCE_NOT_TABLE, simpleName(reference.targetClass()), where,
            reference.targetClass());
      }
      return Optional.empty();
    }
    List<String> targetColumns = reference.referencedColumns();
    if (targetColumns.isEmpty()) {
      if (target.primaryKey().isEmpty()) {
        reporter.error(reference.element(), Diagnostic.REFERENCE_NO_KEY, simpleName(reference.targetClass()), where,
            target.name(), "no primary key");
        return Optional.empty();
      }
      targetColumns = target.primaryKey().get().columns();
      if (reference.columns().size() == 1 && targetColumns.size() > 1) {
        reporter.error(reference.element(), Diagnostic.REFERENCE_NO_KEY, simpleName(reference.targetClass()), where,
            target.name(), "a composite primary key (" + String.join(", ", targetColumns) + ")");
        return Optional.empty();
      }
    }
    String name = reference.explicitName().isEmpty()
        ? ConstraintNames.foreignKey(table.name().name(), reference.columns())
        : reference.explicitName();
    if (reference.columns().size() != targetColumns.size()) {
      reporter.error(reference.element(), Diagnostic.REFERENCE_ARITY, name, reference.columns().size(),
          targetColumns.size(), target.name());
      return Optional.empty();
    }
    for (int i = 0; i < targetColumns.size(); i++) {
      String targetColumnName = targetColumns.get(i);
      Optional<Column> targetColumn = target.column(targetColumnName);
      if (targetColumn.isEmpty()) {
        reporter.error(reference.element(), Diagnostic.REFERENCE_COLUMN_UNKNOWN, where, targetColumnName, target.name());
        return Optional.empty();
      }
      Column local = table.column(reference.columns().get(i)).orElseThrow();
      if (!local.type().equals(targetColumn.get().type())) {
        reporter.error(reference.element(), Diagnostic.REFERENCE_TYPE_MISMATCH, local.name(), local.type(),
            target.name(), targetColumnName, targetColumn.get().type());
        return Optional.empty();
      }
    }
    if (!isUniqueKey(target, targetColumns)) {
      reporter.error(reference.element(), Diagnostic.REFERENCE_NOT_UNIQUE, name, String.join(", ", targetColumns),
          target.name());
      return Optional.empty();
    }
    for (ReferentialAction action : List.of(reference.onDelete(), reference.onUpdate())) {
      for (String columnName : reference.columns()) {
        Column column = table.column(columnName).orElseThrow();
        if (action == ReferentialAction.SET_NULL && !column.nullable()) {
          reporter.error(reference.element(), Diagnostic.SET_NULL_ON_REQUIRED, name, columnName);
          return Optional.empty();
        }
        if (action == ReferentialAction.SET_DEFAULT && !column.nullable() && column.defaultExpression().isEmpty()) {
          reporter.error(reference.element(), Diagnostic.SET_DEFAULT_WITHOUT_DEFAULT, name, columnName);
          return Optional.empty();
        }
      }
    }
    return Optional.of(new ForeignKey(name, reference.columns(), target.name(), targetColumns,
        action(reference.onDelete()), action(reference.onUpdate())));
  }

  /** PostgreSQL accepts a primary key, a unique constraint or a non-partial unique index over exactly those columns. */
  private static boolean isUniqueKey(Table target, List<String> columns) {
    Set<String> wanted = new HashSet<>(columns);
    if (target.primaryKey().map(k -> new HashSet<>(k.columns()).equals(wanted)).orElse(false)) {
      return true;
    }
    for (UniqueConstraint unique : target.uniques()) {
      if (new HashSet<>(unique.columns()).equals(wanted)) {
        return true;
      }
    }
    for (Index index : target.indexes()) {
      if (index.unique() && index.where().isEmpty() && new HashSet<>(index.columns()).equals(wanted)) {
        return true;
      }
    }
    return false;
  }

  private static ForeignKey.Action action(ReferentialAction action) {
    return ForeignKey.Action.valueOf(action.name());
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }
}

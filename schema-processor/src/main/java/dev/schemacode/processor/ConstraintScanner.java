package dev.schemacode.processor;

import dev.schemacode.annotations.Check;
import dev.schemacode.annotations.Index;
import dev.schemacode.annotations.References;
import dev.schemacode.annotations.Unique;
import dev.schemacode.model.CheckConstraint;
import dev.schemacode.model.ConstraintNames;
import dev.schemacode.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.MirroredTypeException;
import javax.lang.model.type.TypeMirror;

/**
 * Reads {@code @Unique}, {@code @Index}, {@code @Check} and {@code @References} from the entity class
 * and its fields into constraints of one table, with PostgreSQL-style default names.
 */
final class ConstraintScanner {
  private static final Set<String> INDEX_METHODS = Set.of("btree", "hash", "gin", "gist", "brin", "spgist");

  final List<UniqueConstraint> uniques = new ArrayList<>();
  final List<dev.schemacode.model.Index> indexes = new ArrayList<>();
  final List<CheckConstraint> checks = new ArrayList<>();
  final List<DeclaredEntity.PendingReference> references = new ArrayList<>();

  private final Reporter reporter;
  private final String table;
  private final ColumnNames columns;
  private final PresentAnnotations annotations;
  private boolean valid = true;

  ConstraintScanner(Reporter reporter, String table, ColumnNames columns, PresentAnnotations annotations) {
    this.reporter = reporter;
    this.table = table;
    this.columns = columns;
    this.annotations = annotations;
  }

  boolean valid() {
    return valid;
  }

  /** Class-level annotations: each lists its columns. */
  void scanClass(Element type) {
    for (Unique unique : annotations.all(type, Unique.class)) {
      listed(type, "Unique", "@Unique", unique.columns())
          .ifPresent(cols -> addUnique(type, unique.name(), cols));
    }
    for (Index index : annotations.all(type, Index.class)) {
      listed(type, "Index", "@Index", index.columns()).ifPresent(cols -> addIndex(type, index, cols));
    }
    for (Check check : annotations.all(type, Check.class)) {
      addCheck(type, check, Optional.empty());
    }
    for (References reference : annotations.all(type, References.class)) {
      listed(type, "References", "@References", reference.columns())
          .ifPresent(cols -> addReference(type, reference, cols, List.of(reference.referencedColumns())));
    }
  }

  /** Field-level annotations apply to the field's own column. */
  void scanField(Element field, String column) {
    for (Unique unique : annotations.all(field, Unique.class)) {
      if (ownColumnOnly(field, "Unique", unique.columns())) {
        addUnique(field, unique.name(), List.of(column));
      }
    }
    for (Index index : annotations.all(field, Index.class)) {
      if (ownColumnOnly(field, "Index", index.columns())) {
        addIndex(field, index, List.of(column));
      }
    }
    for (Check check : annotations.all(field, Check.class)) {
      addCheck(field, check, Optional.of(column));
    }
    for (References reference : annotations.all(field, References.class)) {
      if (ownColumnOnly(field, "References", reference.columns())
          && ownColumnOnly(field, "References", reference.referencedColumns())) {
        List<String> target = reference.column().isBlank() ? List.of() : List.of(reference.column().strip());
        addReference(field, reference, List.of(column), target);
      }
    }
  }

  private Optional<List<String>> listed(Element type, String annotation, String what, String[] written) {
    if (written.length == 0) {
      reporter.error(type, Diagnostic.NO_COLUMNS_LISTED, annotation, type.getSimpleName(), annotation);
      valid = false;
      return Optional.empty();
    }
    Optional<List<String>> resolved = columns.resolveAll(type, what, written);
    valid &= resolved.isPresent();
    return resolved;
  }

  private boolean ownColumnOnly(Element field, String annotation, String[] written) {
    if (written.length > 0) {
      reporter.error(field, Diagnostic.COLUMNS_ON_FIELD, annotation, field.getSimpleName());
      valid = false;
      return false;
    }
    return true;
  }

  private Optional<String> name(Element element, String explicit, String generated) {
    if (explicit.isEmpty()) {
      return Optional.of(generated);
    }
    if (!Identifiers.check(reporter, element, "constraint", explicit)) {
      valid = false;
      return Optional.empty();
    }
    return Optional.of(explicit);
  }

  private void addUnique(Element element, String explicitName, List<String> cols) {
    name(element, explicitName, ConstraintNames.unique(table, cols))
        .ifPresent(name -> uniques.add(new UniqueConstraint(name, cols)));
  }

  private void addIndex(Element element, Index index, List<String> cols) {
    String method = index.using().isBlank() ? dev.schemacode.model.Index.DEFAULT_METHOD
        : index.using().strip().toLowerCase(Locale.ROOT);
    if (!INDEX_METHODS.contains(method)) {
      reporter.error(element, Diagnostic.INDEX_METHOD, index.using(), element.getSimpleName());
      valid = false;
      return;
    }
    if (index.unique() && !method.equals("btree")) {
      reporter.error(element, Diagnostic.INDEX_UNIQUE_METHOD, element.getSimpleName(), method);
      valid = false;
      return;
    }
    if (method.equals("hash") && cols.size() != 1) {
      reporter.error(element, Diagnostic.INDEX_METHOD_COLUMNS, method, element.getSimpleName(), cols.size());
      valid = false;
      return;
    }
    Optional<String> where = Optional.empty();
    if (!index.where().isEmpty()) {
      if (index.where().isBlank()) {
        reporter.error(element, Diagnostic.BLANK_VALUE, "@Index(where)", element.getSimpleName());
        valid = false;
        return;
      }
      where = Optional.of(index.where().strip());
    }
    Optional<String> predicate = where;
    name(element, index.name(), ConstraintNames.index(table, cols)).ifPresent(name ->
        indexes.add(new dev.schemacode.model.Index(name, cols, index.unique(), method, predicate)));
  }

  private void addCheck(Element element, Check check, Optional<String> column) {
    if (check.value().isBlank()) {
      reporter.error(element, Diagnostic.BLANK_VALUE, "@Check", element.getSimpleName());
      valid = false;
      return;
    }
    String expression = check.value().strip();
    String generated = column.map(c -> ConstraintNames.columnCheck(table, c))
        .orElseGet(() -> ConstraintNames.tableCheck(table, expression));
    name(element, check.name(), generated).ifPresent(name -> checks.add(new CheckConstraint(name, expression)));
  }

  private void addReference(Element element, References reference, List<String> cols, List<String> referenced) {
    if (!reference.name().isEmpty() && !Identifiers.check(reporter, element, "constraint", reference.name())) {
      valid = false;
      return;
    }
    references.add(new DeclaredEntity.PendingReference(element, targetClass(reference), cols,
        referenced.stream().map(String::strip).toList(), reference.onDelete(), reference.onUpdate(), reference.name()));
  }

  /** The referenced class's name; annotation class values are only reachable as type mirrors. */
  private static String targetClass(References reference) {
    try {
      return reference.value().getName();
    } catch (MirroredTypeException e) {
      TypeMirror type = e.getTypeMirror();
      return TypeMapper.qualifiedName(type).filter(n -> type instanceof DeclaredType).orElse(type.toString());
    }
  }
}

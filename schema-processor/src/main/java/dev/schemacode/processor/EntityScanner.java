package dev.schemacode.processor;

import dev.schemacode.annotations.Comment;
import dev.schemacode.annotations.Id;
import dev.schemacode.annotations.RenamedFrom;
import dev.schemacode.model.ConstraintNames;
import dev.schemacode.model.Names;
import dev.schemacode.model.PrimaryKey;
import dev.schemacode.model.QualifiedName;
import dev.schemacode.model.Table;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * Turns one {@code @Table} class or record into a {@link DeclaredEntity}, reporting every mistake
 * on the element that makes it. Returns empty when the declaration has errors.
 */
final class EntityScanner {
  private final Reporter reporter;
  private final Types types;
  private final FieldScanner fields;
  private final PresentAnnotations annotations = new PresentAnnotations();

  EntityScanner(Reporter reporter, Types types) {
    this.reporter = reporter;
    this.types = types;
    this.fields = new FieldScanner(reporter, annotations);
  }

  Optional<DeclaredEntity> scan(Element element) {
    if (element.getKind() != ElementKind.CLASS && element.getKind() != ElementKind.RECORD) {
      reporter.error(element, Diagnostic.TABLE_ON_WRONG_ELEMENT,
          element.getKind().toString().toLowerCase(Locale.ROOT).replace('_', ' '), element.getSimpleName());
      return Optional.empty();
    }
    TypeElement type = (TypeElement) element;
    if (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)
        && type.getKind() == ElementKind.CLASS) {
      reporter.error(type, Diagnostic.TABLE_NOT_TOP_LEVEL_OR_STATIC, type.getQualifiedName());
      return Optional.empty();
    }
    dev.schemacode.annotations.Table annotation = annotations.get(type, dev.schemacode.annotations.Table.class);
    String tableName = annotation.name().isEmpty() ? Names.snakeCase(type.getSimpleName().toString()) : annotation.name();
    boolean valid = Identifiers.check(reporter, type, "table", tableName);
    if (!annotation.schema().isEmpty()) {
      valid &= Identifiers.check(reporter, type, "schema", annotation.schema());
    }
    Optional<String> tableComment = Optional.ofNullable(annotations.get(type, Comment.class)).map(Comment::value);
    if (tableComment.isPresent() && tableComment.get().isBlank()) {
      reporter.error(type, Diagnostic.BLANK_VALUE, "@Comment", type.getSimpleName());
      valid = false;
    }
    Optional<QualifiedName> renamedFrom = tableRenamedFrom(type, new QualifiedName(annotation.schema(), tableName));
    valid &= renamedFrom.map(old -> !old.name().isEmpty()).orElse(true);

    List<DeclaredEntity.DeclaredColumn> columns = new ArrayList<>();
    List<String> keyColumns = new ArrayList<>();
    Map<String, Element> fieldsByColumn = new HashMap<>();
    ColumnNames names = new ColumnNames(tableName, reporter);
    DeclaredType owner = (DeclaredType) type.asType();
    for (VariableElement field : columnFields(type)) {
      if (fields.isTransient(field)) {
        valid &= fields.checkTransient(field);
        continue;
      }
      Optional<DeclaredEntity.DeclaredColumn> column = fields.scan(field, types.asMemberOf(owner, field));
      if (column.isEmpty()) {
        valid = false;
        continue;
      }
      String name = column.get().column().name();
      Element previous = fieldsByColumn.putIfAbsent(name, field);
      if (previous != null) {
        reporter.error(field, Diagnostic.DUPLICATE_COLUMN, name, tableName, previous.getSimpleName(), field.getSimpleName());
        valid = false;
        continue;
      }
      columns.add(column.get());
      names.add(field.getSimpleName().toString(), name);
      if (annotations.has(field, Id.class)) {
        keyColumns.add(name);
      }
    }
    if (valid && columns.isEmpty()) {
      reporter.error(type, Diagnostic.NO_COLUMNS, tableName);
      return Optional.empty();
    }
    if (!valid) {
      return Optional.empty();
    }

    ConstraintScanner constraints = new ConstraintScanner(reporter, tableName, names, annotations);
    constraints.scanClass(type);
    for (DeclaredEntity.DeclaredColumn column : columns) {
      constraints.scanField(column.field(), column.column().name());
    }
    Map<String, String> columnRenames = columnRenames(columns, names);
    if (!constraints.valid() || columnRenames == null) {
      return Optional.empty();
    }
    Optional<PrimaryKey> key = keyColumns.isEmpty()
        ? Optional.empty()
        : Optional.of(new PrimaryKey(ConstraintNames.primaryKey(tableName), keyColumns));
    if (!uniqueConstraintNames(type, key, constraints)) {
      return Optional.empty();
    }
    Table table = new Table(new QualifiedName(annotation.schema(), tableName),
        columns.stream().map(DeclaredEntity.DeclaredColumn::column).toList(), key,
        constraints.uniques, List.of(), constraints.checks, constraints.indexes, tableComment);
    return Optional.of(new DeclaredEntity(type, type.getQualifiedName().toString(), table, columns,
        constraints.references, renamedFrom, columnRenames));
  }

  /**
   * Instance fields of the class and its superclasses, the topmost superclass's first: a common
   * base class with {@code id} and {@code createdAt} puts those columns first, as people expect.
   */
  private static List<VariableElement> columnFields(TypeElement type) {
    Deque<TypeElement> hierarchy = new ArrayDeque<>();
    for (TypeElement current = type; current != null; current = superclass(current)) {
      hierarchy.push(current);
    }
    List<VariableElement> result = new ArrayList<>();
    for (TypeElement current : hierarchy) {
      for (VariableElement field : ElementFilter.fieldsIn(current.getEnclosedElements())) {
        if (!field.getModifiers().contains(Modifier.STATIC) && !field.getModifiers().contains(Modifier.TRANSIENT)) {
          result.add(field);
        }
      }
    }
    return result;
  }

  private static TypeElement superclass(TypeElement type) {
    TypeMirror superclass = type.getSuperclass();
    if (superclass.getKind() != TypeKind.DECLARED) {
      return null;
    }
    TypeElement element = (TypeElement) ((DeclaredType) superclass).asElement();
    String name = element.getQualifiedName().toString();
    return name.equals("java.lang.Object") || name.equals("java.lang.Record") ? null : element;
  }

  /**
   * The table's old name, with its schema: {@code "old"} is in the table's own schema, {@code
   * "schema.old"} in that one ({@code "public.old"} meaning the default schema when the ledger says
   * so). The current name alone on a table in another schema means it moves there from the default
   * schema ({@code @Table(schema = "web") @RenamedFrom("http_request")}). A name "" after reporting
   * a mistake; empty when not renamed.
   */
  private Optional<QualifiedName> tableRenamedFrom(TypeElement type, QualifiedName current) {
    RenamedFrom renamed = annotations.get(type, RenamedFrom.class);
    if (renamed == null) {
      return Optional.empty();
    }
    String written = renamed.value().strip();
    int dot = written.indexOf('.');
    String schema = dot < 0 ? current.schema() : written.substring(0, dot).strip();
    String name = dot < 0 ? written : written.substring(dot + 1).strip();
    if (!Identifiers.check(reporter, type, "old", name) || dot >= 0 && !Identifiers.check(reporter, type, "old schema", schema)) {
      return Optional.of(new QualifiedName("", ""));
    }
    if (dot < 0 && name.equals(current.name()) && !current.inDefaultSchema()) {
      schema = ""; // the same name in another schema: it moves from the default one
    }
    boolean self = name.equals(current.name())
        && (schema.equals(current.schema()) || isDefault(schema) && isDefault(current.schema()));
    if (self) {
      reporter.error(type, Diagnostic.RENAMED_FROM_SELF, written, type.getSimpleName());
      return Optional.of(new QualifiedName("", ""));
    }
    return Optional.of(new QualifiedName(schema, name));
  }

  private static boolean isDefault(String schema) {
    return schema.isEmpty() || schema.equals("public");
  }

  /** The column's old name; "" after reporting a mistake; empty when not renamed. */
  private Optional<String> renamedFrom(Element element, String currentName) {
    RenamedFrom renamed = annotations.get(element, RenamedFrom.class);
    if (renamed == null) {
      return Optional.empty();
    }
    String old = renamed.value().strip();
    if (!Identifiers.check(reporter, element, "old", old)) {
      return Optional.of("");
    }
    if (old.equals(currentName)) {
      reporter.error(element, Diagnostic.RENAMED_FROM_SELF, old, element.getSimpleName());
      return Optional.of("");
    }
    return Optional.of(old);
  }

  /** New column name → old name; null after reporting a clash. */
  private Map<String, String> columnRenames(List<DeclaredEntity.DeclaredColumn> columns, ColumnNames names) {
    Map<String, String> renames = new LinkedHashMap<>();
    Map<String, Element> claimedBy = new HashMap<>();
    boolean valid = true;
    for (DeclaredEntity.DeclaredColumn column : columns) {
      Optional<String> old = renamedFrom(column.field(), column.column().name());
      if (old.isEmpty()) {
        continue;
      }
      if (old.get().isEmpty()) {
        valid = false;
      } else if (names.contains(old.get())) {
        reporter.error(column.field(), Diagnostic.RENAMED_FROM_CLASH, old.get(), column.field().getSimpleName(),
            "column " + old.get());
        valid = false;
      } else if (claimedBy.putIfAbsent(old.get(), column.field()) != null) {
        reporter.error(column.field(), Diagnostic.RENAMED_FROM_TWICE, old.get(),
            claimedBy.get(old.get()).getSimpleName(), column.field().getSimpleName());
        valid = false;
      } else {
        renames.put(column.column().name(), old.get());
      }
    }
    return valid ? renames : null;
  }

  /** PostgreSQL needs distinct constraint names within a table. */
  private boolean uniqueConstraintNames(TypeElement type, Optional<PrimaryKey> key, ConstraintScanner constraints) {
    Map<String, String> seen = new HashMap<>();
    key.ifPresent(k -> seen.put(k.name(), "primary key"));
    List<String[]> named = new ArrayList<>();
    constraints.uniques.forEach(u -> named.add(new String[] {u.name(), "unique constraint"}));
    constraints.checks.forEach(c -> named.add(new String[] {c.name(), "check constraint"}));
    constraints.references.forEach(r -> {
      if (!r.explicitName().isEmpty()) {
        named.add(new String[] {r.explicitName(), "foreign key"});
      }
    });
    boolean valid = true;
    for (String[] entry : named) {
      String previous = seen.putIfAbsent(entry[0], entry[1]);
      if (previous != null) {
        reporter.error(type, Diagnostic.DUPLICATE_NAME, "constraint name", entry[0], "of table " + type.getSimpleName(),
            previous, entry[1]);
        valid = false;
      }
    }
    return valid;
  }
}

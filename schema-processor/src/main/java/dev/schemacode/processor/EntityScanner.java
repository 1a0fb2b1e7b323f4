package dev.schemacode.processor;

import dev.schemacode.annotations.Column;
import dev.schemacode.annotations.Id;
import dev.schemacode.annotations.Identity;
import dev.schemacode.annotations.Transient;
import dev.schemacode.model.Names;
import dev.schemacode.model.PrimaryKey;
import dev.schemacode.model.Table;
import dev.schemacode.model.TableName;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Turns one {@code @Table} class or record into a model {@link Table}, reporting every mistake on
 * the element that makes it. Returns empty when the declaration has errors.
 */
final class EntityScanner {
  /** PostgreSQL truncates longer identifiers silently, which would make every later diff see drift. */
  private static final int MAX_IDENTIFIER_BYTES = 63;
  private static final int MAX_VARCHAR_LENGTH = 10_485_760;

  private final Reporter reporter;

  EntityScanner(Reporter reporter) {
    this.reporter = reporter;
  }

  Optional<Table> scan(Element element) {
    if (element.getKind() != ElementKind.CLASS && element.getKind() != ElementKind.RECORD) {
      reporter.error(element, Diagnostic.TABLE_ON_WRONG_ELEMENT,
          element.getKind().toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), element.getSimpleName());
      return Optional.empty();
    }
    TypeElement type = (TypeElement) element;
    if (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)
        && type.getKind() == ElementKind.CLASS) {
      reporter.error(type, Diagnostic.TABLE_NOT_TOP_LEVEL_OR_STATIC, type.getQualifiedName());
      return Optional.empty();
    }
    dev.schemacode.annotations.Table annotation = type.getAnnotation(dev.schemacode.annotations.Table.class);
    String tableName = annotation.name().isEmpty() ? Names.snakeCase(type.getSimpleName().toString()) : annotation.name();
    boolean valid = checkIdentifier(type, "table", tableName);
    if (!annotation.schema().isEmpty()) {
      valid &= checkIdentifier(type, "schema", annotation.schema());
    }

    List<dev.schemacode.model.Column> columns = new ArrayList<>();
    List<String> keyColumns = new ArrayList<>();
    Map<String, VariableElement> fieldsByColumn = new HashMap<>();
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      if (field.getModifiers().contains(Modifier.STATIC) || field.getModifiers().contains(Modifier.TRANSIENT)) {
        continue;
      }
      if (field.getAnnotation(Transient.class) != null) {
        valid &= checkTransient(field);
        continue;
      }
      Optional<dev.schemacode.model.Column> column = scanField(field);
      if (column.isEmpty()) {
        valid = false;
        continue;
      }
      String name = column.get().name();
      VariableElement previous = fieldsByColumn.putIfAbsent(name, field);
      if (previous != null) {
        reporter.error(field, Diagnostic.DUPLICATE_COLUMN, name, tableName, previous.getSimpleName(), field.getSimpleName());
        valid = false;
        continue;
      }
      columns.add(column.get());
      if (field.getAnnotation(Id.class) != null) {
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
    Optional<PrimaryKey> key = keyColumns.isEmpty()
        ? Optional.empty()
        : Optional.of(PrimaryKey.defaultFor(tableName, keyColumns));
    return Optional.of(new Table(new TableName(annotation.schema(), tableName), columns, key));
  }

  /** A {@code @Transient} field is not a column; column annotations on it are contradictions. */
  private boolean checkTransient(VariableElement field) {
    if (field.getAnnotation(Column.class) != null) {
      reporter.error(field, Diagnostic.TRANSIENT_COLUMN, field.getSimpleName());
      return false;
    }
    if (field.getAnnotation(Id.class) != null) {
      reporter.error(field, Diagnostic.TRANSIENT_ID, field.getSimpleName());
      return false;
    }
    return true;
  }

  private Optional<dev.schemacode.model.Column> scanField(VariableElement field) {
    Column column = field.getAnnotation(Column.class);
    boolean isId = field.getAnnotation(Id.class) != null;
    boolean isIdentity = field.getAnnotation(Identity.class) != null;

    String name = column != null && !column.name().isEmpty()
        ? column.name()
        : Names.snakeCase(field.getSimpleName().toString());
    if (!checkIdentifier(field, "column", name)) {
      return Optional.empty();
    }
    TypeMirror javaType = TypeMapper.optionalElement(field.asType()).orElse(field.asType());
    Optional<String> sqlType = sqlType(field, javaType, column);
    if (sqlType.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> nullableReason = Nullability.reason(field);
    if (isIdentity) {
      if (!TypeMapper.isInteger(sqlType.get())) {
        reporter.error(field, Diagnostic.IDENTITY_TYPE, field.getSimpleName(), field.asType());
        return Optional.empty();
      }
      // An identity column is NOT NULL in PostgreSQL; a @Nullable Long id only means "not assigned yet".
      return Optional.of(dev.schemacode.model.Column.identity(name, sqlType.get()));
    }
    if (isId && nullableReason.isPresent()) {
      reporter.error(field, Diagnostic.NULLABLE_ID, field.getSimpleName(), nullableReason.get());
      return Optional.empty();
    }
    return Optional.of(new dev.schemacode.model.Column(name, sqlType.get(), nullableReason.isPresent(), false));
  }

  private Optional<String> sqlType(VariableElement field, TypeMirror javaType, Column column) {
    boolean sized = column != null && (column.length() != 0 || column.precision() != 0 || column.scale() != 0);
    if (column != null && !column.type().isBlank()) {
      if (sized) {
        reporter.error(field, Diagnostic.TYPE_WITH_SIZE, field.getSimpleName());
        return Optional.empty();
      }
      return Optional.of(column.type().strip());
    }
    Optional<String> mapped = TypeMapper.sqlType(javaType);
    if (mapped.isEmpty()) {
      reporter.error(field, Diagnostic.UNMAPPABLE_TYPE, field.getSimpleName(), javaType);
      return Optional.empty();
    }
    if (column == null || !sized) {
      return mapped;
    }
    if (column.length() != 0) {
      if (!TypeMapper.isString(javaType)) {
        reporter.error(field, Diagnostic.LENGTH_NOT_TEXT, column.length(), field.getSimpleName());
        return Optional.empty();
      }
      if (column.length() < 1 || column.length() > MAX_VARCHAR_LENGTH) {
        reporter.error(field, Diagnostic.LENGTH_NOT_POSITIVE, column.length(), field.getSimpleName());
        return Optional.empty();
      }
      return Optional.of("varchar(" + column.length() + ")");
    }
    if (!TypeMapper.isBigDecimal(javaType)) {
      reporter.error(field, Diagnostic.PRECISION_NOT_DECIMAL, field.getSimpleName());
      return Optional.empty();
    }
    int precision = column.precision();
    int scale = column.scale();
    if (precision < 1 || precision > 1000 || scale < 0 || scale > precision) {
      reporter.error(field, Diagnostic.BAD_PRECISION, precision, scale, field.getSimpleName());
      return Optional.empty();
    }
    return Optional.of("numeric(" + precision + "," + scale + ")");
  }

  private boolean checkIdentifier(Element element, String what, String name) {
    String problem = null;
    if (name.isBlank()) {
      problem = "it is blank";
    } else if (name.indexOf('\0') >= 0) {
      problem = "it contains a NUL character";
    } else if (name.getBytes(StandardCharsets.UTF_8).length > MAX_IDENTIFIER_BYTES) {
      problem = "it is " + name.getBytes(StandardCharsets.UTF_8).length
          + " bytes long and PostgreSQL silently truncates identifiers to 63 bytes; choose a shorter name";
    }
    if (problem != null) {
      reporter.error(element, Diagnostic.BAD_NAME, what, name, element.getSimpleName(), problem);
      return false;
    }
    return true;
  }
}

package dev.schemacode.processor;

import dev.schemacode.annotations.Check;
import dev.schemacode.annotations.Column;
import dev.schemacode.annotations.Comment;
import dev.schemacode.annotations.Default;
import dev.schemacode.annotations.Id;
import dev.schemacode.annotations.Identity;
import dev.schemacode.annotations.Index;
import dev.schemacode.annotations.Json;
import dev.schemacode.annotations.References;
import dev.schemacode.annotations.RenamedFrom;
import dev.schemacode.annotations.Transient;
import dev.schemacode.annotations.Unique;
import dev.schemacode.model.Names;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/** Turns one field (or record component) into a column, reporting every mistake on the field. */
final class FieldScanner {
  private static final int MAX_VARCHAR_LENGTH = 10_485_760;
  /** Annotations that only make sense on a column, so never on a {@code @Transient} field. */
  private static final List<Class<? extends Annotation>> COLUMN_ANNOTATIONS = List.of(
      Identity.class, Default.class, Unique.class, Index.class, References.class, Check.class, Comment.class,
      RenamedFrom.class, Json.class);

  private final Reporter reporter;
  private final TypeMapper types;
  private final PresentAnnotations annotations;

  FieldScanner(Reporter reporter, PresentAnnotations annotations) {
    this.reporter = reporter;
    this.types = new TypeMapper(reporter, annotations);
    this.annotations = annotations;
  }

  /** Whether a {@code @Transient} field is free of column annotations; reports the contradiction. */
  boolean checkTransient(VariableElement field) {
    if (annotations.has(field, Column.class)) {
      reporter.error(field, Diagnostic.TRANSIENT_COLUMN, field.getSimpleName());
      return false;
    }
    if (annotations.has(field, Id.class)) {
      reporter.error(field, Diagnostic.TRANSIENT_ID, field.getSimpleName());
      return false;
    }
    for (Class<? extends Annotation> annotation : COLUMN_ANNOTATIONS) {
      if (!annotations.all(field, annotation).isEmpty()) {
        reporter.error(field, Diagnostic.TRANSIENT_CONFLICT, field.getSimpleName(), annotation.getSimpleName());
        return false;
      }
    }
    return true;
  }

  boolean isTransient(VariableElement field) {
    return annotations.has(field, Transient.class);
  }

  /**
   * @param type the field's type as a member of the entity (generic superclass fields resolved)
   */
  Optional<DeclaredEntity.DeclaredColumn> scan(VariableElement field, TypeMirror type) {
    Column column = annotations.get(field, Column.class);
    String name = column != null && !column.name().isEmpty()
        ? column.name()
        : Names.snakeCase(field.getSimpleName().toString());
    if (!Identifiers.check(reporter, field, "column", name)) {
      return Optional.empty();
    }
    TypeMirror javaType = TypeMapper.optionalElement(type).orElse(type);
    Optional<TypeMapper.MappedType> mapped = sqlType(field, javaType, column);
    if (mapped.isEmpty()) {
      return Optional.empty();
    }
    String sqlType = mapped.get().sql();
    Optional<String> nullableReason = Nullability.reason(field, type);
    Default defaultValue = annotations.get(field, Default.class);
    if (defaultValue != null && defaultValue.value().isBlank()) {
      reporter.error(field, Diagnostic.BLANK_VALUE, "@Default", field.getSimpleName());
      return Optional.empty();
    }
    Comment comment = annotations.get(field, Comment.class);
    if (comment != null && comment.value().isBlank()) {
      reporter.error(field, Diagnostic.BLANK_VALUE, "@Comment", field.getSimpleName());
      return Optional.empty();
    }
    boolean isId = annotations.has(field, Id.class);
    dev.schemacode.model.Column result;
    if (annotations.has(field, Identity.class)) {
      if (!TypeMapper.isInteger(sqlType)) {
        reporter.error(field, Diagnostic.IDENTITY_TYPE, field.getSimpleName(), type);
        return Optional.empty();
      }
      if (defaultValue != null) {
        reporter.error(field, Diagnostic.IDENTITY_WITH_DEFAULT, field.getSimpleName());
        return Optional.empty();
      }
      // An identity column is NOT NULL in PostgreSQL; a @Nullable Long id only means "not assigned yet".
      result = dev.schemacode.model.Column.identity(name, sqlType);
    } else {
      if (isId && nullableReason.isPresent()) {
        reporter.error(field, Diagnostic.NULLABLE_ID, field.getSimpleName(), nullableReason.get());
        return Optional.empty();
      }
      result = new dev.schemacode.model.Column(name, sqlType, nullableReason.isPresent(), false);
      if (defaultValue != null) {
        result = result.withDefault(defaultValue.value().strip());
      }
    }
    if (comment != null) {
      result = result.withComment(comment.value());
    }
    return Optional.of(new DeclaredEntity.DeclaredColumn(field, result, mapped.get().enumType(), javaType));
  }

  private Optional<TypeMapper.MappedType> sqlType(VariableElement field, TypeMirror javaType, Column column) {
    boolean sized = column != null && (column.length() != 0 || column.precision() != 0 || column.scale() != 0);
    boolean json = annotations.has(field, Json.class);
    if (column != null && !column.type().isBlank()) {
      if (json) {
        reporter.error(field, Diagnostic.JSON_WITH_TYPE, field.getSimpleName());
        return Optional.empty();
      }
      if (sized) {
        reporter.error(field, Diagnostic.TYPE_WITH_SIZE, field.getSimpleName());
        return Optional.empty();
      }
      return Optional.of(new TypeMapper.MappedType(column.type().strip(), Optional.empty()));
    }
    if (json) {
      if (sized) {
        reporter.error(field, Diagnostic.TYPE_WITH_SIZE, field.getSimpleName());
        return Optional.empty();
      }
      return Optional.of(new TypeMapper.MappedType("jsonb", Optional.empty()));
    }
    if (!sized) {
      return types.map(field, javaType);
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
      return Optional.of(new TypeMapper.MappedType("varchar(" + column.length() + ")", Optional.empty()));
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
    return Optional.of(new TypeMapper.MappedType("numeric(" + precision + "," + scale + ")", Optional.empty()));
  }
}

package dev.schemacode.processor;

import dev.schemacode.annotations.PgEnum;
import dev.schemacode.annotations.RenamedFrom;
import dev.schemacode.model.EnumType;
import dev.schemacode.model.Names;
import dev.schemacode.model.PostgresRenderer;
import dev.schemacode.model.QualifiedName;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The documented Java → PostgreSQL type table. Anything not in it is an error on the field, never a
 * guess.
 */
final class TypeMapper {
  /** A mapped type, and the PostgreSQL enum type it needs when the Java type is an enum. */
  record MappedType(String sql, Optional<JavaEnum> enumType) {}

  /**
   * A Java enum and the PostgreSQL enum type it maps to.
   *
   * @param valueRenames new label → old label, from {@code @RenamedFrom} on the constants
   */
  record JavaEnum(TypeElement element, EnumType type, Map<String, String> valueRenames) {}

  private static final Map<TypeKind, String> PRIMITIVES = Map.of(
      TypeKind.BOOLEAN, "boolean",
      TypeKind.SHORT, "smallint",
      TypeKind.INT, "integer",
      TypeKind.LONG, "bigint",
      TypeKind.FLOAT, "real",
      TypeKind.DOUBLE, "double precision");

  private static final Map<String, String> DECLARED = Map.ofEntries(
      Map.entry("java.lang.Boolean", "boolean"),
      Map.entry("java.lang.Short", "smallint"),
      Map.entry("java.lang.Integer", "integer"),
      Map.entry("java.lang.Long", "bigint"),
      Map.entry("java.lang.Float", "real"),
      Map.entry("java.lang.Double", "double precision"),
      Map.entry("java.lang.String", "text"),
      Map.entry("java.math.BigDecimal", "numeric"),
      Map.entry("java.math.BigInteger", "numeric"),
      Map.entry("java.util.UUID", "uuid"),
      Map.entry("java.time.Instant", "timestamptz"),
      Map.entry("java.time.OffsetDateTime", "timestamptz"),
      Map.entry("java.time.LocalDateTime", "timestamp"),
      Map.entry("java.time.LocalDate", "date"),
      Map.entry("java.time.LocalTime", "time"),
      Map.entry("java.time.Duration", "interval"),
      // JSON types of the libraries applications already use, found by name: no dependency on them.
      Map.entry("com.fasterxml.jackson.databind.JsonNode", "jsonb"),
      Map.entry("org.jooq.JSONB", "jsonb"),
      Map.entry("org.jooq.JSON", "json"));

  private static final Set<String> COLLECTIONS = Set.of("java.util.List", "java.util.Set", "java.util.Collection");
  private static final Set<String> INTEGER_TYPES = Set.of("smallint", "integer", "bigint");

  private final Reporter reporter;
  private final PresentAnnotations annotations;
  /** Each enum's mapping, made once: every table may have a column of a shared enum type. */
  private final Map<TypeElement, JavaEnum> enums = new java.util.HashMap<>();

  TypeMapper(Reporter reporter, PresentAnnotations annotations) {
    this.reporter = reporter;
    this.annotations = annotations;
  }

  /** Maps the field's Java type (already unwrapped from {@code Optional}); reports and returns empty when it cannot. */
  Optional<MappedType> map(Element field, TypeMirror type) {
    Optional<TypeMirror> element = arrayElement(type);
    if (element.isPresent()) {
      if (arrayElement(element.get()).isPresent() || isByteArray(element.get())) {
        reporter.error(field, Diagnostic.NESTED_ARRAY, field.getSimpleName(), type);
        return Optional.empty();
      }
      return scalar(field, element.get(), type).map(m -> new MappedType(m.sql() + "[]", m.enumType()));
    }
    return scalar(field, type, type);
  }

  private Optional<MappedType> scalar(Element field, TypeMirror type, TypeMirror shown) {
    if (type.getKind().isPrimitive()) {
      String sql = PRIMITIVES.get(type.getKind());
      if (sql != null) {
        return Optional.of(new MappedType(sql, Optional.empty()));
      }
    } else if (isByteArray(type)) {
      return Optional.of(new MappedType("bytea", Optional.empty()));
    } else if (type instanceof DeclaredType declared && declared.asElement().getKind() == ElementKind.ENUM) {
      return javaEnum(field, (TypeElement) declared.asElement())
          .map(javaEnum -> new MappedType(PostgresRenderer.typeName(javaEnum.type().name()), Optional.of(javaEnum)));
    } else {
      Optional<String> sql = qualifiedName(type).map(DECLARED::get);
      if (sql.isPresent()) {
        return Optional.of(new MappedType(sql.get(), Optional.empty()));
      }
    }
    reporter.error(field, Diagnostic.UNMAPPABLE_TYPE, field.getSimpleName(), shown);
    return Optional.empty();
  }

  private Optional<JavaEnum> javaEnum(Element field, TypeElement element) {
    JavaEnum known = enums.get(element);
    if (known != null) {
      return Optional.of(known);
    }
    List<String> labels = new java.util.ArrayList<>();
    Map<String, String> renames = new java.util.TreeMap<>();
    for (Element constant : element.getEnclosedElements()) {
      if (constant.getKind() == ElementKind.ENUM_CONSTANT) {
        labels.add(constant.getSimpleName().toString());
        RenamedFrom renamed = annotations.get(constant, RenamedFrom.class);
        if (renamed != null) {
          renames.put(constant.getSimpleName().toString(), renamed.value().strip());
        }
      }
    }
    if (labels.isEmpty()) {
      reporter.error(field, Diagnostic.EMPTY_ENUM, element.getQualifiedName());
      return Optional.empty();
    }
    PgEnum naming = annotations.get(element, PgEnum.class);
    String name = naming != null && !naming.name().isBlank()
        ? naming.name() : Names.snakeCase(element.getSimpleName().toString());
    String schema = naming != null ? naming.schema() : "";
    JavaEnum mapped = new JavaEnum(element, new EnumType(new QualifiedName(schema, name), labels), renames);
    enums.put(element, mapped);
    return Optional.of(mapped);
  }

  static boolean isInteger(String sqlType) {
    return INTEGER_TYPES.contains(sqlType);
  }

  static boolean isString(TypeMirror type) {
    return qualifiedName(type).filter("java.lang.String"::equals).isPresent();
  }

  static boolean isBigDecimal(TypeMirror type) {
    return qualifiedName(type).filter("java.math.BigDecimal"::equals).isPresent();
  }

  /** The T of {@code Optional<T>}, or empty when the type is not an Optional. */
  static Optional<TypeMirror> optionalElement(TypeMirror type) {
    return typeArgument(type, Set.of("java.util.Optional"));
  }

  /** The element type of {@code T[]} (not {@code byte[]}), {@code List<T>}, {@code Set<T>}, {@code Collection<T>}. */
  static Optional<TypeMirror> arrayElement(TypeMirror type) {
    if (type instanceof ArrayType array && !isByteArray(type)) {
      return Optional.of(array.getComponentType());
    }
    return typeArgument(type, COLLECTIONS);
  }

  private static boolean isByteArray(TypeMirror type) {
    return type instanceof ArrayType array && array.getComponentType().getKind() == TypeKind.BYTE;
  }

  private static Optional<TypeMirror> typeArgument(TypeMirror type, Set<String> containers) {
    if (qualifiedName(type).filter(containers::contains).isPresent()) {
      var arguments = ((DeclaredType) type).getTypeArguments();
      if (arguments.size() == 1) {
        return Optional.of(arguments.get(0));
      }
    }
    return Optional.empty();
  }

  static Optional<String> qualifiedName(TypeMirror type) {
    if (type instanceof DeclaredType declared && declared.asElement() instanceof TypeElement element) {
      return Optional.of(element.getQualifiedName().toString());
    }
    return Optional.empty();
  }
}

package dev.schemacode.processor;

import java.util.Map;
import java.util.Optional;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.element.TypeElement;

/** The documented Java → PostgreSQL type table. Anything not in it is an error, never a guess. */
final class TypeMapper {
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
      Map.entry("java.util.UUID", "uuid"),
      Map.entry("java.time.Instant", "timestamptz"),
      Map.entry("java.time.OffsetDateTime", "timestamptz"),
      Map.entry("java.time.LocalDateTime", "timestamp"),
      Map.entry("java.time.LocalDate", "date"),
      Map.entry("java.time.LocalTime", "time"),
      Map.entry("java.time.Duration", "interval"));

  private static final java.util.Set<String> INTEGER_TYPES =
      java.util.Set.of("smallint", "integer", "bigint");

  private TypeMapper() {}

  /** The SQL type for a (non-Optional) Java type, or empty when there is none. */
  static Optional<String> sqlType(TypeMirror type) {
    if (type.getKind().isPrimitive()) {
      return Optional.ofNullable(PRIMITIVES.get(type.getKind()));
    }
    if (type instanceof ArrayType array && array.getComponentType().getKind() == TypeKind.BYTE) {
      return Optional.of("bytea");
    }
    return qualifiedName(type).map(DECLARED::get);
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
    if (qualifiedName(type).filter("java.util.Optional"::equals).isPresent()) {
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

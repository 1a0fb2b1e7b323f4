package dev.schemacode.processor;

import java.util.Optional;
import java.util.stream.Stream;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.type.TypeMirror;

/**
 * Whether a field's column accepts NULL: never for primitives; for references only when annotated
 * with any annotation named {@code Nullable} (JSpecify, JetBrains, javax.annotation, …, as a
 * declaration or type-use annotation) or typed {@code Optional<T>}.
 */
final class Nullability {
  private Nullability() {}

  /** Why the field is nullable, for messages; empty when it is not. */
  static Optional<String> reason(Element field, TypeMirror type) {
    if (type.getKind().isPrimitive()) {
      return Optional.empty();
    }
    if (TypeMapper.optionalElement(type).isPresent()) {
      return Optional.of("typed Optional");
    }
    return Stream.of(field.getAnnotationMirrors(), field.asType().getAnnotationMirrors(), type.getAnnotationMirrors())
        .flatMap(java.util.List::stream)
        .map(Nullability::simpleName)
        .filter("Nullable"::equals)
        .findFirst()
        .map(name -> "annotated @Nullable");
  }

  private static String simpleName(AnnotationMirror annotation) {
    return annotation.getAnnotationType().asElement().getSimpleName().toString();
  }
}

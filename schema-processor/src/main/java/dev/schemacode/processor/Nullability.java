package dev.schemacode.processor;

import java.util.Optional;
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
    // loops, not a stream: this runs for every field, in a javac whose code is still interpreted
    for (java.util.List<? extends AnnotationMirror> annotations : java.util.List.of(field.getAnnotationMirrors(),
        field.asType().getAnnotationMirrors(), type.getAnnotationMirrors(), primitiveComponentAnnotations(field.asType()))) {
      for (AnnotationMirror annotation : annotations) {
        if (simpleName(annotation).equals("Nullable")) {
          return Optional.of("annotated @Nullable");
        }
      }
    }
    return Optional.empty();
  }

  /**
   * {@code @Nullable byte[]} puts a type-use annotation on {@code byte}, which cannot be null: the
   * writer meant the array ({@code byte @Nullable []} in JSpecify's spelling), so it counts for it.
   */
  private static java.util.List<? extends AnnotationMirror> primitiveComponentAnnotations(TypeMirror type) {
    if (type instanceof javax.lang.model.type.ArrayType array && array.getComponentType().getKind().isPrimitive()) {
      return array.getComponentType().getAnnotationMirrors();
    }
    return java.util.List.of();
  }

  private static String simpleName(AnnotationMirror annotation) {
    return annotation.getAnnotationType().asElement().getSimpleName().toString();
  }
}

package dev.schemacode.processor;

import java.lang.annotation.Annotation;
import java.lang.annotation.Repeatable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Which annotations each element carries, read once per element: the scanners ask every field
 * about some fifteen annotation types, and most are absent. javac answers each {@code
 * getAnnotation} by decoding the names of all the element's annotations again, and each {@code
 * getAnnotationsByType} by reflecting on the annotation type as well; in a new javac, where the
 * processor runs interpreted, those absent answers were about a third of scanning 500 entities.
 * Annotations that are present are still read through javac ({@code getAnnotation}).
 *
 * <p>None of schemacode's annotations is {@code @Inherited}, so an element's own annotation
 * mirrors are all there is to look at.
 */
final class PresentAnnotations {
  private final Map<Element, Set<String>> namesByElement = new IdentityHashMap<>();
  private final Map<Class<? extends Annotation>, String> containers = new HashMap<>();

  /** The annotation, or null when the element does not carry it (as {@link Element#getAnnotation}). */
  <A extends Annotation> A get(Element element, Class<A> type) {
    return names(element).contains(type.getCanonicalName()) ? element.getAnnotation(type) : null;
  }

  boolean has(Element element, Class<? extends Annotation> type) {
    return names(element).contains(type.getCanonicalName());
  }

  /** Every occurrence of a repeatable annotation, alone or in its container (as {@link Element#getAnnotationsByType}). */
  <A extends Annotation> List<A> all(Element element, Class<A> type) {
    Set<String> names = names(element);
    if (!names.contains(type.getCanonicalName()) && !names.contains(container(type))) {
      return List.of();
    }
    return List.of(element.getAnnotationsByType(type));
  }

  private Set<String> names(Element element) {
    Set<String> names = namesByElement.get(element);
    if (names == null) {
      List<? extends AnnotationMirror> mirrors = element.getAnnotationMirrors();
      names = mirrors.isEmpty() ? Set.of() : new HashSet<>();
      for (AnnotationMirror mirror : mirrors) {
        if (mirror.getAnnotationType().asElement() instanceof TypeElement annotation) {
          names.add(annotation.getQualifiedName().toString());
        }
      }
      namesByElement.put(element, names);
    }
    return names;
  }

  /** The container's name, or "" for an annotation that is not repeatable. */
  private String container(Class<? extends Annotation> type) {
    return containers.computeIfAbsent(type, t -> {
      Repeatable repeatable = t.getAnnotation(Repeatable.class);
      return repeatable == null ? "" : repeatable.value().getCanonicalName();
    });
  }
}

package dev.schemacode.bench.processors;

import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * The least any processor of {@code @Table} classes does: it is handed the entities and looks at
 * their members, and writes nothing. Its cost is javac's own price for running annotation
 * processing at all (another round, the members completed early), which no processor can avoid.
 */
public final class NoopProcessor extends AbstractProcessor {
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("dev.schemacode.annotations.Table");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    for (TypeElement annotation : annotations) {
      for (Element element : round.getElementsAnnotatedWith(annotation)) {
        element.getEnclosedElements().forEach(Element::asType);
      }
    }
    return false;
  }
}

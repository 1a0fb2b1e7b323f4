package dev.schemacode.bench.processors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * {@link NoopProcessor} that also writes one small class, as any processor that generates Java
 * must: javac then runs one more round and enters every class of the compilation again, which is
 * javac's price for generated sources and the floor under schemacode (it writes the migration index).
 */
public final class WritingNoopProcessor extends AbstractProcessor {
  private boolean written;

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
    if (!written && !annotations.isEmpty()) {
      written = true;
      try (Writer out = processingEnv.getFiler().createSourceFile("bench.model.GeneratedByNoop").openWriter()) {
        out.write("package bench.model;\n\npublic final class GeneratedByNoop {\n  private GeneratedByNoop() {}\n}\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return false;
  }
}

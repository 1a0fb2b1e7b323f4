package dev.schemacode.bench.processors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import javax.annotation.processing.Completion;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Wraps a processor and measures the time javac spends inside it ({@code init} and every {@code
 * process} round), so that a compile's time splits into the processor's own work and what javac
 * does around any processor. The total is appended, in nanoseconds, to the file named by the
 * system property {@code bench.processorTime} (for a javac process: {@code -J-Dbench.processorTime=…}).
 */
public abstract class TimedProcessor implements Processor {
  private final Processor delegate;
  private long nanos;

  protected TimedProcessor(String delegate) {
    try {
      this.delegate = (Processor) Class.forName(delegate, true, TimedProcessor.class.getClassLoader())
          .getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Set<String> getSupportedOptions() {
    return delegate.getSupportedOptions();
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return delegate.getSupportedAnnotationTypes();
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return delegate.getSupportedSourceVersion();
  }

  @Override
  public void init(ProcessingEnvironment environment) {
    long started = System.nanoTime();
    delegate.init(environment);
    nanos += System.nanoTime() - started;
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    long started = System.nanoTime();
    boolean claimed = delegate.process(annotations, round);
    nanos += System.nanoTime() - started;
    if (round.processingOver()) {
      String file = System.getProperty("bench.processorTime");
      if (file != null) {
        try {
          Files.writeString(Path.of(file), nanos + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
              StandardOpenOption.APPEND);
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return claimed;
  }

  @Override
  public Iterable<? extends Completion> getCompletions(Element element, AnnotationMirror annotation,
      ExecutableElement member, String userText) {
    return delegate.getCompletions(element, annotation, member, userText);
  }

  /** The schemacode processor, timed. */
  public static final class Schemacode extends TimedProcessor {
    public Schemacode() {
      super("dev.schemacode.processor.SchemaProcessor");
    }
  }

  /** Hibernate's JPA metamodel generator, timed. */
  public static final class Hibernate extends TimedProcessor {
    public Hibernate() {
      super("org.hibernate.processor.HibernateProcessor");
    }
  }

  /** A processor that does nothing but visit every entity's members, timed. */
  public static final class Noop extends TimedProcessor {
    public Noop() {
      super(NoopProcessor.class.getName());
    }
  }

  /** A processor that does nothing but visit every entity's members and write one small class, timed. */
  public static final class WritingNoop extends TimedProcessor {
    public WritingNoop() {
      super(WritingNoopProcessor.class.getName());
    }
  }
}

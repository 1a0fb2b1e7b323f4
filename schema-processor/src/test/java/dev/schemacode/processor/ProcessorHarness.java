package dev.schemacode.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/** Compiles sources with the processor against one migrations directory. */
final class ProcessorHarness {
  private ProcessorHarness() {}

  static JavaFileObject source(String qualifiedName, String... lines) {
    return JavaFileObjects.forSourceLines(qualifiedName, lines);
  }

  static Compilation compile(Path migrations, String mode, JavaFileObject... sources) {
    List<String> options = new ArrayList<>();
    options.add("-Aschemacode.migrations=" + migrations);
    options.add("-Aschemacode.jooq=false"); // jOOQ is on the test class path; JooqMetamodelTest switches it on
    if (mode != null) {
      options.add("-Aschemacode.mode=" + mode);
    }
    return javac().withProcessors(new SchemaProcessor()).withOptions(options).compile(sources);
  }

  static Compilation compile(Path migrations, JavaFileObject... sources) {
    return compile(migrations, null, sources);
  }

  /** Compiles with extra class-path entries, as an IDE compiles one file with the rest already built. */
  static Compilation compileWithClassPath(Path migrations, String mode, List<Path> extra, JavaFileObject... sources) {
    List<String> options = new ArrayList<>();
    options.add("-Aschemacode.migrations=" + migrations);
    options.add("-Aschemacode.jooq=false");
    if (mode != null) {
      options.add("-Aschemacode.mode=" + mode);
    }
    List<java.io.File> classPath = new ArrayList<>();
    extra.forEach(p -> classPath.add(p.toFile()));
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      classPath.add(new java.io.File(entry));
    }
    return javac().withProcessors(new SchemaProcessor()).withOptions(options).withClasspath(classPath)
        .compile(sources);
  }

  /** Compiles sources without the processor and writes their class files under {@code directory}. */
  static Path classesOf(Path directory, JavaFileObject... sources) {
    Compilation compilation = javac().withOptions("-proc:none").compile(sources);
    if (compilation.status() != Compilation.Status.SUCCESS) {
      throw new IllegalStateException(compilation.diagnostics().toString());
    }
    try {
      for (JavaFileObject file : compilation.generatedFiles()) {
        if (file.getKind() == JavaFileObject.Kind.CLASS) {
          String path = file.toUri().getPath();
          Path target = directory.resolve(path.substring(path.indexOf("CLASS_OUTPUT/") + "CLASS_OUTPUT/".length()));
          Files.createDirectories(target.getParent());
          try (var in = file.openInputStream()) {
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return directory;
  }

  /** Every file in the directory with its content, to compare whole states. */
  static Map<String, String> snapshot(Path directory) {
    Map<String, String> files = new TreeMap<>();
    if (!Files.isDirectory(directory)) {
      return files;
    }
    try (Stream<Path> entries = Files.list(directory)) {
      for (Path file : (Iterable<Path>) entries::iterator) {
        files.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }
}

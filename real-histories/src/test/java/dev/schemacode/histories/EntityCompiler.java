package dev.schemacode.histories;

import dev.schemacode.processor.SchemaProcessor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles one entity version with the schemacode processor, as {@code mvn compile} would: javac in this
 * JVM, the processor writing the next migration files and the ledger into the migrations directory.
 * Each version compiles into a fresh class output, so the classes of a version's dropped entities are
 * gone, as they would be from a clean checkout.
 */
final class EntityCompiler {
  private EntityCompiler() {}

  /** The processor's messages; fails the test with all of them if javac reports an error. */
  static List<String> compile(List<Path> sources, Path migrations, Path classes) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Files.createDirectories(classes);
    List<String> options = List.of("--release", "17", "-d", classes.toString(),
        "-classpath", System.getProperty("java.class.path"),
        "-Aschemacode.migrations=" + migrations, "-Aschemacode.jooq=false");
    boolean ok;
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, options, null,
          files.getJavaFileObjectsFromPaths(sources));
      task.setProcessors(List.of(new SchemaProcessor()));
      ok = task.call();
    }
    List<String> messages = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      String where = d.getSource() == null ? "" : Path.of(d.getSource().toUri()).getFileName() + ":" + d.getLineNumber() + ": ";
      messages.add(d.getKind() + ": " + where + d.getMessage(Locale.ROOT));
    }
    if (!ok) {
      throw new AssertionError("javac with the schemacode processor failed:\n  " + String.join("\n  ", messages));
    }
    return messages;
  }
}

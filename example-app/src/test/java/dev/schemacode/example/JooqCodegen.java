package dev.schemacode.example;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.jooq.codegen.DefaultGeneratorStrategy;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.Definition;
import org.jooq.meta.TableDefinition;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.ForcedType;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Logging;
import org.jooq.meta.jaxb.Strategy;
import org.jooq.meta.jaxb.Target;

/**
 * jOOQ's own code generator, run against a migrated database inside a test, with the settings a
 * codebase uses to match the processor's metamodel (docs/coming-from-jooq-codegen.md): the same
 * package and class names ({@link MatchingNames}), {@code Instant} for {@code timestamptz}, the
 * entity's enum for the enum column. The generated sources and {@link JooqQuerySuite} are compiled
 * together and loaded apart from the processor's classes of the same names.
 */
final class JooqCodegen {
  static final String PACKAGE = "dev.schemacode.example.jooq";
  private static final String SUITE = "src/test/java/dev/schemacode/example/JooqQuerySuite.java";

  private JooqCodegen() {}

  /** Names as the processor writes them: {@code CustomerTable}, {@code CustomerRecord}, {@code CustomerPath}, one package. */
  public static final class MatchingNames extends DefaultGeneratorStrategy {
    @Override
    public String getJavaClassName(Definition definition, Mode mode) {
      String name = super.getJavaClassName(definition, mode);
      return definition instanceof TableDefinition && mode == Mode.DEFAULT ? name + "Table" : name;
    }

    @Override
    public String getJavaPackageName(Definition definition, Mode mode) {
      return getTargetPackage();
    }
  }

  /** Runs the generator into {@code directory} and compiles its output with the query suite; returns a loader for both. */
  static ClassLoader generateAndCompile(String jdbcUrl, String user, String password, Path directory) throws Exception {
    Path sources = directory.resolve("src");
    Path classes = directory.resolve("classes");
    Files.createDirectories(classes);
    GenerationTool.generate(new Configuration()
        .withLogging(Logging.WARN)
        .withJdbc(new Jdbc().withDriver("org.postgresql.Driver").withUrl(jdbcUrl).withUser(user).withPassword(password))
        .withGenerator(new Generator()
            .withStrategy(new Strategy().withName(MatchingNames.class.getName()))
            .withDatabase(new Database()
                .withName("org.jooq.meta.postgres.PostgresDatabase")
                .withInputSchema("public")
                .withExcludes("schemacode_.*")
                .withForcedTypes(
                    new ForcedType().withName("INSTANT").withIncludeTypes("timestamp\\ with\\ time\\ zone"),
                    new ForcedType().withUserType(CollectionStatus.class.getName()).withEnumConverter(true)
                        .withIncludeTypes("collection_status")))
            .withGenerate(new Generate().withJavadoc(false))
            .withTarget(new Target().withPackageName(PACKAGE).withDirectory(sources.toString()))));

    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(sources)) {
      walk.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
    }
    files.add(Path.of(SUITE));
    compile(files, classes);
    return new ChildFirst(new URL[] {classes.toUri().toURL()}, JooqCodegen.class.getClassLoader());
  }

  private static void compile(List<Path> files, Path classes) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      List<String> options = List.of("-proc:none", "-d", classes.toString(),
          "-classpath", System.getProperty("java.class.path"), "-nowarn");
      boolean ok = javac.getTask(null, fileManager, diagnostics, options, null,
          fileManager.getJavaFileObjectsFromPaths(files)).call();
      if (!ok) {
        throw new AssertionError("the code generator's output and the query suite do not compile together:\n"
            + String.join("\n", diagnostics.getDiagnostics().stream().map(Object::toString).toList()));
      }
    }
  }

  /** Loads the generated package and the suite from the compiled directory, never the processor's classes of the same names. */
  private static final class ChildFirst extends URLClassLoader {
    ChildFirst(URL[] urls, ClassLoader parent) {
      super(urls, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith(PACKAGE + ".") && !name.startsWith(JooqQuerySuite.class.getName())) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        return loaded != null ? loaded : findClass(name);
      }
    }
  }
}

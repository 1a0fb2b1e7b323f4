package dev.schemacode.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An IDE compiles one changed entity with the rest already built: the jOOQ metamodel's schema-wide
 * classes ({@code Tables}, {@code Keys}, {@code Indexes}, schemas, catalog) still list every table,
 * written exactly as a build of all entities writes them, from the ledger's tables and classes.
 */
class JooqPartialCompilationTest {
  /** The classes every table and key of the schema is listed in. */
  private static final List<String> SCHEMA_WIDE = List.of("Tables", "Keys", "Indexes", "DefaultSchema", "Sales", "DefaultCatalog");

  @TempDir Path migrations;
  @TempDir Path classes;

  @Test
  void aCompilationOfOneEntityWritesTheSchemaWideClassesOfAll() throws IOException {
    Compilation full = compile(List.of(), JooqMetamodelTest.CUSTOMER, JooqMetamodelTest.STATUS, JooqMetamodelTest.ORDER);
    assertThat(full).succeeded();
    Map<String, String> complete = schemaWide(full);
    assertTrue(complete.get("Tables").contains("CUSTOMER = CustomerTable.CUSTOMER")
        && complete.get("Tables").contains("ORDER = OrderTable.ORDER"), complete.get("Tables"));
    writeClasses(full, classes);

    Compilation onlyOrder = compile(List.of(classes), JooqMetamodelTest.ORDER);
    assertThat(onlyOrder).succeeded();
    assertEquals(complete, schemaWide(onlyOrder), "compiled without Customer");
    assertTrue(onlyOrder.generatedSourceFile("com.example.jooq.CustomerTable").isEmpty(),
        "the classes of an entity not compiled stay those its own build wrote");

    Compilation onlyCustomer = compile(List.of(classes), JooqMetamodelTest.CUSTOMER);
    assertThat(onlyCustomer).succeeded();
    assertEquals(complete, schemaWide(onlyCustomer), "compiled without Order");
    // the to-many path from a table not compiled this time stays on the table compiled
    assertTrue(source(onlyCustomer, "CustomerTable").contains("public OrderTable.OrderPath order()"),
        source(onlyCustomer, "CustomerTable"));
  }

  @Test
  void theSchemaWideClassesAreTheSameOnEveryBuild() throws IOException {
    Compilation first = compile(List.of(), JooqMetamodelTest.CUSTOMER, JooqMetamodelTest.STATUS, JooqMetamodelTest.ORDER);
    Compilation second = compile(List.of(), JooqMetamodelTest.ORDER, JooqMetamodelTest.STATUS, JooqMetamodelTest.CUSTOMER);
    assertThat(first).succeeded();
    assertThat(second).succeeded();
    assertEquals(schemaWide(first), schemaWide(second));
  }

  /** A ledger last written before classes were recorded: the table cannot be referenced, and the build says so. */
  @Test
  void aTableWithoutARecordedClassIsLeftOutWithAWarning() throws IOException {
    Compilation full = compile(List.of(), JooqMetamodelTest.CUSTOMER, JooqMetamodelTest.STATUS, JooqMetamodelTest.ORDER);
    assertThat(full).succeeded();
    writeClasses(full, classes);
    Path ledgerFile = migrations.resolve(dev.schemacode.model.Ledger.FILE_NAME);
    dev.schemacode.model.Ledger ledger = dev.schemacode.model.LedgerCodec.read(Files.readString(ledgerFile), ledgerFile.toString());
    Files.writeString(ledgerFile, dev.schemacode.model.LedgerCodec.write(ledger.withDeclaredBy(Map.of())));

    Compilation onlyCustomer = compile(List.of(classes), JooqMetamodelTest.CUSTOMER);
    assertThat(onlyCustomer).succeeded();
    assertThat(onlyCustomer).hadWarningContaining("[schemacode:JooqPartial]");
    assertThat(onlyCustomer).hadWarningContaining("leave out table sales.order");
    assertTrue(!source(onlyCustomer, "Tables").contains("ORDER"), source(onlyCustomer, "Tables"));
  }

  private Compilation compile(List<Path> classPath, JavaFileObject... sources) {
    List<File> path = new ArrayList<>();
    classPath.forEach(p -> path.add(p.toFile()));
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      path.add(new File(entry));
    }
    return javac().withProcessors(new SchemaProcessor()).withOptions("-Aschemacode.migrations=" + migrations)
        .withClasspath(path).compile(sources);
  }

  private static Map<String, String> schemaWide(Compilation compilation) throws IOException {
    Map<String, String> sources = new TreeMap<>();
    for (String name : SCHEMA_WIDE) {
      sources.put(name, source(compilation, name));
    }
    return sources;
  }

  private static String source(Compilation compilation, String simpleName) throws IOException {
    return compilation.generatedSourceFile("com.example.jooq." + simpleName).orElseThrow(
        () -> new AssertionError("no com.example.jooq." + simpleName)).getCharContent(true).toString();
  }

  /** The class files of a compilation, as a build leaves them in its output directory. */
  private static void writeClasses(Compilation compilation, Path directory) {
    for (JavaFileObject file : compilation.generatedFiles()) {
      String path = file.toUri().getPath();
      int root = path.indexOf("/CLASS_OUTPUT/");
      if (file.getKind() != JavaFileObject.Kind.CLASS || root < 0) {
        continue;
      }
      Path target = directory.resolve(path.substring(root + "/CLASS_OUTPUT/".length()));
      try (InputStream in = file.openInputStream()) {
        Files.createDirectories(target.getParent());
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}

package dev.schemacode.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.schemacode.processor.ProcessorHarness.compile;
import static dev.schemacode.processor.ProcessorHarness.snapshot;
import static dev.schemacode.processor.ProcessorHarness.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.schemacode.model.DeclaredSchema;
import dev.schemacode.model.DeclaredSchemaCodec;
import dev.schemacode.model.Ledger;
import dev.schemacode.model.LedgerCodec;
import dev.schemacode.model.QualifiedName;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One migration per feature: builds in {@code -Aschemacode.mode=push} write nothing into the
 * migrations directory and leave the declared schema for {@code schemacode push}; the next build in
 * generate mode writes everything since as one migration. Recorded migrations are never touched,
 * and verify mode still fails while the migration is missing.
 */
class PushModeTest {
  private static final String DECLARED = "db/migration/" + DeclaredSchema.FILE_NAME;

  @TempDir Path migrations;

  /** The customer entity, version {@code n} of a feature being iterated on. */
  private static JavaFileObject customer(String... fields) {
    List<String> lines = new ArrayList<>(List.of(
        "package com.example;",
        "import dev.schemacode.annotations.*;",
        "import org.jspecify.annotations.Nullable;",
        "@Table",
        "public class Customer {",
        "  @Id @Identity long id;",
        "  String email;"));
    lines.addAll(List.of(fields));
    lines.add("}");
    return source("com.example.Customer", lines.toArray(String[]::new));
  }

  private static final JavaFileObject ORDER = source("com.example.Order",
      "package com.example;",
      "import dev.schemacode.annotations.*;",
      "@Table(name = \"orders\")",
      "public class Order {",
      "  @Id @Identity long id;",
      "  long total;",
      "}");

  @Test
  void fiveIterationsInPushModeThenOneGenerateBuildLeaveOneMigration() {
    assertThat(compile(migrations, customer(), ORDER)).succeeded();
    Map<String, String> committed = snapshot(migrations);

    List<JavaFileObject> iterations = List.of(
        customer("  @Nullable String phone;"),
        customer("  @Nullable String phone;", "  @Nullable String fax;"),
        customer("  @Nullable @Column(length = 40) String phone;", "  @Nullable String fax;"),
        customer("  @Nullable @Column(length = 40) String phone;"),
        customer("  @Nullable @Column(length = 40) String phone;", "  @Default(\"true\") boolean active;"));
    for (JavaFileObject iteration : iterations) {
      Compilation compilation = compile(migrations, "push", iteration, ORDER);
      assertThat(compilation).succeeded();
      assertThat(compilation).hadNoteContaining("[schemacode:Postponed]");
      assertEquals(committed, snapshot(migrations), "push mode writes nothing into the migrations directory");
      // the build still ships what is recorded, and the declarations for push
      assertThat(compilation).generatedFile(StandardLocation.CLASS_OUTPUT, "db/migration/" + Ledger.FILE_NAME)
          .contentsAsUtf8String().isEqualTo(committed.get(Ledger.FILE_NAME));
      assertThat(compilation).generatedFile(StandardLocation.CLASS_OUTPUT, DECLARED).contentsAsUtf8String()
          .contains("\"name\": \"phone\"");
    }
    Compilation last = compile(migrations, "push", iterations.get(4), ORDER);
    DeclaredSchema declared = declared(last);
    assertEquals(List.of("id", "email", "phone", "active"), declared.schema().table(QualifiedName.of("customer"))
        .orElseThrow().columns().stream().map(c -> c.name()).toList());
    assertEquals(LedgerCodec.read(committed.get(Ledger.FILE_NAME), "ledger").head(), declared.ledgerHead());

    Compilation generate = compile(migrations, iterations.get(4), ORDER);
    assertThat(generate).succeeded();
    Map<String, String> after = snapshot(migrations);
    List<String> added = after.keySet().stream().filter(name -> !committed.containsKey(name))
        .filter(name -> name.startsWith("V")).toList(); // and its reverse, U0002__… (docs/history.md)
    assertEquals(List.of("V0002__add_customer_phone_add_customer_active.sql"), added);
    String migration = after.get(added.get(0));
    assertTrue(migration.contains("ADD COLUMN \"phone\" varchar(40)"), migration);
    assertTrue(migration.contains("ADD COLUMN \"active\" boolean DEFAULT true NOT NULL"), migration);
    assertFalse(migration.contains("fax"), "a column added and removed while pushing never reaches a migration");
    assertEquals(committed.get("V0001__init.sql"), after.get("V0001__init.sql"));
    // what generate mode leaves for push is the ledger's schema at its new head
    Ledger ledger = LedgerCodec.read(after.get(Ledger.FILE_NAME), "ledger");
    assertEquals(new DeclaredSchema(ledger.schema(), declared.renames(), ledger.declaredBy(), ledger.head()), declared(generate));
  }

  @Test
  void verifyStillFailsOnTheMissingMigrationAfterPushModeBuilds() {
    assertThat(compile(migrations, customer(), ORDER)).succeeded();
    assertThat(compile(migrations, "push", customer("  @Nullable String phone;"), ORDER)).succeeded();

    Compilation ci = compile(migrations, "verify", customer("  @Nullable String phone;"), ORDER);
    assertThat(ci).failed();
    assertThat(ci).hadErrorContaining("[schemacode:Drift]");
    assertThat(ci).hadErrorContaining("add column customer.phone");
  }

  @Test
  void migrationsInTheLedgerAreNeverRewrittenByPushModeOrTheFinalGeneration() {
    assertThat(compile(migrations, customer(), ORDER)).succeeded();
    assertThat(compile(migrations, customer("  @Nullable @Column(length = 20) String phone;"), ORDER)).succeeded();
    Map<String, String> committed = snapshot(migrations); // V0001, V0002 and the ledger, as a commit holds them
    Ledger recorded = LedgerCodec.read(committed.get(Ledger.FILE_NAME), "ledger");

    // the feature goes on: the column V0002 added changes, and another comes and changes, while pushing
    assertThat(compile(migrations, "push", customer("  @Nullable String phone;"), ORDER)).succeeded();
    assertEquals(committed, snapshot(migrations));
    assertThat(compile(migrations, "push", customer("  @Nullable String phone;", "  @Nullable Integer age;"), ORDER))
        .succeeded();
    assertEquals(committed, snapshot(migrations));
    assertThat(compile(migrations, customer("  @Nullable String phone;", "  @Default(\"0\") int age;"), ORDER))
        .succeeded();

    Map<String, String> after = snapshot(migrations);
    for (String file : List.of("V0001__init.sql", "V0002__add_customer_phone.sql")) {
      assertEquals(committed.get(file), after.get(file), file + " was recorded and must stay as it is");
    }
    Ledger ledger = LedgerCodec.read(after.get(Ledger.FILE_NAME), "ledger");
    assertEquals(recorded.migrations(), ledger.migrations().subList(0, 2), "the recorded entries and their chain stay");
    assertEquals(3, ledger.migrations().size());
    assertTrue(ledger.migrations().get(2).file().fileName().startsWith("V0003__"), ledger.migrations().toString());
  }

  @Test
  void pushModeNeedsNoAcknowledgementButTheGeneratedMigrationStillDoes() {
    assertThat(compile(migrations, customer("  @Nullable String fax;"), ORDER)).succeeded();
    Compilation push = compile(migrations, "push", customer(), ORDER);
    assertThat(push).succeeded(); // push asks for --accept-data-loss at the database instead
    assertThat(push).hadNoteContaining("drop column customer.fax");

    Compilation generate = compile(migrations, customer(), ORDER);
    assertThat(generate).failed();
    assertThat(generate).hadErrorContaining("[schemacode:DataLoss] drop column customer.fax");
  }

  @Test
  void theDeclaredSchemaIsTheSameFileForTheSameDeclarationsAndCarriesTheRenames() {
    assertThat(compile(migrations, customer("  @Nullable String phone;"), ORDER)).succeeded();
    JavaFileObject renamed = customer("  @Nullable @RenamedFrom(\"phone\") String mobile;");
    String first = text(compile(migrations, "push", renamed, ORDER));
    String again = text(compile(migrations, "push", ORDER, renamed));
    assertEquals(first, again);
    DeclaredSchema declared = DeclaredSchemaCodec.read(first, "declared");
    assertEquals(Map.of("mobile", "phone"), declared.renames().columns().get(QualifiedName.of("customer")));
    assertEquals(declared, DeclaredSchemaCodec.read(DeclaredSchemaCodec.write(declared), "again"));
  }

  /**
   * An IDE compiles only the file that changed. After a push-mode build the ledger no longer holds
   * the latest declarations, so the tables of the classes it did not see come from the previous
   * build's declared schema in the class output: otherwise a push would undo the earlier edit.
   */
  @Test
  void aPartialCompilationAfterAPushModeBuildKeepsTheOtherClassesLatestDeclarations(@TempDir Path work) throws IOException {
    Path sources = work.resolve("src");
    Path classes = Files.createDirectories(work.resolve("classes"));
    Path customer = write(sources, "com/example/Customer.java", customer());
    Path order = write(sources, "com/example/Order.java", ORDER);
    assertTrue(javac(classes, "generate", customer, order));

    write(sources, "com/example/Customer.java", customer("  @Nullable String phone;"));
    assertTrue(javac(classes, "push", customer, order));
    // only Order changed and is compiled; Customer is on the class path
    write(sources, "com/example/Order.java", source("com.example.Order",
        "package com.example;",
        "import dev.schemacode.annotations.*;",
        "@Table(name = \"orders\")",
        "public class Order {",
        "  @Id @Identity long id;",
        "  long total;",
        "  @Default(\"0\") long discount;",
        "}"));
    assertTrue(javac(classes, "push", order));

    DeclaredSchema declared = DeclaredSchemaCodec.read(
        Files.readString(classes.resolve(DECLARED), StandardCharsets.UTF_8), "declared");
    assertTrue(declared.schema().table(QualifiedName.of("customer")).orElseThrow().column("phone").isPresent(),
        "the earlier push-mode edit of a class not compiled now is kept");
    assertTrue(declared.schema().table(QualifiedName.of("orders")).orElseThrow().column("discount").isPresent());

    // and the generate build that follows, partial too, writes both changes as one migration
    assertTrue(javac(classes, "generate", order));
    List<String> files = snapshot(migrations).keySet().stream().filter(n -> n.startsWith("V0002")).toList();
    assertEquals(1, files.size(), snapshot(migrations).keySet().toString());
    String migration = snapshot(migrations).get(files.get(0));
    assertTrue(migration.contains("\"phone\"") && migration.contains("\"discount\""), migration);
  }

  private boolean javac(Path classes, String mode, Path... files) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager manager = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      List<String> options = List.of("-d", classes.toString(),
          "-classpath", classes + File.pathSeparator + System.getProperty("java.class.path"),
          "-Aschemacode.migrations=" + migrations, "-Aschemacode.jooq=false", "-Aschemacode.mode=" + mode);
      JavaCompiler.CompilationTask task = compiler.getTask(null, manager, null, options, null,
          manager.getJavaFileObjects(files));
      task.setProcessors(List.of(new SchemaProcessor()));
      return task.call();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path write(Path sources, String relative, JavaFileObject source) throws IOException {
    Path file = sources.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, source.getCharContent(true), StandardCharsets.UTF_8);
    return file;
  }

  private static String text(Compilation compilation) {
    assertThat(compilation).succeeded();
    try {
      return compilation.generatedFile(StandardLocation.CLASS_OUTPUT, DECLARED).orElseThrow()
          .getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static DeclaredSchema declared(Compilation compilation) {
    return DeclaredSchemaCodec.read(text(compilation), "declared");
  }
}

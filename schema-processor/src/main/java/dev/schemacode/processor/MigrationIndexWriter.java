package dev.schemacode.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.schemacode.model.Ledger;
import dev.schemacode.model.LedgerEntry;
import java.io.IOException;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Modifier;

/**
 * Writes the Java index of this build's migrations: their file names and checksums as a
 * {@code MigrationIndex} constant, so the runtime resolves migrations without class-path scanning or
 * parsing the ledger, and can tell a stale or missing resource.
 */
final class MigrationIndexWriter {
  static final ClassName MIGRATION_INDEX = ClassName.get("dev.schemacode.model", "MigrationIndex");
  private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

  private MigrationIndexWriter() {}

  static JavaFile javaFile(ClassName name, String resourcePath, Ledger ledger) {
    CodeBlock.Builder entries = CodeBlock.builder().add("$T.of($S$>$>", MIGRATION_INDEX, resourcePath);
    for (LedgerEntry entry : ledger.migrations()) {
      entries.add(",\n$T.entry($S, $S)", MIGRATION_INDEX, entry.file().fileName(), entry.checksum());
    }
    entries.add("$<$<)");
    FieldSpec index = FieldSpec.builder(MIGRATION_INDEX, "INDEX", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Every migration of this build, in order, with its SHA-256.\n")
        .initializer(entries.build())
        .build();
    TypeSpec type = TypeSpec.classBuilder(name)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addAnnotation(AnnotationSpec.builder(GENERATED).addMember("value", "$S", SchemaProcessor.class.getName()).build())
        .addJavadoc("The migrations this build ships. Apply them with\n"
            + "{@code Migrator.builder().migrations(MigrationSource.index($L.INDEX))}.\n", name.simpleName())
        .addField(index)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .build();
    return JavaFile.builder(name.packageName(), type).skipJavaLangImports(true).indent("    ").build();
  }

  static void write(Filer filer, ClassName name, String resourcePath, Ledger ledger) throws IOException {
    javaFile(name, resourcePath, ledger).writeTo(filer);
  }
}

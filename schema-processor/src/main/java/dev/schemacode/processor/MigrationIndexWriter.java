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
import dev.schemacode.model.MigrationIndex;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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

  /**
   * What one string constant of the index may hold, in bytes of the class file's (modified) UTF-8:
   * the format's limit is 65,535; a margin keeps every constant clear of it.
   */
  static final int MAX_TEXT_BYTES = 60_000;

  static JavaFile javaFile(ClassName name, String resourcePath, Ledger ledger) {
    CodeBlock.Builder entries = CodeBlock.builder().add("$T.parse($S$>$>", MIGRATION_INDEX, resourcePath);
    for (String text : texts(ledger)) {
      entries.add(",\n$S", text);
    }
    entries.add("$<$<)");
    MigrationIndex.Summary summary = MigrationIndex.summarise(ledger.migrations().stream()
        .map(entry -> MigrationIndex.entry(entry.file().fileName(), entry.checksum())).toList());
    if (summary != null) { // what a fully applied history looks like, so that the runtime need not compute it
      entries.add("\n$>$>.withSummary($S, $S)$<$<", summary.digest(), summary.currentVersion());
    }
    FieldSpec index = FieldSpec.builder(MIGRATION_INDEX, "INDEX", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Every migration of this build, in order, with its SHA-256: a line each; and the digest of a\n"
            + "history with all of them applied, with the newest version.\n")
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

  /**
   * The index's lines ({@link MigrationIndex#line}) in as few string constants as the class-file
   * format allows: one entry call per migration would exceed a method's 64 kB at about 4,600
   * migrations, so the class holds text, whatever the history's length.
   */
  static List<String> texts(Ledger ledger) {
    List<String> texts = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int bytes = 0;
    for (LedgerEntry entry : ledger.migrations()) {
      String line = MigrationIndex.line(entry.file().fileName(), entry.checksum());
      int size = modifiedUtf8Length(line);
      if (bytes + size > MAX_TEXT_BYTES && bytes > 0) {
        texts.add(text.toString());
        text.setLength(0);
        bytes = 0;
      }
      text.append(line);
      bytes += size;
    }
    if (bytes > 0) {
      texts.add(text.toString());
    }
    return texts;
  }

  private static int modifiedUtf8Length(String s) {
    int length = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      length += c != 0 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    }
    return length;
  }

  static void write(Filer filer, ClassName name, String resourcePath, Ledger ledger) throws IOException {
    javaFile(name, resourcePath, ledger).writeTo(filer);
  }
}

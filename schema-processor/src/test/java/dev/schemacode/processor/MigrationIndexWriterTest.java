package dev.schemacode.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.schemacode.model.Checksums;
import dev.schemacode.model.Ledger;
import dev.schemacode.model.LedgerEntry;
import dev.schemacode.model.MigrationFileName;
import dev.schemacode.model.MigrationIndex;
import dev.schemacode.model.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MigrationIndexWriterTest {
  /**
   * One {@code entry(…)} call per migration in the class initialiser stopped compiling ("code too
   * large") at about 4,600 migrations; the index must compile, and load, for any history.
   */
  @Test
  void anIndexOfTenThousandMigrationsCompilesAndLoadsThemAllInOrder() throws Exception {
    Ledger ledger = Ledger.EMPTY;
    List<MigrationIndex.Entry> expected = new ArrayList<>();
    for (int i = 1; i <= 10_000; i++) {
      String file = String.format(Locale.ROOT, "V%05d__create_table_number_%05d.sql", i, i);
      String checksum = Checksums.ofScript("CREATE TABLE t" + i + " (id int);\n");
      ledger = ledger.append(MigrationFileName.parse(file).orElseThrow(), checksum, LedgerEntry.Origin.GENERATED,
          Schema.EMPTY);
      expected.add(MigrationIndex.entry(file, checksum));
    }
    assertTrue(MigrationIndexWriter.texts(ledger).size() > 1, "the test must span more than one string constant");

    String source = MigrationIndexWriter.source("com.example.SchemacodeMigrations", "db/migration", ledger);
    Compilation compilation = javac().withOptions("-proc:none")
        .compile(JavaFileObjects.forSourceString("com.example.SchemacodeMigrations", source));
    assertThat(compilation).succeeded();

    Class<?> index = GeneratedClasses.loader(compilation).loadClass("com.example.SchemacodeMigrations");
    MigrationIndex loaded = (MigrationIndex) index.getField("INDEX").get(null);
    assertEquals("db/migration", loaded.resourcePath());
    assertEquals(expected, loaded.migrations());
    assertEquals(new MigrationIndex.Summary(MigrationIndex.summarise(expected).digest(), "10000"), loaded.summary());
  }

  /**
   * The index is written as text: every type fully qualified (a class the user names {@code
   * Generated} or {@code MigrationIndex}, in the unnamed package, cannot clash with an import), and
   * any resource path a literal can hold.
   */
  @Test
  void anIndexNamedLikeWhatItUsesWithAnOddResourcePathCompilesAndLoads() throws Exception {
    String file = "V0001__init.sql";
    String checksum = Checksums.ofScript("CREATE TABLE t (id int);\n");
    Ledger ledger = Ledger.EMPTY.append(MigrationFileName.parse(file).orElseThrow(), checksum,
        LedgerEntry.Origin.GENERATED, Schema.EMPTY);
    String path = "db/\"quoted\" \\ back\tslash/caf\u00e9/\ud83d\ude00";
    for (String name : List.of("Generated", "com.example.MigrationIndex")) {
      String source = MigrationIndexWriter.source(name, path, ledger);
      Compilation compilation = javac().withOptions("-proc:none").compile(JavaFileObjects.forSourceString(name, source));
      assertThat(compilation).succeeded();
      MigrationIndex loaded = (MigrationIndex) GeneratedClasses.loader(compilation).loadClass(name).getField("INDEX")
          .get(null);
      assertEquals(path, loaded.resourcePath(), source);
      assertEquals(List.of(MigrationIndex.entry(file, checksum)), loaded.migrations());
    }
  }
}

package dev.schemacode.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemacode.model.Ledger;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class output on disk, as Maven's builds have it: the resources step has copied the migrations
 * there before javac runs, and its incremental compiler deletes what an earlier processor run wrote.
 * The processor writes what is missing or stale and leaves what is up to date alone.
 */
class ClassOutputShippingTest {
  @TempDir Path migrations;
  @TempDir Path classes;

  @Test
  void upToDateFilesAreLeftAloneMissingAndStaleOnesWritten() throws Exception {
    compile();
    Path source = migrations.resolve("V0001__init.sql");
    Path shipped = classes.resolve("db/migration/V0001__init.sql");
    Path shippedLedger = classes.resolve("db/migration/" + Ledger.FILE_NAME);
    String script = Files.readString(source, StandardCharsets.UTF_8);
    assertEquals(script, Files.readString(shipped, StandardCharsets.UTF_8));
    assertEquals(Files.readString(migrations.resolve(Ledger.FILE_NAME)), Files.readString(shippedLedger));

    // copied after the source last changed, as the resources step does: not written again
    FileTime copied = FileTime.from(Files.getLastModifiedTime(source).toInstant().plusSeconds(60));
    Files.setLastModifiedTime(shipped, copied);
    Files.setLastModifiedTime(shippedLedger, copied);
    compile();
    assertEquals(copied, Files.getLastModifiedTime(shipped));
    assertEquals(copied, Files.getLastModifiedTime(shippedLedger));

    // deleted (Maven's incremental compiler removes what an earlier processor run wrote): written
    Files.delete(shipped);
    compile();
    assertEquals(script, Files.readString(shipped, StandardCharsets.UTF_8));

    // same size but older than the source (a checkout since the copy): written
    Files.writeString(shipped, "x".repeat(script.getBytes(StandardCharsets.UTF_8).length), StandardCharsets.UTF_8);
    Files.setLastModifiedTime(shipped, FileTime.from(Files.getLastModifiedTime(source).toInstant().minusSeconds(60)));
    compile();
    assertEquals(script, Files.readString(shipped, StandardCharsets.UTF_8));

    // newer but of another size: written
    Files.writeString(shipped, "-- something else\n", StandardCharsets.UTF_8);
    Files.setLastModifiedTime(shipped, copied);
    compile();
    assertEquals(script, Files.readString(shipped, StandardCharsets.UTF_8));
  }

  private void compile() throws Exception {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter messages = new StringWriter();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      JavaCompiler.CompilationTask task = javac.getTask(messages, files, null,
          List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path"),
              "-Aschemacode.migrations=" + migrations, "-Aschemacode.jooq=false"),
          null, List.of(MigrationGenerationTest.CUSTOMER, MigrationGenerationTest.PAYMENT));
      task.setProcessors(List.of(new SchemaProcessor()));
      assertTrue(task.call(), messages::toString);
    }
  }
}

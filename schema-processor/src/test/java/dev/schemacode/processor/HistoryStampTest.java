package dev.schemacode.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemacode.model.Ledger;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stamp of the last full history check ({@link HistoryStamp}), kept in the build directory beside
 * the class output: an incremental compile whose migrations directory lists exactly what the stamp
 * saw reads no recorded file; anything else checks every file. These compiles use a class output on
 * disk, as Maven's and IDEs' builds do ({@link ProcessorHarness}'s Compile Testing keeps it in memory,
 * which is a clean build every time: no stamp, every file read).
 */
class HistoryStampTest {
  private static final Instant LONG_AGO = Instant.now().minusSeconds(3600);

  @TempDir Path build;
  private Path migrations;
  private Path classes;
  private Path v1;

  @BeforeEach
  void recordAHistoryAndStampIt() throws Exception {
    migrations = build.resolve("src/main/resources/db/migration");
    classes = build.resolve("classes");
    assertTrue(compile(null).success(), "first build");
    v1 = migrations.resolve("V0001__init.sql");
    age(); // a history committed long ago, as after a checkout: files older than the clock's granularity
    assertTrue(compile(null).success(), "a build that checks in full and stamps what it saw");
    assertEquals(1, stamps().size(), "one stamp, beside the class output: " + stamps());
  }

  @Test
  void aMigrationEditedInPlaceIsFoundThoughAStampExists() throws Exception {
    Files.writeString(v1, Files.readString(v1) + "-- sneaky edit\n", StandardOpenOption.TRUNCATE_EXISTING);
    Result result = compile(null);
    assertFalse(result.success());
    assertTrue(result.messages().contains("[schemacode:ModifiedMigration] " + v1), result.messages());
  }

  @Test
  void anEditThatKeepsTheSizeButNotTheTimeIsFound() throws Exception {
    Files.writeString(v1, sameLengthEdit(Files.readString(v1)), StandardOpenOption.TRUNCATE_EXISTING);
    Result result = compile(null);
    assertFalse(result.success());
    assertTrue(result.messages().contains("[schemacode:ModifiedMigration] " + v1), result.messages());
  }

  @Test
  void aFileReplacedBySameSizeAndTimeIsFoundByItsIdentity() throws Exception {
    FileTime time = Files.getLastModifiedTime(v1);
    Path other = migrations.resolve("replacement.tmp");
    Files.writeString(other, sameLengthEdit(Files.readString(v1)));
    Files.move(other, v1, java.nio.file.StandardCopyOption.REPLACE_EXISTING); // what an editor's save does
    Files.setLastModifiedTime(v1, time);
    Result result = compile(null);
    assertFalse(result.success());
    assertTrue(result.messages().contains("[schemacode:ModifiedMigration] " + v1), result.messages());
  }

  @Test
  void aDeletedMigrationIsFoundThoughAStampExists() throws Exception {
    Files.delete(v1);
    Result result = compile(null);
    assertFalse(result.success());
    assertTrue(result.messages().contains("[schemacode:MissingMigration] V0001__init.sql"), result.messages());
  }

  @Test
  void anEditedLedgerIsCheckedInFull() throws Exception {
    // the ledger's text changes (a merge, a hand edit), the migration with it: the stamp no longer matches
    Files.writeString(v1, sameLengthEdit(Files.readString(v1)), StandardOpenOption.TRUNCATE_EXISTING);
    Files.setLastModifiedTime(v1, FileTime.from(LONG_AGO));
    Path ledger = migrations.resolve(Ledger.FILE_NAME);
    Files.writeString(ledger, Files.readString(ledger) + " ", StandardOpenOption.TRUNCATE_EXISTING);
    Result result = compile(null);
    assertFalse(result.success());
    assertTrue(result.messages().contains("[schemacode:ModifiedMigration] " + v1), result.messages());
  }

  @Test
  void aLedgerWhoseSchemaWasEditedByHandIsFoundThoughAStampExists() throws Exception {
    Path ledger = migrations.resolve(Ledger.FILE_NAME);
    Files.writeString(ledger, sameLengthSchemaEdit(Files.readString(ledger)), StandardOpenOption.TRUNCATE_EXISTING);
    Result result = compile(null);
    assertFalse(result.success());
    assertTrue(result.messages().contains("the schema section was edited by hand"), result.messages());
  }

  /**
   * The stamp vouches for the ledger's schema checksum too (recomputing it serialises the whole
   * schema on every compile). The trust, stated as a test: a schema edit made to keep the ledger's
   * size, time and identity is found by verify mode (the CI gate), and not by an incremental compile
   * in generate mode, which takes the edited schema as recorded.
   */
  @Test
  void aLedgerEditHidingFromTheStampIsFoundByVerifyMode() throws Exception {
    Path ledger = migrations.resolve(Ledger.FILE_NAME);
    FileTime time = Files.getLastModifiedTime(ledger);
    Files.writeString(ledger, sameLengthSchemaEdit(Files.readString(ledger)), StandardOpenOption.TRUNCATE_EXISTING);
    Files.setLastModifiedTime(ledger, time);

    Result verify = compile("verify");
    assertFalse(verify.success());
    assertTrue(verify.messages().contains("the schema section was edited by hand"), verify.messages());

    Result incremental = compile(null);
    assertTrue(incremental.success(), incremental.messages());
    try (Stream<Path> files = Files.list(migrations)) {
      assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("V0002__")),
          "the edited schema was taken as recorded: country is widened back to varchar(3)");
    }
  }

  /**
   * The trust, stated as a test: an edit that keeps a file's size, time and identity is not seen by
   * an incremental compile in generate mode. The same edit fails verify mode (the CI gate), a clean
   * build (no stamp: {@code mvn clean}), and Compile Testing's in-memory class output.
   */
  @Test
  void anEditHidingFromTheStampIsFoundByVerifyModeAndByACleanBuild() throws Exception {
    editKeepingSizeTimeAndIdentity();
    assertTrue(compile(null).success(), "an incremental generate compile trusts the stamp");

    Result verify = compile("verify");
    assertFalse(verify.success());
    assertTrue(verify.messages().contains("[schemacode:ModifiedMigration] " + v1), verify.messages());

    var inMemory = ProcessorHarness.compile(migrations, MigrationGenerationTest.CUSTOMER, MigrationGenerationTest.PAYMENT);
    assertThat(inMemory).failed();
    assertThat(inMemory).hadErrorContaining("[schemacode:ModifiedMigration] " + v1);

    deleteTree(build.resolve("schemacode")); // mvn clean removes the build directory
    deleteTree(classes);
    Result clean = compile(null);
    assertFalse(clean.success());
    assertTrue(clean.messages().contains("[schemacode:ModifiedMigration] " + v1), clean.messages());
    assertTrue(stamps().isEmpty(), "a check that found a problem leaves no stamp: " + stamps());
  }

  @Test
  void filesChangedJustBeforeTheCheckAreNotVouchedFor() throws Exception {
    deleteTree(build.resolve("schemacode"));
    Files.setLastModifiedTime(v1, FileTime.from(Instant.now())); // within the clock's granularity of the check
    assertTrue(compile(null).success());
    assertTrue(stamps().isEmpty(), "no stamp for a racily clean directory: " + stamps());
    editKeepingSizeTimeAndIdentity();
    Result result = compile(null);
    assertFalse(result.success());
    assertTrue(result.messages().contains("[schemacode:ModifiedMigration] " + v1), result.messages());
  }

  @Test
  void aGarbledStampIsNoStamp() throws Exception {
    for (Path stamp : stamps()) {
      Files.writeString(stamp, "schemacode verified history 1\nsomething else\n");
    }
    editKeepingSizeTimeAndIdentity();
    Result result = compile(null);
    assertFalse(result.success());
    assertTrue(result.messages().contains("[schemacode:ModifiedMigration] " + v1), result.messages());
  }

  @Test
  void aStampedCompileShipsAndGeneratesAsAFullOneDoes() throws Exception {
    Path shipped = classes.resolve("db/migration/V0001__init.sql");
    Files.delete(shipped); // Maven's incremental compiler deletes what the processor wrote before
    assertTrue(compile(null).success());
    assertEquals(Files.readString(v1), Files.readString(shipped), "a missing class-output copy is written again");

    Result changed = compile(null, MigrationGenerationTest.CUSTOMER, MigrationGenerationTest.PAYMENT,
        MigrationGenerationTest.INVOICE);
    assertTrue(changed.success(), changed.messages());
    assertTrue(Files.exists(migrations.resolve("V0002__create_invoice.sql")), changed.messages());
    assertTrue(Files.exists(classes.resolve("db/migration/V0002__create_invoice.sql")), "shipped in the same build");
  }

  private void editKeepingSizeTimeAndIdentity() throws IOException {
    FileTime time = Files.getLastModifiedTime(v1);
    Object key = Files.readAttributes(v1, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    Files.writeString(v1, sameLengthEdit(Files.readString(v1)), StandardOpenOption.TRUNCATE_EXISTING);
    Files.setLastModifiedTime(v1, time);
    assertEquals(key, Files.readAttributes(v1, java.nio.file.attribute.BasicFileAttributes.class).fileKey());
  }

  /** The script with one character of a comment changed: same length in bytes, another checksum. */
  private static String sameLengthEdit(String script) {
    int at = script.indexOf("Do not edit");
    return script.substring(0, at) + "do not edit" + script.substring(at + "do not edit".length());
  }

  /** The ledger with {@code country} a varchar(2) instead of the varchar(3) its migration made: as many bytes. */
  private static String sameLengthSchemaEdit(String ledger) {
    String from = "\"varchar(3)\"";
    assertTrue(ledger.contains(from), ledger);
    return ledger.replace(from, "\"varchar(2)\"");
  }

  private void age() throws IOException {
    try (Stream<Path> files = Files.list(migrations)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.setLastModifiedTime(file, FileTime.from(LONG_AGO));
      }
    }
  }

  private List<Path> stamps() throws IOException {
    Path folder = build.resolve("schemacode");
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return new ArrayList<>(files.filter(f -> f.toString().endsWith(".verified")).toList());
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
        Files.delete(file);
      }
    }
  }

  private record Result(boolean success, String messages) {}

  private Result compile(String mode) throws Exception {
    return compile(mode, MigrationGenerationTest.CUSTOMER, MigrationGenerationTest.PAYMENT);
  }

  private Result compile(String mode, javax.tools.JavaFileObject... sources) throws Exception {
    Files.createDirectories(classes);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter messages = new StringWriter();
    List<String> options = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
        System.getProperty("java.class.path"), "-Aschemacode.migrations=" + migrations, "-Aschemacode.jooq=false"));
    if (mode != null) {
      options.add("-Aschemacode.mode=" + mode);
    }
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      JavaCompiler.CompilationTask task = javac.getTask(messages, files, null, options, null, List.of(sources));
      task.setProcessors(List.of(new SchemaProcessor()));
      boolean success = task.call();
      return new Result(success, messages.toString());
    }
  }
}

package dev.schemacode.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemacode.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code schemacode} launcher beside the jar: the same output and exit codes as {@code java -jar},
 * and the class-data sharing archive made once, after the first deploy, then used.
 */
class LauncherIT {
  @RegisterExtension static final TestDatabase database = new TestDatabase();

  private static final Path LAUNCHER = Path.of("target", "schemacode");

  @TempDir Path migrations;
  @TempDir Path archives;

  @BeforeEach
  void emptySchema() throws Exception {
    try (java.sql.Connection connection = database.connect(); java.sql.Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public AUTHORIZATION CURRENT_USER;"
          + " GRANT USAGE ON SCHEMA public TO PUBLIC;");
    }
  }

  private CliJarIT.Result run(Map<String, String> extra, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("sh", LAUNCHER.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(name -> name.equals("DATABASE_URL") || name.startsWith("PG")
        || name.startsWith("SCHEMACODE_") || name.equals("JAVA_OPTS"));
    Map<String, String> environment = new HashMap<>(Map.of("JAVA_HOME", System.getProperty("java.home"),
        "SCHEMACODE_CDS_DIR", archives.toString(), "DATABASE_URL", database.jdbcUrlWithCredentials()));
    environment.putAll(extra);
    builder.environment().putAll(environment);
    Path out = Files.createTempFile("launcher", ".out");
    Path err = Files.createTempFile("launcher", ".err");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the launcher did not finish in 120 s");
    }
    return new CliJarIT.Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private List<Path> archivesMade() throws IOException {
    try (Stream<Path> files = Files.list(archives)) {
      return files.filter(file -> file.getFileName().toString().endsWith(".jsa")).toList();
    }
  }

  @Test
  void runsTheJarAsJavaDashJarDoesAndMakesItsArchiveOnce() throws Exception {
    assertTrue(Files.isRegularFile(LAUNCHER), "run `mvn package` first: " + LAUNCHER.toAbsolutePath());
    Files.writeString(migrations.resolve("V0001__init.sql"), "CREATE TABLE launched (id int);\n");

    CliJarIT.Result first = run(Map.of(), "deploy", "--migrations", migrations.toString());
    assertEquals(0, first.exitCode(), first.err());
    assertTrue(first.out().contains("applied V0001__init"), first.out());
    assertEquals("", first.err());

    // made in the background after the first deploy ended; a few seconds, more on a loaded machine
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (archivesMade().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(500);
    }
    assertEquals(1, archivesMade().size(), "no archive in " + archives);

    CliJarIT.Result again = run(Map.of("JAVA_OPTS", "-Xlog:class+load:file=" + archives.resolve("loaded.txt")),
        "deploy", "--migrations", migrations.toString());
    assertEquals(0, again.exitCode(), again.err());
    assertTrue(again.out().contains("nothing to apply"), again.out());
    assertEquals("", again.err());
    String loaded = Files.readString(archives.resolve("loaded.txt"));
    assertTrue(loaded.contains("dev.schemacode.runtime.Migrator source: shared objects file"),
        "the runtime's classes should come from the archive");

    CliJarIT.Result usage = run(Map.of(), "deploy", "--migrations", migrations.resolve("nowhere").toString());
    assertEquals(2, usage.exitCode(), usage.out());
    assertTrue(usage.err().startsWith("schemacode: error: migrations directory "), usage.err());
    assertEquals(1, archivesMade().size());
  }

  @Test
  void withoutArchivesItStillRunsAndWritesNothing() throws Exception {
    Files.writeString(migrations.resolve("V0001__init.sql"), "CREATE TABLE launched (id int);\n");
    CliJarIT.Result deploy = run(Map.of("SCHEMACODE_CDS", "off"), "deploy", "--migrations", migrations.toString());
    assertEquals(0, deploy.exitCode(), deploy.err());
    assertTrue(deploy.out().contains("applied V0001__init"), deploy.out());
    try (Stream<Path> files = Files.list(archives)) {
      assertEquals(0, files.count());
    }
  }
}

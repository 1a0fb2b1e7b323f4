package dev.schemacode.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged {@code schemacode-cli.jar} in a JVM of its own, as operators run it. */
final class CliProcess {
  static final Path JAR = Path.of("target", "schemacode-cli.jar");
  /** Class-data sharing for the children: most of a CLI run is loading classes; this halves it. */
  private static final Path ARCHIVE = Path.of("target", "schemacode-cli-it.jsa");
  private static Boolean archiveUsable;

  record Result(int exitCode, String out, String err) {
    String all() {
      return out + err;
    }
  }

  private final Process process;
  private final Path out;
  private final Path err;

  private CliProcess(Process process, Path out, Path err) {
    this.process = process;
    this.out = out;
    this.err = err;
  }

  /** Starts the CLI; the child sees no DATABASE_URL, PG* or SCHEMACODE_* variables but those given. */
  static CliProcess start(Map<String, String> environment, String... args) throws IOException {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException("run `mvn package` first: " + JAR.toAbsolutePath());
    }
    List<String> command = java();
    if (archive()) {
      command.add(1, "-XX:SharedArchiveFile=" + ARCHIVE);
    }
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(name -> name.equals("DATABASE_URL") || name.startsWith("PG")
        || name.startsWith("SCHEMACODE_"));
    builder.environment().putAll(environment);
    Path out = Files.createTempFile("schemacode-cli", ".out");
    Path err = Files.createTempFile("schemacode-cli", ".err");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    return new CliProcess(process, out, err);
  }

  private static List<String> java() {
    return new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        // A short-lived CLI: quick start-up matters more than peak speed, and the machine may have 2 cores.
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m", "-Xlog:disable", "-Xlog:all=off",
        "-jar", JAR.toString()));
  }

  /** Records the classes of one CLI run (against nowhere) once per test run; false when that fails. */
  private static synchronized boolean archive() {
    if (archiveUsable == null) {
      try {
        Files.deleteIfExists(ARCHIVE);
        Path empty = Files.createTempDirectory("schemacode-cds");
        Files.writeString(empty.resolve("V0001__warm_up.sql"), "SELECT 1;\n");
        List<String> command = java();
        command.add(1, "-XX:ArchiveClassesAtExit=" + ARCHIVE);
        command.addAll(List.of("status", "--json", "--url", "postgresql://u:p@127.0.0.1:1/db?connect_timeout=1",
            "--migrations", empty.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        archiveUsable = process.waitFor(60, TimeUnit.SECONDS) && Files.isRegularFile(ARCHIVE);
      } catch (IOException | InterruptedException e) {
        archiveUsable = false;
      }
    }
    return archiveUsable;
  }

  static Result run(Map<String, String> environment, String... args) throws Exception {
    return start(environment, args).await();
  }

  Process process() {
    return process;
  }

  /** What the process wrote to standard error so far. */
  String errSoFar() throws IOException {
    return Files.readString(err, StandardCharsets.UTF_8);
  }

  /** Waits (up to a generous bound, never asserted as a time) until standard error contains the text. */
  void awaitErr(String text) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!errSoFar().contains(text)) {
      if (System.nanoTime() > deadline || !process.isAlive() && !errSoFar().contains(text)) {
        throw new AssertionError("gave up waiting for \"" + text + "\" on standard error: " + errSoFar());
      }
      Thread.sleep(20);
    }
  }

  Result await() throws Exception {
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("schemacode-cli.jar did not finish in 120 s: " + Files.readString(err));
    }
    Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
    Files.deleteIfExists(out);
    Files.deleteIfExists(err);
    return result;
  }
}

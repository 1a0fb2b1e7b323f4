package dev.schemacode.histories;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged {@code schemacode-cli.jar} run as users run it: {@code java -jar}, a process of its own, no
 * class path shared with the test. Built by migration-runtime's {@code package} phase, before this module.
 */
final class Cli {
  static final Path JAR = Path.of("..", "migration-runtime", "target", "schemacode-cli.jar");

  record Result(List<String> command, int exitCode, String out, String err) {
    String describe() {
      List<String> shown = new ArrayList<>(command);
      int url = shown.indexOf("--url");
      if (url >= 0 && url + 1 < shown.size()) {
        shown.set(url + 1, "<url>"); // it may carry a password
      }
      return "schemacode " + String.join(" ", shown) + " → exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private Cli() {}

  static Result run(String... args) throws IOException, InterruptedException {
    if (!Files.isRegularFile(JAR)) {
      throw new AssertionError("no " + JAR.toAbsolutePath() + ": run the build through `verify` (the jar is made by `package`)");
    }
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    // Only what the arguments say: no connection settings inherited from whoever runs the build.
    builder.environment().keySet().removeIf(name -> name.equals("DATABASE_URL") || name.startsWith("PG")
        || name.startsWith("SCHEMACODE_"));
    Path out = Files.createTempFile("schemacode-cli", ".out");
    Path err = Files.createTempFile("schemacode-cli", ".err");
    try {
      Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("schemacode " + String.join(" ", args) + " did not finish in 120 s");
      }
      return new Result(List.of(args), process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}

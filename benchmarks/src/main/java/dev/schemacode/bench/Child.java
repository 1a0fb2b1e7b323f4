package dev.schemacode.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs a fresh process and times it from start to exit, as a shell would. */
final class Child {
  /** What one run reported: wall time of the whole process, and its own report lines. */
  record Run(double wallMillis, List<String> output) {
    /** {@code TIME <tool ns> <main ns>}: the tool call alone, inside the process. */
    double toolMillis() {
      return field("TIME", 1) / 1e6;
    }

    double field(String tag, int index) {
      for (String line : output) {
        if (line.startsWith(tag + " ")) {
          return Double.parseDouble(line.split(" ")[index]);
        }
      }
      throw new IllegalStateException("no " + tag + " line in " + output);
    }
  }

  private Child() {}

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** A fresh JVM running {@link ToolMain} with only this tool's jars. */
  static Run tool(Tool tool, String database, Migrations.Set migrations, boolean count, Path scratch) throws IOException {
    List<String> command = new ArrayList<>(List.of(java(), "-cp", tool.classPath(migrations.jar())));
    command.addAll(noNetwork());
    command.addAll(List.of(ToolMain.class.getName(), tool.name(), database, migrations.directory().toString()));
    if (count) {
      command.add("count");
    }
    return run(command, scratch);
  }

  /** Any HTTP(S) a library might try (usage reports, update checks) goes to a closed local port. */
  static List<String> noNetwork() {
    return List.of("-Dhttp.proxyHost=127.0.0.1", "-Dhttp.proxyPort=9", "-Dhttps.proxyHost=127.0.0.1",
        "-Dhttps.proxyPort=9", "-Dliquibase.analytics.enabled=false");
  }

  static Run run(List<String> command, Path scratch) throws IOException {
    return run(command, java.util.Map.of(), scratch);
  }

  /** As {@link #run(List, Path)}, with these environment variables set in the child too. */
  static Run run(List<String> command, java.util.Map<String, String> environment, Path scratch) throws IOException {
    Files.createDirectories(scratch);
    File out = scratch.resolve("child.out").toFile();
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out);
    builder.environment().putAll(environment);
    builder.environment().put("REDGATE_DISABLE_TELEMETRY", "true");
    builder.environment().put("LIQUIBASE_ANALYTICS_ENABLED", "false");
    long started = System.nanoTime();
    Process process = builder.start();
    int exit;
    try {
      exit = process.waitFor();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    double wall = (System.nanoTime() - started) / 1e6;
    List<String> lines = Files.readAllLines(out.toPath(), StandardCharsets.UTF_8);
    if (exit != 0) {
      throw new IOException("exit " + exit + " from " + String.join(" ", command.subList(0, Math.min(command.size(), 6)))
          + "…:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
    }
    return new Run(wall, lines);
  }
}

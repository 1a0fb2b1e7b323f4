package dev.schemacode.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The conditions of a run: cores, load, JVM, server. The machine is shared, so a figure means little without them. */
final class Machine {
  private Machine() {}

  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " / " + parts[1] + " / " + parts[2] + " (1/5/15 min)";
    } catch (IOException e) {
      return "unknown";
    }
  }

  static String describe() {
    String server;
    try {
      server = Db.serverVersion();
    } catch (Exception e) {
      server = "unknown server";
    }
    return Runtime.getRuntime().availableProcessors() + " cores, load " + loadAverage() + ", Java "
        + System.getProperty("java.runtime.version") + ", " + server;
  }
}

package dev.schemacode.bench;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/** Picks entries of the harness's class path by path fragments, to give javac and child JVMs only what they need. */
final class Classpath {
  private Classpath() {}

  static List<String> entries(String... fragments) {
    List<String> kept = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String path = entry.replace(File.separatorChar, '/');
      for (String fragment : fragments) {
        if (path.contains(fragment)) {
          kept.add(entry);
          break;
        }
      }
    }
    return kept;
  }

  static String select(String... fragments) {
    List<String> kept = entries(fragments);
    if (kept.isEmpty()) {
      throw new IllegalStateException("nothing on the class path matches " + String.join(", ", fragments));
    }
    return String.join(File.pathSeparator, kept);
  }
}

package dev.schemacode.example;

/** One line per log record; the embedded server's own chatter only when something goes wrong. */
final class Logging {
  private Logging() {}

  static void configure() {
    System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$-7s %3$s - %5$s%6$s%n");
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
  }
}

package dev.schemacode.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The one command behind every figure in {@code benchmarks/RESULTS.md} (see {@code
 * benchmarks/run.sh}): start-up with nothing pending, applying N migrations, the processor's cost
 * in javac, introspection, and JMH micro-benchmarks of the model; then the report and its chart.
 */
public final class Bench {
  private static final Instant STARTED = Instant.now();

  private Bench() {}

  public static void main(String[] args) throws Exception {
    Settings settings = Settings.parse(args);
    Tool.quiet();
    Files.createDirectories(settings.work);
    Report report = new Report();
    report.conditions.add("before: " + Machine.describe());
    log("schemacode benchmarks (" + settings.mode + "): " + settings.suites);
    try {
      Db.dropAll();
      if (settings.suites.contains("startup")) {
        new StartupBench(settings, report).run();
        report.conditions.add("after start-up: load " + Machine.loadAverage());
      }
      if (settings.suites.contains("apply")) {
        new ApplyBench(settings, report).run();
        report.conditions.add("after apply: load " + Machine.loadAverage());
      }
      if (settings.suites.contains("cli")) {
        new CliBench(settings, report).run();
        report.conditions.add("after cli: load " + Machine.loadAverage());
      }
      if (settings.suites.contains("introspection")) {
        new IntrospectionBench(settings, report).run();
        report.conditions.add("after introspection: load " + Machine.loadAverage());
      }
      if (settings.suites.contains("processor")) {
        new ProcessorBench(settings, report).run();
        report.conditions.add("after processor: load " + Machine.loadAverage());
      }
      if (settings.suites.contains("fleet")) {
        new FleetBench(settings, report).run();
        report.conditions.add("after fleet: load " + Machine.loadAverage());
      }
      if (settings.suites.contains("jmh")) {
        new JmhBench(settings, report).run();
        report.conditions.add("after JMH: load " + Machine.loadAverage());
      }
    } finally {
      Db.dropAll();
    }
    report.conditions.add("after: " + Machine.describe());
    report.conditions.add("duration: " + Duration.between(STARTED, Instant.now()).toSeconds() + " s");
    Path written = new ResultsWriter(settings, report).write();
    log("wrote " + written);
  }

  static void log(String message) {
    System.out.printf("[%4ds] %s%n", Duration.between(STARTED, Instant.now()).toSeconds(), message);
    System.out.flush();
  }
}

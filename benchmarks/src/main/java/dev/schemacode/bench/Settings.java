package dev.schemacode.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * How much to measure. The defaults are sized to finish in about a quarter of an hour on a shared
 * 2-core machine (about 25 minutes); {@code --long} triples every repetition count for tighter figures, and {@code
 * --quick} is a smoke run (figures not worth reporting).
 */
final class Settings {
  final Path work;
  final Path out;
  final Set<String> suites;
  final String mode;
  final List<Integer> startupSizes;
  /** From this many migrations on, the start-up suite measures schemacode and the floors only (Flyway and Liquibase would take most of an hour to apply them). */
  static final int SCHEMACODE_ONLY_FROM = 5000;
  final List<Integer> applySizes = List.of(200, 1000);
  final List<Integer> entityCounts = List.of(100, 500);
  final List<Integer> introspectionSizes = List.of(100, 1000);
  final int freshReps;
  final int warmWarmup;
  final int warmReps;
  final int applyReps;
  /** At 1,000 migrations one round of all four takes about two minutes. */
  final int applyRepsLarge;
  final int javacReps;
  final int javacWarmup;
  final int introspectionReps;
  final int jmhForks;
  final int jmhIterations;

  static final Set<String> ALL = Set.of("startup", "apply", "cli", "processor", "introspection", "jmh");

  Settings(Path work, Path out, Set<String> suites, String mode, List<Integer> startupSizes) {
    this.startupSizes = startupSizes;
    this.work = work;
    this.out = out;
    this.suites = suites;
    this.mode = mode;
    int scale = mode.equals("long") ? 3 : 1;
    boolean quick = mode.equals("quick");
    freshReps = quick ? 2 : 7 * scale;
    warmWarmup = quick ? 3 : 10 * scale;
    warmReps = quick ? 3 : 15 * scale;
    applyReps = quick ? 1 : 4 * scale;
    applyRepsLarge = quick ? 1 : 2 * scale;
    javacReps = quick ? 1 : 3 * scale;
    javacWarmup = quick ? 1 : 1 + scale;
    introspectionReps = quick ? 2 : 7 * scale;
    jmhForks = quick ? 1 : scale;
    jmhIterations = quick ? 2 : 5;
  }

  static Settings parse(String[] args) {
    Path work = Path.of("benchmarks/target/work");
    Path out = Path.of("benchmarks");
    Set<String> suites = ALL;
    String mode = "default";
    List<Integer> startupSizes = List.of(200, 1000);
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> mode = "quick";
        case "--long" -> mode = "long";
        case "--only" -> suites = Set.of(args[++i].split(","));
        case "--work" -> work = Path.of(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--startup-sizes" -> startupSizes = java.util.Arrays.stream(args[++i].split(",")).map(Integer::valueOf).toList();
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + "; usage: run.sh [--quick | --long] [--only startup,apply,cli,processor,introspection,jmh] [--startup-sizes 200,1000,10000] [--out DIR]");
      }
    }
    return new Settings(work.toAbsolutePath(), out.toAbsolutePath(), suites, mode, startupSizes);
  }
}

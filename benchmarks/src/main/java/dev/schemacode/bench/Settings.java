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
  /** Tenant schemas in the fleet suite (issue 16), and the parallelism each variant runs at. */
  final List<Integer> fleetSizes;
  List<Integer> fleetParallel = List.of(1, 4, 8);
  int fleetReps;
  /** At 1,000 schemas one apply round of the nine variants takes several minutes. */
  final int fleetRepsLarge;
  final int fleetCheckReps;
  /** From this many schemas on, the fleet suite applies once per tool at the highest parallelism (a set-up), then checks. */
  final int fleetApplyOnceFrom;
  /** From this many schemas on, the fleet suite reuses the fleets an earlier run kept (--fleet-keep) and only checks. */
  int fleetReuseFrom = Integer.MAX_VALUE;
  /** Keep the fleet databases at the end, for a later --fleet-reuse-from run (drop them by hand then). */
  boolean fleetKeep;
  /** From this many migrations on, the start-up suite measures schemacode and the floors only (Flyway and Liquibase would take most of an hour to apply them). */
  static final int SCHEMACODE_ONLY_FROM = 5000;
  final List<Integer> applySizes = List.of(200, 1000);
  /** Entity counts of the processor suite; warm compiles run for the largest only. */
  List<Integer> entityCounts = List.of(100, 500);
  final List<Integer> introspectionSizes = List.of(100, 1000);
  final int freshReps;
  final int warmWarmup;
  final int warmReps;
  final int applyReps;
  /** At 1,000 migrations one round of all four takes about two minutes. */
  final int applyRepsLarge;
  int javacReps;
  final int javacWarmup;
  final int introspectionReps;
  final int jmhForks;
  final int jmhIterations;

  static final Set<String> ALL = Set.of("startup", "apply", "cli", "processor", "introspection", "jmh");

  Settings(Path work, Path out, Set<String> suites, String mode, List<Integer> startupSizes, List<Integer> fleetSizes,
      int fleetApplyOnceFrom) {
    this.fleetSizes = fleetSizes;
    this.fleetApplyOnceFrom = fleetApplyOnceFrom;
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
    fleetReps = quick ? 1 : 2 * scale;
    fleetRepsLarge = quick ? 1 : scale;
    fleetCheckReps = quick ? 1 : 2 * scale;
  }

  static Settings parse(String[] args) {
    Path work = Path.of("benchmarks/target/work");
    Path out = Path.of("benchmarks");
    Set<String> suites = ALL;
    String mode = "default";
    List<Integer> startupSizes = List.of(200, 1000);
    List<Integer> fleetSizes = List.of(1000);
    int fleetApplyOnceFrom = Integer.MAX_VALUE;
    Integer fleetReps = null;
    int fleetReuseFrom = Integer.MAX_VALUE;
    boolean fleetKeep = false;
    List<Integer> entityCounts = null;
    Integer javacReps = null;
    List<Integer> fleetParallel = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> mode = "quick";
        case "--long" -> mode = "long";
        case "--only" -> suites = Set.of(args[++i].split(","));
        case "--work" -> work = Path.of(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--startup-sizes" -> startupSizes = java.util.Arrays.stream(args[++i].split(",")).map(Integer::valueOf).toList();
        case "--fleet-sizes" -> fleetSizes = java.util.Arrays.stream(args[++i].split(",")).map(Integer::valueOf).toList();
        case "--fleet-apply-once-from" -> fleetApplyOnceFrom = Integer.parseInt(args[++i]);
        case "--fleet-reps" -> fleetReps = Integer.parseInt(args[++i]);
        case "--fleet-reuse-from" -> fleetReuseFrom = Integer.parseInt(args[++i]);
        case "--fleet-keep" -> fleetKeep = true;
        case "--entity-counts" -> entityCounts = java.util.Arrays.stream(args[++i].split(",")).map(Integer::valueOf).toList();
        case "--javac-reps" -> javacReps = Integer.parseInt(args[++i]);
        case "--fleet-parallel" -> fleetParallel = java.util.Arrays.stream(args[++i].split(",")).map(Integer::valueOf).toList();
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + "; usage: run.sh [--quick | --long] [--only startup,apply,cli,processor,introspection,jmh,fleet] [--startup-sizes 200,1000,10000] [--fleet-sizes 200,1000] [--fleet-apply-once-from 1000] [--fleet-reps N] [--fleet-parallel 1,4,8] [--fleet-keep] [--fleet-reuse-from 1000] [--entity-counts 100,500] [--javac-reps N] [--out DIR]");
      }
    }
    Settings settings = new Settings(work.toAbsolutePath(), out.toAbsolutePath(), suites, mode, startupSizes, fleetSizes,
        fleetApplyOnceFrom);
    if (fleetReps != null) {
      settings.fleetReps = fleetReps;
    }
    if (entityCounts != null) {
      settings.entityCounts = entityCounts;
    }
    if (javacReps != null) {
      settings.javacReps = javacReps;
    }
    settings.fleetReuseFrom = fleetReuseFrom;
    settings.fleetKeep = fleetKeep;
    if (fleetParallel != null) {
      settings.fleetParallel = fleetParallel;
    }
    return settings;
  }
}

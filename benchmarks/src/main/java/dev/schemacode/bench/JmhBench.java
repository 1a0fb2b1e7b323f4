package dev.schemacode.bench;

import dev.schemacode.bench.jmh.ModelBenchmarks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/** Runs {@link ModelBenchmarks} with JMH in forked JVMs and reports the iteration scores. */
final class JmhBench {
  private final Settings settings;
  private final Report report;

  JmhBench(Settings settings, Report report) {
    this.settings = settings;
    this.report = report;
  }

  void run() throws Exception {
    Bench.log("JMH: " + settings.jmhForks + " fork(s), 3 × 1 s warm-up, " + settings.jmhIterations + " × 1 s measured");
    Options options = new OptionsBuilder()
        .include(ModelBenchmarks.class.getName())
        .forks(settings.jmhForks)
        .warmupIterations(3)
        .warmupTime(TimeValue.seconds(1))
        .measurementIterations(settings.jmhIterations)
        .measurementTime(TimeValue.seconds(1))
        .jvmArgsAppend("-Xmx1g")
        .shouldFailOnError(true)
        .build();
    Collection<RunResult> results = new Runner(options).run();
    StringBuilder md = report.section("Micro-benchmarks (JMH)");
    md.append("JMH ").append(org.openjdk.jmh.util.Version.getPlainVersion()).append(", average time per operation, ")
        .append(settings.jmhForks).append(" fork(s) × ").append(settings.jmhIterations)
        .append(" one-second iterations after 3 of warm-up, on a ").append(ModelBenchmarks.class.getSimpleName())
        .append(" schema of ").append(ModelBenchmarks.TABLES).append(" tables (10–20 columns, key, unique, foreign key,")
        .append(" index each). Spread: min–p90 of the iterations, and JMH's 99.9% confidence interval.\n\n");
    List<List<String>> rows = new ArrayList<>();
    for (RunResult result : results) {
      String name = result.getParams().getBenchmark();
      name = name.substring(name.lastIndexOf('.') + 1);
      Statistics statistics = result.getPrimaryResult().getStatistics();
      List<Double> samples = new ArrayList<>();
      result.getBenchmarkResults().forEach(b -> b.getIterationResults().forEach(
          i -> samples.add(i.getPrimaryResult().getScore())));
      Stats stats = report.record("jmh", name, result.getPrimaryResult().getScoreUnit(), samples);
      rows.add(List.of("`" + name + "`", stats.cell(), String.format(Locale.ROOT, "± %s", Stats.fmt(
          statistics.getMeanErrorAt(0.999))), result.getPrimaryResult().getScoreUnit()));
    }
    md.append(Report.table(List.of("benchmark", "median <sub>min–p90</sub>", "99.9% CI of the mean", "unit"), rows));
    md.append('\n');
  }
}

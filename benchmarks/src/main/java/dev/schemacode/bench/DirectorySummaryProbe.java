package dev.schemacode.bench;

import dev.schemacode.runtime.MigrationSource;
import dev.schemacode.runtime.internal.StartupSummary;
import java.nio.file.Path;

/**
 * What a migrations directory's first start-up check in a new JVM spends before it needs the
 * database: listing the directory, reading the ledger's records and computing the digest the history
 * should have ({@link StartupSummary}), timed once, as a deploy or an application start makes it. Not a
 * benchmark of record (the start-up suite's *fresh JVM* rows are), a probe for what that part costs
 * without the JVM's start and the connection around it (issue 14 §1).
 *
 * <p>{@code java -cp <bench class path> dev.schemacode.bench.DirectorySummaryProbe
 * benchmarks/target/work/migrations-1000}, one new JVM per figure (the start-up suite writes the
 * directories).
 */
public final class DirectorySummaryProbe {
  private DirectorySummaryProbe() {}

  public static void main(String[] args) {
    long started = System.nanoTime();
    StartupSummary summary = StartupSummary.of(MigrationSource.directory(Path.of(args[0])));
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.println("summary " + millis + " ms, digest " + summary.digest() + ", newest "
        + summary.currentVersion().orElse("(none)"));
  }
}

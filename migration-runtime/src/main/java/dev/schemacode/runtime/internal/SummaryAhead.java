package dev.schemacode.runtime.internal;

import dev.schemacode.runtime.MigrationSource;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A source's {@link StartupSummary}, made on a thread of its own while the caller opens its
 * connection, when the source has none kept. In a new JVM the two cost about the same and need not
 * wait for each other: listing a directory of 1,000 migrations and hashing its ledger's checksums
 * took 150–200 ms there, loading the driver and connecting about as long (issue 14). A kept summary
 * (a generated index's, a directory's unchanged since the last call) is there at once, and no thread
 * is started: a warm call through a pool must not pay for one.
 */
public final class SummaryAhead {
  private final StartupSummary kept;
  private final FutureTask<StartupSummary> making;

  private SummaryAhead(StartupSummary kept, FutureTask<StartupSummary> making) {
    this.kept = kept;
    this.making = making;
  }

  /** Starts making the summary of {@code source}, unless it has one kept. */
  public static SummaryAhead start(MigrationSource source) {
    StartupSummary kept = StartupSummary.kept(source);
    if (kept != null) {
      return new SummaryAhead(kept, null);
    }
    FutureTask<StartupSummary> making = new FutureTask<>(() -> StartupSummary.listed(source));
    Thread thread = new Thread(making, "schemacode-startup-summary");
    thread.setDaemon(true); // bounded work on local files; never what keeps a JVM alive
    thread.start();
    return new SummaryAhead(null, making);
  }

  /** The summary, waiting for it if need be; a failure to make it is thrown as it was thrown. */
  public StartupSummary get() {
    if (kept != null) {
      return kept;
    }
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return making.get();
        } catch (InterruptedException e) {
          interrupted = true; // the work is short and local: finish it, and leave the flag set for the caller
        } catch (ExecutionException e) {
          throw rethrown(e.getCause());
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * What to throw when the session failed, perhaps while the summary was being made: the summary's
   * own failure if it had one (a misnamed file is reported before an unreachable database, as when the
   * two ran one after the other), else {@code connectionFailure}.
   */
  public RuntimeException failureBefore(RuntimeException connectionFailure) {
    try {
      get();
      return connectionFailure;
    } catch (RuntimeException summaryFailure) {
      if (summaryFailure != connectionFailure) { // (the same one when it was thrown by the work that waited for it)
        summaryFailure.addSuppressed(connectionFailure);
      }
      return summaryFailure;
    }
  }

  private static RuntimeException rethrown(Throwable cause) {
    if (cause instanceof Error error) {
      throw error;
    }
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    return new IllegalStateException("making the start-up summary failed", cause); // StartupSummary.listed declares none
  }
}

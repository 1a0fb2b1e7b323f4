package dev.schemacode.processor;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the processor's time went in the round that did its work, phase by phase, for the note that
 * {@code -Aschemacode.debug=true} prints: a build that is slow can then say which part is, on the
 * user's own entities and history, without a profiler (which mostly misses a processor's interpreted
 * frames in a new javac anyway).
 */
final class Timings {
  private final List<String> phases = new ArrayList<>();
  private long last = System.nanoTime();
  private long total;

  /** Ends the phase running since the last call (or since this object was made), under {@code name}. */
  void lap(String name) {
    long now = System.nanoTime();
    long nanos = now - last;
    total += nanos;
    phases.add(name + " " + millis(nanos));
    last = now;
  }

  /** "scanning 500 entities 285 ms, reading the ledger 165 ms, …; 812 ms in all". */
  String summary() {
    return String.join(", ", phases) + "; " + millis(total) + " in all";
  }

  private static String millis(long nanos) {
    return (nanos + 500_000) / 1_000_000 + " ms";
  }
}

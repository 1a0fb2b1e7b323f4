package dev.schemacode.runtime;

import java.time.Instant;
import java.util.Optional;

/** A backfill script and whether it ran. */
public record BackfillInfo(String name, State state, Optional<Instant> ranAt, Optional<Long> executionMillis) {
  public enum State {
    /** The script exists and never ran to completion here. */
    NOT_RUN,
    /** It ran; it will never run again on this database. */
    DONE,
    /** A non-transactional run failed part-way; running it again is allowed. */
    FAILED,
    /** It ran, but its script is no longer among the backfills. */
    MISSING;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }
}

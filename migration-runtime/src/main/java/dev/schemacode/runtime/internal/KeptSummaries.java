package dev.schemacode.runtime.internal;

import dev.schemacode.runtime.MigrationSource;
import dev.schemacode.runtime.Migrator;
import java.lang.ref.WeakReference;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@link StartupSummary summaries} kept between calls, for every migrator of this JVM: an
 * application builds a new {@link Migrator} (and source) for each check, a fleet one per target. A
 * few dozen at most, least recently used dropped; each holds a digest and a version, never a listing
 * or a script, and a generated index only weakly (its class may be unloaded).
 */
public final class KeptSummaries {
  private static final int CAPACITY = 32;

  private record Kept(Object stamp, StartupSummary summary) {}

  private static final Map<Object, Kept> KEPT = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Object, Kept> eldest) {
      return size() > CAPACITY;
    }
  };

  private KeptSummaries() {}

  /** The summary kept for {@code key} when it was kept with an equal {@code stamp}, for {@code source}; else null. */
  public static StartupSummary find(Object key, Object stamp, MigrationSource source) {
    Kept kept;
    synchronized (KEPT) {
      kept = KEPT.get(key);
    }
    return kept != null && kept.stamp().equals(stamp) ? kept.summary().keptFor(source) : null;
  }

  public static void keep(Object key, Object stamp, StartupSummary summary) {
    synchronized (KEPT) {
      KEPT.put(key, new Kept(stamp, summary.keptFor(null)));
    }
  }

  /** A key that is one object, compared by identity and held weakly (a generated index: records compare by value, in O(n)). */
  public static Object identityOf(Object referent) {
    return new Identity(referent);
  }

  private static final class Identity {
    private final WeakReference<Object> referent;
    private final int hash;

    Identity(Object referent) {
      this.referent = new WeakReference<>(referent);
      this.hash = System.identityHashCode(referent);
    }

    @Override
    public boolean equals(Object other) {
      Object mine = referent.get();
      return other instanceof Identity that && mine != null && mine == that.referent.get();
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}

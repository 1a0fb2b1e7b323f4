package dev.schemacode.testkit.evolution;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Makes a failing evolution 1-minimal after QuickTheories has shrunk it: removing any single version,
 * or any single edit, makes it pass. QuickTheories shrinks the random choices behind a value, which
 * finds short sequences fast but may leave an edit that is not needed; this pass guarantees that
 * what is printed is exactly what it takes.
 */
final class Minimizer {
  private Minimizer() {}

  /**
   * @param failure runs an evolution and returns its failure, or empty when it passes
   */
  static Evolution minimize(Evolution failing, Function<Evolution, Optional<Throwable>> failure) {
    Evolution current = failing;
    boolean smaller = true;
    while (smaller) {
      smaller = false;
      for (Evolution candidate : oneSmaller(current)) {
        if (failure.apply(candidate).isPresent()) {
          current = candidate;
          smaller = true;
          break;
        }
      }
    }
    return current;
  }

  /** Every evolution with one version, or one edit of a version of several, left out. */
  private static List<Evolution> oneSmaller(Evolution evolution) {
    List<Evolution> candidates = new ArrayList<>();
    List<List<Edit>> versions = evolution.versions();
    for (int v = 0; v < versions.size(); v++) {
      if (versions.size() > 1) {
        List<List<Edit>> without = new ArrayList<>(versions);
        without.remove(v);
        candidates.add(new Evolution(without));
      }
    }
    for (int v = 0; v < versions.size(); v++) {
      for (int e = 0; versions.get(v).size() > 1 && e < versions.get(v).size(); e++) {
        List<Edit> edits = new ArrayList<>(versions.get(v));
        edits.remove(e);
        List<List<Edit>> with = new ArrayList<>(versions);
        with.set(v, edits);
        candidates.add(new Evolution(with));
      }
    }
    return candidates;
  }
}

package dev.schemacode.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Order statistics of repeated measurements: the machine is shared and noisy, so medians and spread, never means. */
record Stats(List<Double> samples) {
  Stats {
    samples = new ArrayList<>(samples);
    Collections.sort(samples);
    samples = List.copyOf(samples);
  }

  static Stats of(List<Double> samples) {
    return new Stats(samples);
  }

  int n() {
    return samples.size();
  }

  double min() {
    return samples.get(0);
  }

  double max() {
    return samples.get(samples.size() - 1);
  }

  double median() {
    return quantile(0.5);
  }

  double p25() {
    return quantile(0.25);
  }

  double p75() {
    return quantile(0.75);
  }

  double p90() {
    return quantile(0.9);
  }

  /** Linear interpolation between closest ranks. */
  double quantile(double q) {
    if (samples.isEmpty()) {
      return Double.NaN;
    }
    double position = q * (samples.size() - 1);
    int lower = (int) Math.floor(position);
    int upper = (int) Math.ceil(position);
    return samples.get(lower) + (samples.get(upper) - samples.get(lower)) * (position - lower);
  }

  /** {@code median (min–p90, n)} in the unit's natural precision. */
  String cell() {
    return fmt(median()) + " <sub>" + fmt(min()) + "–" + fmt(p90()) + "</sub>";
  }

  static String fmt(double value) {
    if (Double.isNaN(value)) {
      return "–";
    }
    double abs = Math.abs(value);
    if (abs >= 100) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    if (abs >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    if (abs >= 1) {
      return String.format(Locale.ROOT, "%.2f", value);
    }
    return String.format(Locale.ROOT, "%.3f", value);
  }

  static String ratio(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return "–";
    }
    return (value >= 10 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2f", value)) + "×";
  }
}

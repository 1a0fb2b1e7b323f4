package dev.schemacode.testkit.evolution;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** A sequence of versions, each the edits of one build; printed one version a line. */
record Evolution(List<List<Edit>> versions) {
  Evolution {
    versions = versions.stream().map(List::copyOf).toList();
  }

  @SafeVarargs
  static Evolution of(List<Edit>... versions) {
    return new Evolution(List.of(versions));
  }

  int edits() {
    return versions.stream().mapToInt(List::size).sum();
  }

  @Override
  public String toString() {
    return "\n" + IntStream.range(0, versions.size())
        .mapToObj(i -> "  v" + (i + 1) + ": " + versions.get(i).stream().map(Edit::toString).collect(Collectors.joining("; ")))
        .collect(Collectors.joining("\n"));
  }
}

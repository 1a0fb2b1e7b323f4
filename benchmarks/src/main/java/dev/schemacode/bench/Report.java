package dev.schemacode.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Everything a run measured: the markdown sections, the raw samples, the chart panels and the headline figures. */
final class Report {
  /** One headline figure against its target. */
  record Headline(String what, String measured, String target, Boolean met) {}

  /** One bar of a chart panel: a label and the samples behind it. */
  record Bar(String label, Stats stats, boolean ours) {}

  /** One chart panel: a title, a unit and its bars. */
  record Panel(String title, String unit, List<Bar> bars) {}

  final Map<String, StringBuilder> sections = new LinkedHashMap<>();
  final List<String> raw = new ArrayList<>(List.of("suite,case,unit,sample"));
  final List<Panel> panels = new ArrayList<>();
  final List<Headline> headlines = new ArrayList<>();
  final List<String> conditions = new ArrayList<>();

  StringBuilder section(String title) {
    return sections.computeIfAbsent(title, t -> new StringBuilder());
  }

  Stats record(String suite, String name, String unit, List<Double> samples) {
    for (double sample : samples) {
      raw.add(csv(suite) + "," + csv(name) + "," + unit + "," + String.format(Locale.ROOT, "%.4f", sample));
    }
    return Stats.of(samples);
  }

  private static String csv(String text) {
    return "\"" + text.replace("\"", "\"\"") + "\"";
  }

  void headline(String what, String measured, String target, Boolean met) {
    headlines.add(new Headline(what, measured, target, met));
  }

  static String table(List<String> header, List<List<String>> rows) {
    StringBuilder table = new StringBuilder("| ").append(String.join(" | ", header)).append(" |\n|");
    for (int i = 0; i < header.size(); i++) {
      table.append(i == 0 ? "---|" : "---:|");
    }
    table.append('\n');
    for (List<String> row : rows) {
      table.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    return table.toString();
  }

  void writeRaw(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, raw, StandardCharsets.UTF_8);
  }
}

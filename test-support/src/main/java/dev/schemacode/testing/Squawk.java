package dev.schemacode.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Generated migrations linted with Squawk (https://squawkhq.com, {@code npm install -g squawk-cli}) as
 * PostgreSQL 13 rules see them, less the findings docs/safety.md keeps on purpose, each for its reason.
 * Shared by the randomized evolutions' {@code MigrationLintTest} and the real histories' replays, so that
 * both hold generated SQL to one policy. Squawk is found as {@code squawk} on the PATH or at
 * {@code SCHEMACODE_SQUAWK}; CI installs it (.ci/run).
 */
public final class Squawk {
  /** Findings kept everywhere, each for the reason docs/safety.md gives. */
  public static final Map<String, String> KEPT = Map.ofEntries(
      Map.entry("changing-column-type", "the declared type change; the header names it a rewrite or narrowing"),
      Map.entry("prefer-text-field", "a declared varchar(n), and its type change"),
      Map.entry("ban-drop-column", "acknowledged with @AcknowledgeDataLoss"),
      Map.entry("ban-drop-table", "acknowledged with @AcknowledgeDataLoss"),
      Map.entry("renaming-column", "the declared @RenamedFrom"),
      Map.entry("renaming-table", "the declared @RenamedFrom"),
      Map.entry("ban-drop-not-null", "the declared @Nullable: breaks old code, not the database"),
      Map.entry("require-statement-timeout", "the runtime sets statement_timeout from its configuration"),
      Map.entry("require-timeout-settings", "lock_timeout is set by the file, statement_timeout by the runtime"),
      Map.entry("prefer-robust-stmts", "the concurrent file drops a failed build's leftover before each build"),
      Map.entry("prefer-bigint-over-int", "a declared type"),
      Map.entry("prefer-bigint-over-smallint", "a declared type"),
      Map.entry("prefer-identity", "a declared type"),
      Map.entry("prefer-timestamptz", "a declared type"),
      Map.entry("prefer-timestamp-tz", "a declared type"),
      Map.entry("adding-field-with-default", "the declared volatile default; the header names the rewrite"),
      Map.entry("ban-char-field", "a declared type"));

  private Squawk() {}

  /** Squawk's executable: {@code SCHEMACODE_SQUAWK}, else {@code squawk} on the PATH. */
  public static Optional<String> executable() {
    String configured = System.getenv("SCHEMACODE_SQUAWK");
    if (configured != null && !configured.isBlank()) {
      return Optional.of(configured);
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "squawk");
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate.toString());
      }
    }
    return Optional.empty();
  }

  /**
   * Lints every file in {@code directory} ({@code inTransaction}: the files run in one transaction each)
   * and adds each finding that is not kept to {@code problems}: file, line, rule, message, and the script.
   */
  public static void lint(String squawk, Path directory, boolean inTransaction, List<String> problems)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(squawk, "--reporter", "json", "--pg-version", "13.0"));
    if (inTransaction) {
      command.add("--assume-in-transaction");
    }
    int options = command.size();
    try (Stream<Path> files = Files.list(directory)) {
      files.sorted().forEach(f -> command.add(f.toString()));
    }
    if (command.size() == options) {
      return; // no files of this kind
    }
    Path output = Files.createTempFile("squawk", ".json");
    try {
      Process process = new ProcessBuilder(command).redirectOutput(output.toFile())
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("squawk did not finish in 5 minutes");
      }
      String json = Files.readString(output, StandardCharsets.UTF_8);
      JsonNode findings = new ObjectMapper().readTree(json.isBlank() ? "[]" : json);
      for (JsonNode finding : findings) {
        String rule = finding.path("rule_name").asText();
        Path file = Path.of(finding.path("file").asText());
        String script = Files.readString(file);
        String line = script.lines().skip(Math.max(0, finding.path("line").asInt() - 1)).findFirst().orElse("");
        if (kept(rule, script, line)) {
          continue;
        }
        problems.add(file.getFileName() + ":" + finding.path("line").asInt() + " " + rule + ": "
            + finding.path("message").asText() + "\n    " + line + "\n  in:\n" + script);
      }
    } finally {
      Files.deleteIfExists(output);
    }
  }

  /**
   * Kept everywhere, or kept where the file's own transaction holds the table's ACCESS EXCLUSIVE lock
   * anyway: an index dropped or remade around a type change or an enum rebuild, or with a column.
   */
  static boolean kept(String rule, String script, String line) {
    if (KEPT.containsKey(rule)) {
      return true;
    }
    Predicate<String> has = script::contains;
    boolean tableLockedAnyway = has.test(" TYPE ") && has.test("ALTER COLUMN") || has.test("DROP COLUMN")
        || has.test("__old\";");
    boolean keyAForeignKeyNeeds = line.contains("PRIMARY KEY (") && has.test(" REFERENCES ");
    return (rule.equals("require-concurrent-index-deletion") || rule.equals("require-concurrent-index-creation"))
        && tableLockedAnyway
        || (rule.equals("adding-serial-primary-key-field") || rule.equals("constraint-missing-not-valid"))
        && keyAForeignKeyNeeds;
  }
}

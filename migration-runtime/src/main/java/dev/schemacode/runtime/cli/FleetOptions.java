package dev.schemacode.runtime.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemacode.runtime.ConfigurationException;
import dev.schemacode.runtime.DatabaseUrl;
import dev.schemacode.runtime.Fleet;
import dev.schemacode.runtime.FleetResult;
import dev.schemacode.runtime.Migrator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/**
 * The options of {@code deploy}, {@code status} and {@code validate} that turn one database into a
 * fleet: tenant schemas of the {@code --url} database, or a file of database URLs. Also prints what
 * the three commands print for a fleet: a line per target as it finishes, and a summary.
 */
final class FleetOptions {
  @Option(names = "--schemas", paramLabel = "LIST", split = ",",
      description = "Run on each of these tenant schemas of the --url database, each with its own history table inside"
          + " the schema: names and LIKE patterns, comma-separated ('tenant_%'). Migrations must use unqualified names.")
  List<String> schemas;

  @Option(names = "--targets", paramLabel = "FILE",
      description = "Run on each database whose URL is a line of FILE (# starts a comment), instead of --url.")
  Path targets;

  @Option(names = "--parallel", paramLabel = "N", defaultValue = "" + Fleet.DEFAULT_PARALLEL,
      description = "With --schemas or --targets: at most N targets at once, and so N connections (default: ${DEFAULT-VALUE}).")
  int parallel;

  @Option(names = "--fail-fast",
      description = "With --schemas or --targets: start no further target once one failed (default: every target runs).")
  boolean failFast;

  boolean active() {
    return schemas != null || targets != null;
  }

  /** For commands whose fleet outcome is "applied" or not (deploy, seed, backfill). */
  static int summarizeApplied(FleetResult result, PrintWriter out) {
    return summarize(result, out, true);
  }

  /** The fleet; {@code configure} adds what every target's migrator shares (timeouts, out-of-order). */
  Fleet fleet(ConnectionOptions connection, UnaryOperator<Migrator.Builder> configure, PrintWriter out, boolean lines,
      String verb) {
    if (schemas != null && targets != null) {
      throw new ConfigurationException("give either --schemas or --targets, not both");
    }
    Fleet.Builder fleet = Fleet.builder().parallel(parallel).failFast(failFast)
        .migrator(builder -> configure.apply(connection.targetBuilder(builder, targets == null)));
    if (schemas != null) {
      fleet.url(connection.databaseUrl()).schemas(schemas);
    } else {
      if (connection.directUrl != null) {
        throw new ConfigurationException("--direct-url names one database; it cannot go with --targets");
      }
      fleet.targets(readTargets(targets));
    }
    if (lines) {
      fleet.onFinished(target -> {
        out.println("schemacode: " + target.target().name() + ": " + describe(target, verb));
        out.flush();
      });
    }
    return fleet.build();
  }

  /** One URL a line; blank lines and {@code #} comments skipped. A bad line is named by number, never shown. */
  static List<DatabaseUrl> readTargets(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new ConfigurationException("cannot read the targets file " + file + ": " + e.getMessage());
    }
    List<DatabaseUrl> urls = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int comment = line.indexOf('#');
      String url = (comment >= 0 ? line.substring(0, comment) : line).strip();
      if (url.isEmpty()) {
        continue;
      }
      try {
        urls.add(DatabaseUrl.parse(url));
      } catch (ConfigurationException e) {
        throw new ConfigurationException("targets file " + file + ", line " + (i + 1) + ": not a database URL");
      }
    }
    if (urls.isEmpty()) {
      throw new ConfigurationException("the targets file " + file + " lists no database URL");
    }
    return urls;
  }

  private static String describe(FleetResult.Target target, String verb) {
    String at = target.currentVersion().map(v -> "V" + v).orElse("(empty)");
    return switch (target.outcome()) {
      case APPLIED -> switch (verb) {
        case "seed" -> "seeded " + target.applied() + (target.applied() == 1 ? " script" : " scripts");
        case "backfill" -> "backfill done";
        default -> "applied " + target.applied() + (target.applied() == 1 ? " migration" : " migrations") + "; at " + at;
      };
      case UP_TO_DATE -> switch (verb) {
        case "seed" -> "no seed scripts";
        case "backfill" -> "backfill had run already";
        default -> "up to date at " + at;
      };
      case PENDING -> target.pending() + " pending; at " + at;
      case FAILED -> verb + " failed" + target.failedMigration().map(m -> " at " + m).orElse("") + ": "
          + String.join("; ", target.problems());
      case SKIPPED -> "skipped (fail-fast)";
    };
  }

  /** The summary and the list of failures; returns the exit code. */
  static int summarize(FleetResult result, PrintWriter out, boolean deploy) {
    StringBuilder summary = new StringBuilder("schemacode: ").append(result.targets().size())
        .append(result.targets().size() == 1 ? " target: " : " targets: ");
    if (deploy) {
      summary.append(result.count(FleetResult.Outcome.APPLIED)).append(" applied, ");
    }
    summary.append(result.count(FleetResult.Outcome.UP_TO_DATE)).append(" up to date, ");
    if (!deploy) {
      summary.append(result.count(FleetResult.Outcome.PENDING)).append(" pending, ");
    }
    summary.append(result.count(FleetResult.Outcome.FAILED)).append(" failed");
    long skipped = result.count(FleetResult.Outcome.SKIPPED);
    if (skipped > 0) {
      summary.append(", ").append(skipped).append(" skipped (fail-fast)");
    }
    out.println(summary);
    for (FleetResult.Target failed : result.failures()) {
      if (failed.outcome() == FleetResult.Outcome.FAILED) {
        out.println("schemacode: failed: " + failed.target().name() + failed.failedMigration().map(m -> " (" + m + ")").orElse(""));
      }
    }
    return result.ok() ? SchemacodeCli.OK : SchemacodeCli.FAILED;
  }

  /** {@code status --json} and {@code validate --json} across the fleet. */
  static ObjectNode json(FleetResult result) {
    ObjectNode root = Json.object();
    ObjectNode summary = root.putObject("summary");
    summary.put("targets", result.targets().size());
    summary.put("upToDate", result.count(FleetResult.Outcome.UP_TO_DATE));
    summary.put("pending", result.count(FleetResult.Outcome.PENDING));
    summary.put("failed", result.count(FleetResult.Outcome.FAILED));
    root.put("ok", result.ok());
    ArrayNode targets = root.putArray("targets");
    for (FleetResult.Target target : result.targets()) {
      ObjectNode node = targets.addObject();
      node.put("target", target.target().name());
      node.put("database", target.target().url().toString());
      if (target.target().schema() != null) {
        node.put("schema", target.target().schema());
      }
      node.put("outcome", target.outcome().name().toLowerCase(java.util.Locale.ROOT));
      node.put("currentVersion", target.currentVersion().orElse(null));
      node.put("pending", target.pending());
      node.put("failedMigration", target.failedMigration().orElse(null));
      ArrayNode problems = node.putArray("problems");
      target.problems().forEach(problems::add);
    }
    return root;
  }
}

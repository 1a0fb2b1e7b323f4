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

  @Option(names = "--schemas-query", paramLabel = "SQL",
      description = "Run on each tenant schema this query returns (one column of schema names), run read-only on the"
          + " --url database: 'SELECT name FROM tenants WHERE active'.")
  String schemasQuery;

  @Option(names = "--targets", paramLabel = "FILE",
      description = "Run on each database whose URL is a line of FILE (# starts a comment), instead of --url.")
  Path targets;

  @Option(names = "--targets-query", paramLabel = "SQL",
      description = "Run on each database whose URL this query returns (one column), run read-only on the"
          + " --catalog-url database.")
  String targetsQuery;

  @Option(names = "--catalog-url", paramLabel = "URL",
      description = "With --targets-query: the database the query runs on (default: --url, or $DATABASE_URL).")
  String catalogUrl;

  @Option(names = "--parallel", paramLabel = "N",
      description = "With a fleet: at most N targets at once, and so N connections (default: a quarter of the server's"
          + " free connections, 1 to " + Fleet.MAX_AUTO_PARALLEL + ").")
  Integer parallel;

  @Option(names = "--fail-fast",
      description = "With a fleet: start no further target once one failed (default: every target runs).")
  boolean failFast;

  boolean active() {
    return schemas != null || schemasQuery != null || targets != null || targetsQuery != null;
  }

  /** For commands whose fleet outcome is "applied" or not (deploy, seed, backfill). */
  static int summarizeApplied(FleetResult result, PrintWriter out) {
    return summarize(result, out, true);
  }

  /** The fleet; {@code configure} adds what every target's migrator shares (timeouts, out-of-order). */
  Fleet fleet(ConnectionOptions connection, UnaryOperator<Migrator.Builder> configure, PrintWriter out, boolean lines,
      String verb) {
    int sources = (schemas != null ? 1 : 0) + (schemasQuery != null ? 1 : 0) + (targets != null ? 1 : 0)
        + (targetsQuery != null ? 1 : 0);
    if (sources > 1) {
      throw new ConfigurationException("give one of --schemas, --schemas-query, --targets and --targets-query");
    }
    if (catalogUrl != null && targetsQuery == null) {
      throw new ConfigurationException("--catalog-url goes with --targets-query");
    }
    if (parallel != null && parallel < 1) {
      throw new ConfigurationException("--parallel must be at least 1");
    }
    boolean ofSchemas = schemas != null || schemasQuery != null;
    Fleet.Builder fleet = Fleet.builder().parallel(parallel == null ? Fleet.AUTO_PARALLEL : parallel).failFast(failFast)
        .migrator(builder -> configure.apply(connection.targetBuilder(builder, ofSchemas)));
    if (schemas != null) {
      fleet.url(connection.databaseUrl()).schemas(schemas);
    } else if (schemasQuery != null) {
      fleet.url(connection.databaseUrl()).schemasQuery(schemasQuery);
    } else {
      if (connection.directUrl != null) {
        throw new ConfigurationException("--direct-url names one database; it cannot go with --targets or --targets-query");
      }
      if (targets != null) {
        fleet.targets(readTargets(targets));
      } else {
        fleet.targetsQuery(catalog(connection), targetsQuery);
      }
    }
    if (lines) {
      fleet.onFinished(target -> {
        out.println("schemacode: " + target.target().name() + ": " + describe(target, verb));
        out.flush();
      });
    }
    return fleet.build();
  }

  private DatabaseUrl catalog(ConnectionOptions connection) {
    if (catalogUrl == null) {
      return connection.databaseUrl();
    }
    try {
      return DatabaseUrl.parse(catalogUrl);
    } catch (ConfigurationException e) {
      throw new ConfigurationException("--catalog-url is not a database URL"); // never shown: it may hold a password
    }
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

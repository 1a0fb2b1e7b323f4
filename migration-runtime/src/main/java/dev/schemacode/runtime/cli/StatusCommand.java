package dev.schemacode.runtime.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemacode.model.Checkpoint;
import dev.schemacode.runtime.MigrationInfo;
import dev.schemacode.runtime.MigrationStatus;
import dev.schemacode.runtime.PushMark;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "status", mixinStandardHelpOptions = true,
    description = {"Show the state of every migration: applied, pending, out-of-order, failed, modified, missing.",
        "With a fleet (--schemas, --schemas-query, --targets or --targets-query) it runs on every target, --parallel at a time: a line per target as"
            + " it finishes, a summary (N targets: …), and exit 0 only when every target is fine.",
        "Exit codes: 0 no problems (pending is not a problem), 1 a migration is failed, modified, missing or out of"
            + " order (unless --out-of-order), 2 bad usage."})
final class StatusCommand implements Callable<Integer>, DatabaseCommand {
  @Mixin ConnectionOptions connection;
  @Mixin OutOfOrderOption outOfOrder;
  @Mixin FleetOptions fleet;
  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print machine-readable JSON.")
  boolean json;

  @Override
  public ConnectionOptions connection() {
    return connection;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (fleet.active()) {
      var result = fleet.fleet(connection, outOfOrder::applyTo, out, !json, "status").status();
      if (json) {
        out.println(Json.write(FleetOptions.json(result)));
        return result.ok() ? SchemacodeCli.OK : SchemacodeCli.FAILED;
      }
      return FleetOptions.summarize(result, out, false);
    }
    var url = connection.databaseUrl();
    MigrationStatus status = outOfOrder.applyTo(connection.builder()).build().status();
    boolean allowed = outOfOrder.outOfOrder;
    if (json) {
      out.println(Json.write(toJson(url.toString(), status, allowed)));
    } else {
      printTable(out, url.toString(), status, allowed);
    }
    return status.problems(allowed).isEmpty() ? SchemacodeCli.OK : SchemacodeCli.FAILED;
  }

  private static ObjectNode toJson(String database, MigrationStatus status, boolean outOfOrderAllowed) {
    ObjectNode root = Json.object();
    root.put("database", database);
    root.put("currentVersion", status.currentVersion().orElse(null));
    root.put("pending", status.toApply(outOfOrderAllowed).size());
    root.put("problems", status.problems(outOfOrderAllowed).size());
    Optional<String> checkpoint = status.checkpoint();
    if (checkpoint.isPresent()) {
      ObjectNode node = root.putObject("checkpoint");
      node.put("file", Checkpoint.fileName(checkpoint.get()));
      node.put("version", checkpoint.get());
      node.put("covers", status.coveredByCheckpoint());
    } else {
      root.putNull("checkpoint");
    }
    Optional<PushMark> pushed = status.pushed();
    if (pushed.isPresent()) {
      ObjectNode node = root.putObject("pushed");
      node.put("at", pushed.get().lastPushedAt().toString());
      node.put("by", pushed.get().lastPushedBy());
      node.put("pushes", pushed.get().pushes());
      node.put("lastChanges", pushed.get().lastChanges());
      node.put("ledgerHead", pushed.get().ledgerHead());
    } else {
      root.putNull("pushed");
    }
    ArrayNode migrations = root.putArray("migrations");
    for (MigrationInfo info : status.migrations()) {
      Json.migration(migrations.addObject(), info);
    }
    return root;
  }

  private static void printTable(PrintWriter out, String database, MigrationStatus status, boolean outOfOrderAllowed) {
    out.println("Database: " + database);
    status.describeCheckpoint().ifPresent(out::println);
    status.pushed().ifPresent(mark -> out.println(mark.describe()));
    if (status.migrations().isEmpty()) {
      out.println("No migrations.");
      return;
    }
    int nameWidth = Math.max(4, status.migrations().stream().mapToInt(m -> m.name().length()).max().orElse(4));
    String format = "%-8s  %-" + nameWidth + "s  %-12s  %s%n";
    out.printf(format, "Version", "Name", "State", "Applied at");
    for (MigrationInfo info : status.migrations()) {
      out.printf(format, info.version(), info.name(), info.state().label(),
          info.applied().map(a -> a.appliedAt() + Json.appliedBy(a)).orElse(""));
    }
    out.println(status.toApply(outOfOrderAllowed).size() + " pending, " + status.problems(outOfOrderAllowed).size()
        + " with problems; database is at " + status.currentVersion().map(v -> "V" + v).orElse("(empty)"));
    for (MigrationInfo problem : status.problems(outOfOrderAllowed)) {
      out.println("problem: " + problem.explanation());
    }
  }
}

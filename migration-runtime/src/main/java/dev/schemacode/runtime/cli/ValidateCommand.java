package dev.schemacode.runtime.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemacode.runtime.MigrationInfo;
import dev.schemacode.runtime.Validation;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {"Check the migrations against the database's history without changing anything: what would stop"
        + " a deploy (modified, missing, failed, out-of-order migrations) and what it would apply.",
        "With a fleet (--schemas, --schemas-query, --targets or --targets-query) it runs on every target, --parallel at a time: a line per target as"
            + " it finishes, a summary (N targets: …), and exit 0 only when every target is fine.",
        "Exit codes: 0 a deploy could proceed (pending migrations are fine), 1 problems found, 2 bad usage."})
final class ValidateCommand implements Callable<Integer>, DatabaseCommand {
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
      var result = fleet.fleet(connection, outOfOrder::applyTo, out, !json, "validate").validate();
      if (json) {
        out.println(Json.write(FleetOptions.json(result)));
        return result.ok() ? SchemacodeCli.OK : SchemacodeCli.FAILED;
      }
      return FleetOptions.summarize(result, out, false);
    }
    Validation validation = outOfOrder.applyTo(connection.builder()).build().validate();
    if (json) {
      ObjectNode root = Json.object();
      root.put("database", connection.databaseUrl().toString());
      root.put("valid", validation.valid());
      root.put("currentVersion", validation.status().currentVersion().orElse(null));
      ArrayNode pending = root.putArray("pending");
      validation.pending().forEach(info -> Json.migration(pending.addObject(), info));
      ArrayNode problems = root.putArray("problems");
      for (MigrationInfo info : validation.problems()) {
        ObjectNode problem = problems.addObject();
        Json.migration(problem, info);
        problem.put("message", info.explanation());
      }
      out.println(Json.write(root));
    } else {
      out.println("schemacode: validated " + connection.migrationSource().description() + " against "
          + connection.databaseUrl());
      for (MigrationInfo info : validation.problems()) {
        out.println("schemacode: problem: " + info.explanation());
      }
      int pending = validation.pending().size();
      out.println("schemacode: " + (validation.valid() ? "valid" : validation.problems().size()
          + (validation.problems().size() == 1 ? " problem" : " problems")) + "; " + pending
          + (pending == 1 ? " migration" : " migrations") + " pending; database is at "
          + validation.status().currentVersion().map(v -> "V" + v).orElse("(empty)"));
    }
    return validation.valid() ? SchemacodeCli.OK : SchemacodeCli.FAILED;
  }
}

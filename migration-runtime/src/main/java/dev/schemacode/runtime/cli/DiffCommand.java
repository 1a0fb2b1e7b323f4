package dev.schemacode.runtime.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemacode.model.PostgresRenderer;
import dev.schemacode.model.SchemaChange;
import dev.schemacode.runtime.Drift;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "diff", mixinStandardHelpOptions = true,
    description = {"Compare the live database with the schema the migrations record (in the ledger beside them):"
        + " manual hot-fixes, hand-applied changes. Prints each difference and the SQL that would reconcile it;"
        + " changes nothing.",
        "Exit codes: 0 no drift, 1 drift found, 2 bad usage."})
final class DiffCommand implements Callable<Integer>, DatabaseCommand {
  @Mixin ConnectionOptions connection;
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
    Drift drift = connection.builder().build().drift();
    if (json) {
      ObjectNode root = Json.object();
      root.put("database", connection.databaseUrl().toString());
      root.put("drift", !drift.none());
      ArrayNode changes = root.putArray("changes");
      for (SchemaChange change : drift.changes()) {
        ObjectNode node = changes.addObject();
        node.put("change", change.describe());
        node.put("sql", PostgresRenderer.render(change));
      }
      out.println(Json.write(root));
    } else if (drift.none()) {
      out.println("schemacode: " + connection.databaseUrl() + " matches the schema recorded in "
          + connection.migrationSource().description());
    } else {
      out.println("schemacode: " + connection.databaseUrl() + " differs from the schema recorded in "
          + connection.migrationSource().description() + ":");
      drift.changes().forEach(change -> out.println("  " + change.describe()));
      out.println();
      out.println("-- SQL that would make the database match the recorded schema (review before running):");
      out.print(drift.sql());
    }
    return drift.none() ? SchemacodeCli.OK : SchemacodeCli.FAILED;
  }
}

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
        "Objects that recorded hand-written migrations create (and the entities do not declare) are theirs, not drift."
            + " Pending migrations are reported first.",
        "Exit codes: 0 no drift and nothing pending, 1 drift found or migrations pending, 2 bad usage."})
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
      root.put("drift", !drift.changes().isEmpty());
      ArrayNode pending = root.putArray("pending");
      drift.pending().forEach(info -> pending.add(info.label()));
      ArrayNode changes = root.putArray("changes");
      for (SchemaChange change : drift.changes()) {
        ObjectNode node = changes.addObject();
        node.put("change", change.describe());
        node.put("sql", PostgresRenderer.render(change));
      }
      out.println(Json.write(root));
      return drift.none() ? SchemacodeCli.OK : SchemacodeCli.FAILED;
    }
    if (!drift.pending().isEmpty()) {
      // first: pending migrations explain differences that are no hot-fix
      int count = drift.pending().size();
      out.println("schemacode: " + count + (count == 1 ? " migration is" : " migrations are") + " pending on "
          + connection.databaseUrl() + " (" + drift.pending().stream().map(info -> info.label())
              .collect(java.util.stream.Collectors.joining(", ")) + "); the recorded schema is the one after "
          + (count == 1 ? "it" : "them") + ", so what " + (count == 1 ? "it changes" : "they change")
          + " shows below as well: run `schemacode deploy`, then diff again");
    }
    if (drift.changes().isEmpty()) {
      out.println("schemacode: " + connection.databaseUrl() + (drift.pending().isEmpty() ? " matches" : " otherwise matches")
          + " the schema recorded in " + connection.migrationSource().description());
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

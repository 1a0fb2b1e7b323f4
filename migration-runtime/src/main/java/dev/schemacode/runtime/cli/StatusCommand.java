package dev.schemacode.runtime.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemacode.runtime.AppliedMigration;
import dev.schemacode.runtime.MigrationInfo;
import dev.schemacode.runtime.MigrationStatus;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "status", mixinStandardHelpOptions = true,
    description = {"Show the state of every migration: applied, pending, out-of-order, failed, modified, missing.",
        "Exits with 1 when a migration is failed, modified, missing or out of order."})
final class StatusCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Mixin ConnectionOptions connection;
  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print machine-readable JSON.")
  boolean json;

  @Override
  public Integer call() throws JsonProcessingException {
    PrintWriter out = spec.commandLine().getOut();
    var url = connection.databaseUrl();
    MigrationStatus status = connection.migrator().status();
    if (json) {
      out.println(JSON.writeValueAsString(toJson(url.toString(), status)));
    } else {
      printTable(out, url.toString(), status);
    }
    return status.problems().isEmpty() ? SchemacodeCli.OK : SchemacodeCli.FAILED;
  }

  private static ObjectNode toJson(String database, MigrationStatus status) {
    ObjectNode root = JSON.createObjectNode();
    root.put("database", database);
    root.put("currentVersion", status.currentVersion().orElse(null));
    root.put("pending", status.pending().size());
    root.put("problems", status.problems().size());
    ArrayNode migrations = root.putArray("migrations");
    for (MigrationInfo info : status.migrations()) {
      ObjectNode node = migrations.addObject();
      node.put("version", info.version());
      node.put("name", info.name());
      node.put("state", info.state().label());
      info.resolved().ifPresent(r -> node.put("checksum", r.checksum()));
      info.applied().ifPresent(a -> {
        node.put("appliedChecksum", a.checksum());
        node.put("appliedAt", a.appliedAt().toString());
        node.put("executionMs", a.executionMillis());
      });
    }
    return root;
  }

  private static void printTable(PrintWriter out, String database, MigrationStatus status) {
    out.println("Database: " + database);
    if (status.migrations().isEmpty()) {
      out.println("No migrations.");
      return;
    }
    int nameWidth = Math.max(4, status.migrations().stream().mapToInt(m -> m.name().length()).max().orElse(4));
    String format = "%-8s  %-" + nameWidth + "s  %-12s  %s%n";
    out.printf(format, "Version", "Name", "State", "Applied at");
    for (MigrationInfo info : status.migrations()) {
      out.printf(format, info.version(), info.name(), info.state().label(),
          info.applied().map(AppliedMigration::appliedAt).map(Object::toString).orElse(""));
    }
    out.println(status.pending().size() + " pending, " + status.problems().size() + " with problems; database is at "
        + status.currentVersion().map(v -> "V" + v).orElse("(empty)"));
  }
}

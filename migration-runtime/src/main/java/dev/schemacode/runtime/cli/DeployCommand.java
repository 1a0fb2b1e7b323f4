package dev.schemacode.runtime.cli;

import dev.schemacode.runtime.MigrateResult;
import dev.schemacode.runtime.ResolvedMigration;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "deploy", mixinStandardHelpOptions = true,
    description = {"Apply every pending migration, each in its own transaction.",
        "Safe to run from several processes at once: an advisory lock lets one apply, the others wait."})
final class DeployCommand implements Callable<Integer> {
  @Mixin ConnectionOptions connection;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    var url = connection.databaseUrl();
    out.println("schemacode: deploying " + connection.migrationSource().description() + " to " + url);
    out.flush();
    MigrateResult result = connection.migrator().migrate();
    String at = result.currentVersion().map(v -> "V" + v).orElse("(empty)");
    if (result.applied().isEmpty()) {
      out.println("schemacode: nothing to apply; database is at " + at);
    } else {
      for (ResolvedMigration migration : result.applied()) {
        out.println("schemacode: applied " + migration.file().label());
      }
      int count = result.applied().size();
      out.println("schemacode: " + count + (count == 1 ? " migration" : " migrations") + " applied; database is at " + at);
    }
    return SchemacodeCli.OK;
  }
}

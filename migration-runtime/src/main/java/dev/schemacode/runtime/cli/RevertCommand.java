package dev.schemacode.runtime.cli;

import dev.schemacode.runtime.Migrator;
import dev.schemacode.runtime.RevertResult;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "revert", mixinStandardHelpOptions = true,
    description = {"Undo applied migrations, newest first, with the reverses the build recorded beside them"
        + " (U<version>__<name>.sql). Without --to, the newest change. For development and test databases;"
        + " production rolls forward (docs/history.md).",
        "Refuses when no environment is declared, when it is production, when the database's schemacode.environment"
            + " setting says production or names another environment, when a migration to undo has no reverse, and"
            + " when a reverse cannot bring back data the migration dropped (unless --accept-data-loss).",
        "Exit codes: 0 reverted (or nothing to revert), 1 a reverse failed or a migration cannot be reverted,"
            + " 2 refused or bad usage."})
final class RevertCommand implements Callable<Integer>, DatabaseCommand {
  @Mixin ConnectionOptions connection;
  @Mixin TimeoutOptions timeouts;
  @Mixin EnvironmentOption environment;
  @Spec CommandSpec spec;

  @Option(names = "--to", paramLabel = "VERSION",
      description = "Undo every change applied after VERSION (5, 0005 or V0005; 0 for all); VERSION stays applied.")
  String to;

  @Option(names = "--accept-data-loss",
      description = "Revert also where the reverse cannot bring back data the migration dropped (the table or column"
          + " comes back empty).")
  boolean acceptDataLoss;

  @Override
  public ConnectionOptions connection() {
    return connection;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Migrator migrator = environment.applyTo(timeouts.applyTo(connection.builder())).build();
    RevertResult result = to == null ? migrator.revert(acceptDataLoss) : migrator.revertTo(to, acceptDataLoss);
    if (result.reverted().isEmpty()) {
      out.println("schemacode: nothing to revert; database is at "
          + result.currentVersion().map(v -> "V" + v).orElse("(empty)"));
      return SchemacodeCli.OK;
    }
    for (String script : result.scripts()) {
      out.println("schemacode: ran " + script);
    }
    out.println("schemacode: reverted " + String.join(", ", result.reverted()) + "; database is at "
        + result.currentVersion().map(v -> "V" + v).orElse("(empty)"));
    return SchemacodeCli.OK;
  }
}

package dev.schemacode.runtime.cli;

import dev.schemacode.runtime.ConfigurationException;
import dev.schemacode.runtime.MigrateResult;
import dev.schemacode.runtime.Migrator;
import dev.schemacode.runtime.ScriptFolder;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "reset", mixinStandardHelpOptions = true,
    description = {"Drop the connection's current schema with everything in it, create it again (same owner and"
        + " grants), and apply every migration. For development and test databases.",
        "Refuses without --force, when no environment is declared, when it is production, and when the database's "
            + "schemacode.environment setting says production or names another environment.",
        "Exit codes: 0 reset, 1 a migration or seed failed, 2 refused or bad usage."})
final class ResetCommand implements Callable<Integer>, DatabaseCommand {
  @Mixin ConnectionOptions connection;
  @Mixin TimeoutOptions timeouts;
  @Mixin EnvironmentOption environment;
  @Spec CommandSpec spec;

  @Option(names = "--force", description = "Yes, drop everything in the schema.")
  boolean force;

  @Option(names = "--seed", description = "Run the seeds afterwards.")
  boolean seed;

  @Option(names = "--seeds", paramLabel = "LOCATION",
      description = "Where the seeds are, a directory or classpath:<path> (default: seeds/ beside the migrations).")
  String seeds;

  @Override
  public ConnectionOptions connection() {
    return connection;
  }

  @Override
  public Integer call() {
    if (!force) {
      throw new ConfigurationException("refusing to reset without --force: it drops the current schema of "
          + connection.databaseUrl() + " and everything in it");
    }
    PrintWriter out = spec.commandLine().getOut();
    Migrator.Builder builder = environment.applyTo(timeouts.applyTo(connection.builder()));
    if (seeds != null) {
      builder.seeds(ScriptFolder.parse(seeds));
    }
    Migrator migrator = builder.build();
    MigrateResult result = migrator.reset();
    int count = result.applied().size();
    out.println("schemacode: reset " + connection.databaseUrl() + ": schema dropped and created again; " + count
        + (count == 1 ? " migration" : " migrations") + " applied; database is at "
        + result.currentVersion().map(v -> "V" + v).orElse("(empty)"));
    if (seed) {
      List<String> seeded = migrator.seed();
      SeedCommand.report(out, seeded, migrator);
    }
    return SchemacodeCli.OK;
  }
}

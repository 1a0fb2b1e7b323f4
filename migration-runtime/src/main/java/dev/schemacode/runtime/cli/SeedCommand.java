package dev.schemacode.runtime.cli;

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

@Command(name = "seed", mixinStandardHelpOptions = true,
    description = {"Run the seed scripts (development data) in name order, each in its own transaction. Seeds are"
        + " not recorded and may run again: write them to be repeatable (INSERT ... ON CONFLICT DO NOTHING).",
        "Refuses when no environment is declared, when it is production, when the database's schemacode.environment"
            + " setting says production or names another environment, and while migrations are pending.",
        "With a fleet (--schemas, --schemas-query, --targets or --targets-query): on every target of the fleet, --parallel at a time (the environment is checked once first); a line per target and a summary.",
        "Exit codes: 0 seeded (or no seeds), 1 a seed failed or migrations are pending, 2 refused or bad usage."})
final class SeedCommand implements Callable<Integer>, DatabaseCommand {
  @Mixin ConnectionOptions connection;
  @Mixin TimeoutOptions timeouts;
  @Mixin EnvironmentOption environment;
  @Mixin FleetOptions fleet;
  @Spec CommandSpec spec;

  @Option(names = "--seeds", paramLabel = "LOCATION",
      description = "Where the seeds are, a directory or classpath:<path> (default: seeds/ beside the migrations).")
  String seeds;

  @Override
  public ConnectionOptions connection() {
    return connection;
  }

  @Override
  public Integer call() {
    if (fleet.active()) {
      PrintWriter out = spec.commandLine().getOut();
      var result = fleet.fleet(connection, builder -> {
        environment.applyTo(timeouts.applyTo(builder));
        return seeds == null ? builder : builder.seeds(ScriptFolder.parse(seeds));
      }, out, true, "seed").seed();
      return FleetOptions.summarizeApplied(result, out);
    }
    Migrator.Builder builder = environment.applyTo(timeouts.applyTo(connection.builder()));
    if (seeds != null) {
      builder.seeds(ScriptFolder.parse(seeds));
    }
    Migrator migrator = builder.build();
    report(spec.commandLine().getOut(), migrator.seed(), migrator);
    return SchemacodeCli.OK;
  }

  static void report(PrintWriter out, List<String> seeded, Migrator migrator) {
    if (seeded.isEmpty()) {
      out.println("schemacode: no seed scripts in " + migrator.seeds().description());
      return;
    }
    seeded.forEach(name -> out.println("schemacode: seeded " + name));
  }
}

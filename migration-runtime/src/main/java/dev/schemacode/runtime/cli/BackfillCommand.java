package dev.schemacode.runtime.cli;

import dev.schemacode.runtime.BackfillInfo;
import dev.schemacode.runtime.ConfigurationException;
import dev.schemacode.runtime.Migrator;
import dev.schemacode.runtime.ScriptFolder;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "backfill", mixinStandardHelpOptions = true,
    description = {"Run one backfill (a one-off data script in backfills/ beside the migrations) by name, and record"
        + " it: it never runs twice on the same database. Deploy never runs backfills.",
        "Runs in its own transaction unless the script says -- schemacode:no-transaction (batches that commit as they"
            + " go); refuses while migrations have problems, and while some are pending unless --allow-pending.",
        "With a fleet (--schemas, --schemas-query, --targets or --targets-query): on every target where it has not run yet (where it has, it counts as up to date), --parallel at a time; a line per target and a summary.",
        "Exit codes: 0 done, 1 it failed or already ran, 2 unknown backfill or bad usage."})
final class BackfillCommand implements Callable<Integer>, DatabaseCommand {
  @Mixin ConnectionOptions connection;
  @Mixin TimeoutOptions timeouts;
  @Mixin FleetOptions fleet;
  @Spec CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "NAME", description = "The backfill's file name without .sql.")
  String name;

  @Option(names = "--list", description = "List the backfills and whether each ran, instead of running one.")
  boolean list;

  @Option(names = "--allow-pending",
      description = "Run although migrations are pending: after deploy --to VERSION, to fill the rows a later migration"
          + " validates (a NOT NULL). Failed, modified or missing migrations still stop it.")
  boolean allowPending;

  @Option(names = "--backfills", paramLabel = "LOCATION",
      description = "Where the backfills are, a directory or classpath:<path> (default: backfills/ beside the"
          + " migrations).")
  String backfills;

  @Override
  public ConnectionOptions connection() {
    return connection;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (fleet.active()) {
      if (list || name == null) {
        throw new ConfigurationException("with a fleet, give the backfill's NAME (--list works on one database)");
      }
      var result = fleet.fleet(connection, builder -> {
        timeouts.applyTo(builder);
        return backfills == null ? builder : builder.backfills(ScriptFolder.parse(backfills));
      }, out, true, "backfill").backfill(name, allowPending);
      return FleetOptions.summarizeApplied(result, out);
    }
    Migrator.Builder builder = timeouts.applyTo(connection.builder());
    if (backfills != null) {
      builder.backfills(ScriptFolder.parse(backfills));
    }
    Migrator migrator = builder.build();
    if (list == (name != null)) {
      throw new ConfigurationException("give either a backfill NAME or --list");
    }
    if (list) {
      List<BackfillInfo> infos = migrator.backfills();
      if (infos.isEmpty()) {
        out.println("schemacode: no backfills in " + migrator.backfillFolder().description());
      }
      for (BackfillInfo info : infos) {
        out.printf("%-40s  %-8s  %s%n", info.name(), info.state().label(),
            info.ranAt().map(Object::toString).orElse(""));
      }
      return SchemacodeCli.OK;
    }
    BackfillInfo done = migrator.backfill(name, allowPending);
    out.println("schemacode: backfill " + done.name() + " done in " + done.executionMillis().orElse(0L)
        + " ms; it will not run again on this database");
    return SchemacodeCli.OK;
  }
}

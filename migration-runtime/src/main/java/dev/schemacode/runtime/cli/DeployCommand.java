package dev.schemacode.runtime.cli;

import dev.schemacode.runtime.DeployPlan;
import dev.schemacode.runtime.MigrateResult;
import dev.schemacode.runtime.Migrator;
import dev.schemacode.runtime.ResolvedMigration;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "deploy", mixinStandardHelpOptions = true,
    description = {"Apply every pending migration in version order, each in its own transaction unless it says"
        + " -- schemacode:no-transaction.",
        "Safe to run from several processes at once: an advisory lock lets one apply, the others wait and then find"
            + " nothing to do. Stops before applying anything when a migration is modified, missing, failed or out of"
            + " order. Never runs seeds or backfills.",
        "With --to VERSION it stops after that version: the way through a migration that cannot apply yet, such as"
            + " the validation of a NOT NULL while rows hold NULLs (deploy --to the version before it, backfill"
            + " --allow-pending, deploy).",
        "With a fleet (--schemas, --schemas-query, --targets or --targets-query) it runs on every target, --parallel at a time: a line per target as"
            + " it finishes, a summary (N targets: …), and exit 0 only when every target is fine.",
        "Exit codes: 0 applied or nothing to apply, 1 a migration failed or validation found problems, 2 bad usage."})
final class DeployCommand implements Callable<Integer>, DatabaseCommand {
  @Mixin ConnectionOptions connection;
  @Mixin TimeoutOptions timeouts;
  @Mixin OutOfOrderOption outOfOrder;
  @Mixin FleetOptions fleet;
  @Spec CommandSpec spec;

  @Option(names = "--to", paramLabel = "VERSION",
      description = "Apply the pending migrations up to and including VERSION (0005 or V0005) and stop; never goes back.")
  String to;

  @Option(names = "--dry-run",
      description = "Print the SQL deploy would run (migrations, settings, history records) and change nothing.")
  boolean dryRun;

  @Override
  public ConnectionOptions connection() {
    return connection;
  }

  /** The dry run's one-line summary: what the deploy would run, or record without running. */
  private static String summary(DeployPlan plan, String at) {
    int count = plan.migrations().size();
    String migrations = count + (count == 1 ? " migration" : " migrations");
    int recorded = plan.recordedAfterPush().size();
    if (recorded > 0) {
      return recorded + (recorded == 1 ? " migration" : " migrations") + " would be recorded as applied without"
          + " running: a push already made the database the schema " + (recorded == 1 ? "it leads" : "they lead")
          + " to; database is at " + at;
    }
    return plan.checkpoint().map(checkpoint -> "a new database: it would start from " + checkpoint.file()
        + " (the schema as of V" + checkpoint.version() + "; the " + checkpoint.covers() + " migrations it stands for"
        + " are recorded as applied without running), then " + migrations + " would be applied; database is at " + at)
        .orElse(migrations + " would be applied; database is at " + at);
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (fleet.active()) {
      if (to != null || dryRun) {
        throw new dev.schemacode.runtime.ConfigurationException("--to and --dry-run work on one database; not with a fleet");
      }
      out.println("schemacode: deploying " + connection.migrationSource().description() + " to a fleet");
      out.flush();
      var result = fleet.fleet(connection, builder -> outOfOrder.applyTo(timeouts.applyTo(builder)), out, true, "deploy").deploy();
      return FleetOptions.summarize(result, out, true);
    }
    Migrator migrator = outOfOrder.applyTo(timeouts.applyTo(connection.builder())).build();
    String target = connection.migrationSource().description() + " to " + connection.databaseUrl();
    if (dryRun) {
      DeployPlan plan = to == null ? migrator.plan() : migrator.planTo(to);
      String at = plan.currentVersion().map(v -> "V" + v).orElse("(empty)");
      out.println("-- schemacode deploy --dry-run: " + target);
      if (plan.isEmpty()) {
        out.println("-- nothing to apply; database is at " + at);
      } else {
        out.println("-- " + summary(plan, at));
        out.print(plan.sql());
      }
      out.flush();
      return SchemacodeCli.OK;
    }
    out.println("schemacode: deploying " + target);
    out.flush();
    MigrateResult result = to == null ? migrator.migrate() : migrator.migrateTo(to);
    String at = result.currentVersion().map(v -> "V" + v).orElse("(empty)");
    for (ResolvedMigration migration : result.recordedAfterPush()) {
      out.println("schemacode: recorded " + migration.file().label() + " as applied without running it: a push had"
          + " already made the database the schema it leads to");
    }
    // a new database built from a checkpoint: the migrations it stands for were recorded, not run
    long fromCheckpoint = result.checkpoint().flatMap(dev.schemacode.model.Checkpoint::versionOf).map(Long::parseLong)
        .map(version -> result.applied().stream().filter(m -> m.file().number() <= version).count()).orElse(0L);
    result.checkpoint().ifPresent(checkpoint -> out.println("schemacode: a new database: built from " + checkpoint
        + "; the " + fromCheckpoint + " migrations it stands for are recorded as applied without running"));
    if (result.applied().isEmpty()) {
      out.println("schemacode: nothing " + (result.recordedAfterPush().isEmpty() ? "to apply" : "else to apply")
          + "; database is at " + at);
    } else {
      for (ResolvedMigration migration : result.applied().subList((int) fromCheckpoint, result.applied().size())) {
        out.println("schemacode: applied " + migration.file().label());
      }
      int count = result.applied().size();
      out.println("schemacode: " + count + (count == 1 ? " migration" : " migrations") + " applied"
          + (fromCheckpoint > 0 ? " (" + fromCheckpoint + " by the checkpoint)" : "") + "; database is at " + at);
    }
    if (to != null) {
      long later = migrator.status().migrations().stream()
          .filter(info -> info.state() == dev.schemacode.runtime.MigrationState.PENDING).count();
      if (later > 0) {
        out.println("schemacode: stopped at " + to + " as asked; " + later + (later == 1 ? " migration is" : " migrations are")
            + " still pending");
      }
    }
    return SchemacodeCli.OK;
  }
}

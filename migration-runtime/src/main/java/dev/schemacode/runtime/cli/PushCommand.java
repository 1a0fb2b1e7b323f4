package dev.schemacode.runtime.cli;

import dev.schemacode.model.SchemaChange;
import dev.schemacode.runtime.MigrationException;
import dev.schemacode.runtime.Migrator;
import dev.schemacode.runtime.PushPlan;
import dev.schemacode.runtime.PushResult;
import dev.schemacode.runtime.ResolvedMigration;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "push", mixinStandardHelpOptions = true,
    description = {"Make a development database the schema the entities declare, without writing a migration:"
        + " compares it with the declared schema the build left beside the migrations in its output"
        + " (schemacode-declared.json; point --migrations at target/classes/db/migration or classpath:db/migration)"
        + " and applies the difference in the generator's safe forms.",
        "A database nobody pushed gets its pending migrations first. Once the declarations are what the migrations"
            + " record (the migration was generated), pending migrations the database already matches are recorded"
            + " as applied; until then the database is marked as pushed, and deploy compares before it applies.",
        "Refuses when no environment is declared, when it is production, when the database's schemacode.environment"
            + " setting says production or names another environment, and, unless --accept-data-loss, when a change"
            + " loses data (listing them).",
        "With --dry-run it prints the SQL it would run (the changes listed first, those that lose data first of"
            + " all and flagged) and changes nothing; refused where push is, and exit 1 when push would refuse a"
            + " change that loses data (without --accept-data-loss).",
        "Exit codes: 0 pushed or nothing to do, 1 refused for data loss or a change failed, 2 refused or bad usage."})
final class PushCommand implements Callable<Integer>, DatabaseCommand {
  @Mixin ConnectionOptions connection;
  @Mixin TimeoutOptions timeouts;
  @Mixin EnvironmentOption environment;
  @Spec CommandSpec spec;

  @Option(names = "--accept-data-loss", description = "Apply changes that lose data too (dropped tables and columns,"
      + " narrowed types, removed enum values); they are listed first.")
  boolean acceptDataLoss;

  @Option(names = "--dry-run", description = "Print the SQL push would run, the changes that lose data listed first,"
      + " and change nothing.")
  boolean dryRun;

  @Override
  public ConnectionOptions connection() {
    return connection;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Migrator migrator = environment.applyTo(timeouts.applyTo(connection.builder())).build();
    if (dryRun) {
      return dryRun(out, connection.migrationSource().description() + " to " + connection.databaseUrl(),
          migrator.planPush(), acceptDataLoss);
    }
    report(out, connection.databaseUrl().toString(), migrator.push(acceptDataLoss));
    return SchemacodeCli.OK;
  }

  /**
   * What the push would do: the changes, those that lose data first and flagged, then the SQL. Exit 1 (as
   * push's) when it would refuse one that loses data; the plan is printed first all the same.
   */
  static int dryRun(PrintWriter out, String target, PushPlan plan, boolean acceptDataLoss) {
    out.println("-- schemacode push --dry-run: " + target);
    if (!plan.deployFirst().isEmpty()) {
      int count = plan.deployFirst().migrations().size() + plan.deployFirst().checkpoint().map(c -> c.covers()).orElse(0);
      out.println("-- first, " + count + (count == 1 ? " pending migration" : " pending migrations") + " (a database"
          + " nobody pushed gets them before the push; the changes below are from the schema they lead to)");
    }
    List<SchemaChange> losing = plan.losing();
    if (plan.changes().isEmpty()) {
      out.println("-- nothing to push: the database " + (plan.deployFirst().isEmpty() ? "already is" : "then is")
          + " the declared schema");
    } else {
      int count = plan.changes().size();
      out.println("-- " + count + (count == 1 ? " change" : " changes") + " would be pushed" + (losing.isEmpty() ? ":"
          : ", " + losing.size() + (losing.size() == 1 ? " loses" : " lose") + " data" + (acceptDataLoss
          ? " (accepted with --accept-data-loss):" : " (push refuses " + (losing.size() == 1 ? "it" : "them")
          + " without --accept-data-loss):")));
      losing.forEach(change -> out.println("--   [data loss] " + change.describe()));
      plan.changes().stream().filter(change -> !losing.contains(change))
          .forEach(change -> out.println("--   " + change.describe()));
    }
    if (!plan.inMigrations() && !plan.changes().isEmpty()) {
      out.println("-- no migration holds these changes yet; a build in generate mode writes them as one");
    }
    out.print(plan.sql());
    out.flush();
    if (!losing.isEmpty() && !acceptDataLoss) {
      throw new MigrationException("push would refuse this, and the dry run changed nothing: "
          + losing.size() + (losing.size() == 1 ? " change loses" : " changes lose") + " data ("
          + losing.stream().map(SchemaChange::describe).collect(Collectors.joining("; "))
          + "); push with --accept-data-loss to apply " + (losing.size() == 1 ? "it" : "them"));
    }
    return SchemacodeCli.OK;
  }

  /** What the push did, data loss first. */
  static void report(PrintWriter out, String database, PushResult result) {
    for (ResolvedMigration migration : result.deployed()) {
      out.println("schemacode: applied " + migration.file().label() + " (pending on a database nobody had pushed)");
    }
    List<SchemaChange> losing = result.changes().stream().filter(c -> c.dataLoss().isPresent()).toList();
    if (!losing.isEmpty()) {
      out.println("schemacode: data loss accepted (--accept-data-loss):");
      losing.forEach(change -> out.println("  " + change.describe()));
    }
    if (result.changes().isEmpty()) {
      out.println("schemacode: " + database + " already is the declared schema; nothing to push");
    } else {
      out.println("schemacode: pushed " + result.changes().size() + (result.changes().size() == 1 ? " change" : " changes")
          + " to " + database + ":");
      result.changes().forEach(change -> out.println("  " + change.describe()));
    }
    for (ResolvedMigration migration : result.recorded()) {
      out.println("schemacode: recorded " + migration.file().label() + " as applied: the database already is the"
          + " schema it leads to");
    }
    result.notRecorded().ifPresent(reason -> out.println("schemacode: pending migrations not recorded: " + reason));
    if (!result.inMigrations()) {
      out.println("schemacode: no migration holds these changes yet; a build in generate mode (without"
          + " -Aschemacode.mode=push) writes them as one, and deploy then records it here as applied");
    }
  }
}

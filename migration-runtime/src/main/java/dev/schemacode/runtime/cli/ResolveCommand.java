package dev.schemacode.runtime.cli;

import dev.schemacode.runtime.MigrationInfo;
import dev.schemacode.runtime.Migrator;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "resolve", mixinStandardHelpOptions = true,
    description = {"Tell the history what happened to a migration that it cannot know by itself. Runs no migration.",
        "--applied V: record V as applied as its file is now: a failed migration you completed by hand, a pending one"
            + " you applied by hand, or a modified one whose edit you accept.",
        "--rolled-back V: forget V: a failed migration whose effects you undid (deploy runs it again), or an applied"
            + " one whose file is gone for good.",
        "Exit codes: 0 recorded, 1 the migration is not in a state this applies to, 2 bad usage or unknown version."})
final class ResolveCommand implements Callable<Integer>, DatabaseCommand {
  @Mixin ConnectionOptions connection;
  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  static final class Target {
    @Option(names = "--applied", paramLabel = "VERSION", required = true,
        description = "Record this migration as applied (e.g. 0003 or V0003).")
    String applied;

    @Option(names = "--rolled-back", paramLabel = "VERSION", required = true,
        description = "Forget this failed (or missing) migration.")
    String rolledBack;
  }

  @Override
  public ConnectionOptions connection() {
    return connection;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Migrator migrator = connection.builder().build();
    if (target.applied != null) {
      MigrationInfo info = migrator.resolveApplied(target.applied);
      out.println("schemacode: " + info.label() + " is recorded as applied (resolved); it was not run");
    } else {
      Optional<MigrationInfo> info = migrator.resolveRolledBack(target.rolledBack);
      out.println(info.map(i -> "schemacode: " + i.label() + " is forgotten by the history; it is now " + i.state().label())
          .orElse("schemacode: V" + target.rolledBack.replaceFirst("^[Vv]", "") + " is forgotten by the history"));
    }
    return SchemacodeCli.OK;
  }
}

package dev.schemacode.runtime.cli;

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

// No mixinStandardHelpOptions: it would add -V/--version, and the contract gives --version to the baseline.
@Command(name = "baseline",
    description = {"Adopt an existing database: record every migration up to VERSION as applied, without running"
        + " them, because the schema already is what they would build. Later migrations apply as usual.",
        "Only for a database that schemacode has not migrated yet (empty history).",
        "Exit codes: 0 recorded, 1 the history is not empty, 2 bad usage or unknown version."})
final class BaselineCommand implements Callable<Integer>, DatabaseCommand {
  @Mixin ConnectionOptions connection;
  @Spec CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Option(names = "--version", paramLabel = "VERSION", required = true,
      description = "The migration the existing schema corresponds to, e.g. 0003 or V0003.")
  String version;

  @Override
  public ConnectionOptions connection() {
    return connection;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<ResolvedMigration> adopted = connection.builder().build().baseline(version);
    out.println("schemacode: baselined " + connection.databaseUrl() + " at V"
        + adopted.get(adopted.size() - 1).version() + "; recorded as applied without running: "
        + adopted.stream().map(m -> m.file().label()).collect(Collectors.joining(", ")));
    return SchemacodeCli.OK;
  }
}

package dev.schemacode.ui;

import dev.schemacode.runtime.Migrator;
import dev.schemacode.runtime.cli.ConnectionOptions;
import dev.schemacode.runtime.cli.EnvironmentOption;
import dev.schemacode.runtime.cli.PluginCommand;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code schemacode ui}: serves the schema, the migrations and the data on 127.0.0.1 and prints the
 * one URL (with its token) that opens them; runs until stopped. Found by the CLI through {@link
 * java.util.ServiceLoader} ({@code META-INF/services/dev.schemacode.runtime.cli.PluginCommand}), so
 * the runtime does not depend on this module.
 */
@Command(name = "ui", mixinStandardHelpOptions = true,
    description = {"Open the schema, the migrations and the data in a browser: prints one local URL (127.0.0.1,"
        + " with a random token) and serves it until stopped (Ctrl-C).",
        "Rows can be inserted, edited and deleted only where seed and reset may run (a declared non-production"
            + " environment the database agrees with); read-only everywhere else.",
        "Exit codes: 2 bad usage or the port is taken, 1 the database cannot be reached."})
public final class UiCommand implements PluginCommand {
  @Mixin ConnectionOptions connection;
  @Mixin EnvironmentOption environment;
  @Spec CommandSpec spec;

  @Option(names = "--port", paramLabel = "N", defaultValue = "5555",
      description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Override
  public ConnectionOptions connection() {
    return connection;
  }

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new dev.schemacode.runtime.ConfigurationException("--port must be between 0 and 65535");
    }
    Migrator migrator = environment.applyTo(connection.builder()).build();
    UiServer server = UiServer.start(new UiServer.Settings(connection.databaseUrl(), migrator,
        connection.migrationSource(), connection.historyTable(), environment.environment(), port));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "schemacode-ui-stop"));
    PrintWriter out = spec.commandLine().getOut();
    out.println("schemacode: ui for " + connection.databaseUrl() + ", "
        + server.readOnlyReason().map(reason -> "read-only (" + reason + ")").orElse("rows editable (environment "
            + environment.environment() + ")"));
    out.println(server.url());
    out.flush();
    stopped.await();
    return 0;
  }
}

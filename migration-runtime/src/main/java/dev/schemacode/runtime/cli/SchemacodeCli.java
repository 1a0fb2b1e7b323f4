package dev.schemacode.runtime.cli;

import dev.schemacode.runtime.ConfigurationException;
import dev.schemacode.runtime.MigrationException;
import java.io.PrintWriter;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code schemacode} command. Exit codes (contract): 0 success or nothing to report, 1 the
 * operation failed or found problems, 2 bad usage or configuration. Errors are one line on
 * standard error, never with a password.
 */
@Command(name = "schemacode", mixinStandardHelpOptions = true, versionProvider = SchemacodeCli.Version.class,
    description = {"Apply and inspect schemacode migrations on PostgreSQL.",
        "Exit codes: 0 success or nothing to report, 1 the operation failed or found problems, 2 bad usage or"
            + " configuration."},
    subcommands = {DeployCommand.class, StatusCommand.class, ValidateCommand.class, ResolveCommand.class,
        BaselineCommand.class, ResetCommand.class, SeedCommand.class, BackfillCommand.class, DiffCommand.class,
        CommandLine.HelpCommand.class})
public final class SchemacodeCli implements Runnable {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs a command line; used by {@link #main} and by tests. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    quietLogging();
    CommandLine commandLine = new CommandLine(new SchemacodeCli());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExitCodeExceptionMapper(SchemacodeCli::exitCode);
    commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
      String message = message(e);
      if (cmd.getCommand() instanceof DatabaseCommand) {
        message = ((DatabaseCommand) cmd.getCommand()).connection().redact(message);
      }
      cmd.getErr().println("schemacode: error: " + message);
      cmd.getErr().flush();
      return exitCode(e);
    });
    commandLine.setParameterExceptionHandler((e, args1) -> {
      CommandLine cmd = e.getCommandLine();
      cmd.getErr().println("schemacode: error: " + e.getMessage());
      cmd.getErr().println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
      cmd.getErr().flush();
      return USAGE;
    });
    return commandLine.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  private static int exitCode(Throwable e) {
    if (e instanceof ConfigurationException) {
      return USAGE;
    }
    return FAILED;
  }

  /** One line: our exceptions' messages are written for people; anything else is named with its type. */
  private static String message(Throwable e) {
    String message = e instanceof MigrationException || e instanceof ConfigurationException ? e.getMessage() : e.toString();
    return message == null ? e.getClass().getSimpleName() : message.replaceAll("\\s*\\R\\s*", " ");
  }

  /** The library logs through System.Logger; on a terminal only our own one-line messages matter. */
  private static void quietLogging() {
    Logger root = Logger.getLogger("");
    for (var handler : root.getHandlers()) {
      root.removeHandler(handler);
    }
    ConsoleHandler handler = new ConsoleHandler();
    handler.setLevel(Level.INFO);
    // Warnings, and the one piece of progress an operator needs: why a deploy seems to stand still.
    handler.setFilter(record -> record.getLevel().intValue() >= Level.WARNING.intValue()
        || record.getMessage() != null && record.getMessage().startsWith("another migrator holds the lock"));
    handler.setFormatter(new Formatter() {
      @Override
      public String format(LogRecord record) {
        return "schemacode: " + formatMessage(record) + System.lineSeparator();
      }
    });
    root.addHandler(handler);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = SchemacodeCli.class.getPackage().getImplementationVersion();
      return new String[] {"schemacode " + (version == null ? "development build" : version)};
    }
  }
}

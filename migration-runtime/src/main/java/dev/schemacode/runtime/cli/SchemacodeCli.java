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
        RevertCommand.class, CheckpointCommand.class, PushCommand.class,
        CommandLine.HelpCommand.class})
public final class SchemacodeCli implements java.util.concurrent.Callable<Integer> {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int code = run(args, out, err);
    // System.exit does not flush: a command's last print() (diff's SQL) would otherwise be lost.
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs a command line; used by {@link #main} and by tests. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    quietLogging();
    CommandLine commandLine = new CommandLine(new SchemacodeCli());
    // commands of other modules in the jar (schemacode-ui's `ui`), in a fixed order whatever the jar's
    for (PluginCommand plugin : java.util.ServiceLoader.load(PluginCommand.class).stream()
        .map(java.util.ServiceLoader.Provider::get)
        .sorted(java.util.Comparator.comparing(command -> command.getClass().getName())).toList()) {
      commandLine.addSubcommand(plugin);
    }
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
      cmd.getErr().println("schemacode: error: " + withoutUrls(e.getMessage(), args1));
      cmd.getErr().println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
      cmd.getErr().flush();
      return USAGE;
    });
    try {
      String unknown = unknownCommand(commandLine, args);
      if (unknown != null) {
        // masked like any argument: `schemacode --url postgresql://u:pw@h/db deploy` makes the URL the "command"
        err.println(withoutUrls("schemacode: error: unknown command '" + unknown + "'; the commands are "
            + String.join(", ", commandLine.getSubcommands().keySet()), args));
        err.println("Run 'schemacode --help' for usage.");
        return USAGE;
      }
      return commandLine.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /**
   * picocli quotes the arguments it could not place ({@code Unknown option: '--ur'}, and the URL
   * after it): any argument that may hold a password, a URL or a {@code password=} parameter, is
   * shown as {@code ***} instead, whole, since a raw password may split it anywhere.
   */
  static String withoutUrls(String message, String[] args) {
    String result = message == null ? "" : message;
    java.util.List<String> secrets = new java.util.ArrayList<>();
    for (String arg : args) {
      int equals = arg.startsWith("--") ? arg.indexOf('=') : -1;
      for (String candidate : equals < 0 ? new String[] {arg} : new String[] {arg, arg.substring(equals + 1)}) {
        String lower = candidate.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("://") || lower.contains("password") || lower.contains("@")) {
          secrets.add(candidate);
        }
      }
    }
    secrets.sort(java.util.Comparator.comparingInt(String::length).reversed()); // the whole argument before its value
    for (String secret : secrets) {
      if (!secret.isEmpty()) {
        result = result.replace(secret, "***");
      }
    }
    return result.replaceAll("\\s*\\R\\s*", " ");
  }

  /**
   * The first word that is not an option must name a command. picocli lets {@code --help} win over
   * an unmatched word, so {@code schemacode push --help} would print the top-level help and exit 0,
   * as if {@code push} existed; the top-level command takes no arguments, so any such word is a
   * command name or a mistake.
   */
  private static String unknownCommand(CommandLine commandLine, String[] args) {
    for (String arg : args) {
      if (arg.startsWith("-")) {
        continue; // --help, --version: the only top-level options, and they take no value
      }
      return commandLine.getSubcommands().containsKey(arg) ? null : arg;
    }
    return null;
  }

  /** Without a command there is nothing to do: usage on standard error, exit 2, as for any usage mistake. */
  @Override
  public Integer call() {
    CommandLine commandLine = spec.commandLine();
    commandLine.getErr().println("schemacode: error: no command given");
    commandLine.usage(commandLine.getErr());
    return USAGE;
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

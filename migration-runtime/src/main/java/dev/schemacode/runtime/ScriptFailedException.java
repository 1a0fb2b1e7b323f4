package dev.schemacode.runtime;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A migration, seed or backfill failed while it ran. The message is the usual one line; the parts
 * are here too, so that a framework can lay them out (Spring Boot's failure analyzer does) without
 * parsing the message. None of them contains a password.
 */
public final class ScriptFailedException extends MigrationException {
  private final String kind;
  private final String script;
  private final String location;
  private final int line;
  private final String statement;
  private final String serverMessage;

  public ScriptFailedException(String message, Throwable cause, String kind, String script, String location, int line,
      String statement, String serverMessage) {
    super(message, cause);
    this.kind = kind;
    this.script = script;
    this.location = location;
    this.line = line;
    this.statement = statement;
    this.serverMessage = serverMessage;
  }

  /** "migration", "seed" or "backfill". */
  public String kind() {
    return kind;
  }

  /** The script's label, e.g. {@code V0003__add_index}. */
  public String script() {
    return script;
  }

  /** Where the script came from, e.g. {@code classpath:db/migration/V0003__add_index.sql}. */
  public String location() {
    return location;
  }

  /** The line of the script the failing statement starts on; empty when it failed on commit. */
  public OptionalInt line() {
    return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
  }

  /** The failing statement, shortened to one line; empty when it failed on commit. */
  public Optional<String> statement() {
    return Optional.ofNullable(statement);
  }

  /** What PostgreSQL (or the driver) said, first line, without the password. */
  public String serverMessage() {
    return serverMessage;
  }
}

package dev.schemacode.runtime.cli;

/** A command that connects to a database; the CLI asks it to redact passwords from error messages. */
public interface DatabaseCommand {
  ConnectionOptions connection();
}

package dev.schemacode.runtime.cli;

import dev.schemacode.runtime.Environment;
import dev.schemacode.runtime.Migrator;
import picocli.CommandLine.Option;

/** {@code --environment}: which environment this is, for the commands that refuse to run in production. */
public final class EnvironmentOption {
  @Option(names = "--environment", paramLabel = "NAME",
      description = "The environment this runs in, e.g. development or test (default: $" + Environment.VARIABLE + ")."
          + " Refuses when undeclared or production (prod*, prd*, live), or when the database's "
          + Environment.DATABASE_SETTING + " setting says production or another name.")
  String environment;

  public Environment environment() {
    return environment != null ? Environment.named(environment) : Environment.fromSystem();
  }

  public Migrator.Builder applyTo(Migrator.Builder builder) {
    return builder.environment(environment());
  }
}

package dev.schemacode.runtime.cli;

import java.util.concurrent.Callable;

/**
 * A command that another module of schemacode adds to the CLI, found with {@link
 * java.util.ServiceLoader} when the CLI starts (the self-contained jar holds them all): the {@code
 * ui} command of {@code schemacode-ui}, which depends on the runtime and so cannot be named by it.
 * An implementation is a picocli {@code @Command} with a public no-argument constructor; its errors
 * are reported and mapped to exit codes like those of the built-in commands.
 */
public interface PluginCommand extends Callable<Integer>, DatabaseCommand {}

package dev.schemacode.bench.tools;

/** A JVM that does nothing: the part of a whole-process time that no library can remove. */
public final class NoopRunner implements Runner {
  @Override
  public void migrate(Target target) {}
}

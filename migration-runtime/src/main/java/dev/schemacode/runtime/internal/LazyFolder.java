package dev.schemacode.runtime.internal;

import dev.schemacode.runtime.ScriptFolder;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A source's seeds or backfills folder, made when first used. A migrator is made anew for each
 * start-up check, which uses neither; making both folders each time (a path joined and trimmed per
 * folder, interpreted code in a JVM that makes few calls) was a measurable part of that check.
 */
public final class LazyFolder implements ScriptFolder {
  private final Supplier<ScriptFolder> maker;
  private volatile ScriptFolder folder;

  public LazyFolder(Supplier<ScriptFolder> maker) {
    this.maker = maker;
  }

  private ScriptFolder folder() {
    ScriptFolder made = folder;
    if (made == null) {
      made = maker.get();
      folder = made;
    }
    return made;
  }

  @Override
  public String description() {
    return folder().description();
  }

  @Override
  public List<String> names() {
    return folder().names();
  }

  @Override
  public Optional<String> read(String name) {
    return folder().read(name);
  }

  @Override
  public String location(String name) {
    return folder().location(name);
  }
}

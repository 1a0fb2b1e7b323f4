package dev.schemacode.runtime.internal;

import dev.schemacode.runtime.ResolvedMigration;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code seed}: runs every seed script in name order, each in its own transaction unless it says
 * otherwise. Seeds are development data: they are not recorded and may run again, so write them to
 * be repeatable ({@code INSERT … ON CONFLICT DO NOTHING}). {@link Migrator#seed()} checks the
 * environment first. Holding the lock.
 */
public final class Seed {
  private static final System.Logger LOG = System.getLogger("dev.schemacode.runtime");

  private final Context context;

  public Seed(Context context) {
    this.context = context;
  }

  /** Reads the scripts before anything touches the database, so that an unreadable one changes nothing. */
  public Map<String, String> scripts() {
    Map<String, String> scripts = new LinkedHashMap<>();
    for (String name : context.seeds.names()) {
      scripts.put(name, context.seeds.read(name).orElseThrow());
    }
    return scripts;
  }

  public List<String> run(Session session, List<ResolvedMigration> resolved, Map<String, String> scripts) throws SQLException {
    EnvironmentGuard.requireDatabaseAgrees(session.connection(), context.environment, "seed");
    context.requireUpToDate(context.status(session, resolved), "seed");
    ScriptRunner runner = context.runner(session);
    List<String> ran = new ArrayList<>();
    for (Map.Entry<String, String> seed : scripts.entrySet()) {
      Script script = new Script("seed", seed.getKey(), context.seeds.location(seed.getKey()), seed.getValue(),
          "seeds are not recorded: fix the cause and seed again");
      long millis = runner.run(script, Recorder.NONE);
      ran.add(seed.getKey());
      LOG.log(System.Logger.Level.INFO, "seeded {0} ({1} ms)", seed.getKey(), millis);
    }
    return ran;
  }
}

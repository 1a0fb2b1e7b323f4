package dev.schemacode.bench;

import dev.schemacode.bench.tools.Runner;
import dev.schemacode.testing.WireCounter;
import java.nio.file.Path;

/**
 * The whole-process measurements: a fresh JVM that runs one tool once and exits, as an
 * application start or a deploy step does. {@code ToolMain TOOL DATABASE DIRECTORY [count]}, with
 * the migrations jar on the class path; with {@code count} the tool talks through a {@link
 * WireCounter} and the counts are printed.
 */
public final class ToolMain {
  private ToolMain() {}

  public static void main(String[] args) throws Exception {
    long started = System.nanoTime();
    Tool tool = Tool.valueOf(args[0]);
    String database = args[1];
    Path directory = Path.of(args[2]);
    boolean count = args.length > 3 && args[3].equals("count");
    Tool.quiet();
    ClassLoader loader = ToolMain.class.getClassLoader();
    if (count) {
      try (WireCounter wire = new WireCounter(Db.HOST, Db.PORT)) {
        tool.migrate(new Runner.Target(Db.url("127.0.0.1", wire.port(), database), null, loader, directory));
        Thread.sleep(50); // let the proxy threads see the last messages
        System.out.println("COUNT " + wire.connections() + " " + wire.roundTrips() + " " + wire.statementCount());
        if (System.getenv("BENCH_SHOW_SQL") != null) {
          wire.statements().forEach(sql -> System.out.println("SQL " + sql.replaceAll("\\s+", " ")));
        }
      }
    } else {
      Runner.Target target = new Runner.Target(Db.url(database), null, loader, directory);
      long before = System.nanoTime();
      tool.migrate(target);
      long after = System.nanoTime();
      System.out.println("TIME " + (after - before) + " " + (after - started));
    }
    System.out.flush();
    // Liquibase and the driver may leave non-daemon threads; a real application would go on anyway.
    System.exit(0);
  }
}

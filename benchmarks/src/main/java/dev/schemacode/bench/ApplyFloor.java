package dev.schemacode.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * The JVM's floor for applying a file, what {@code psql -1 -f} does: connect, run the file's
 * statements (split at {@code ;} and a line end) in one transaction, commit. Run as a process of its
 * own beside {@code psql} and the CLI (docs/performance.md, "Applying 200 migrations on a quiet
 * machine"): {@code java -XX:TieredStopAtLevel=1 -cp benchmarks/target/classes:pgjdbc.jar
 * dev.schemacode.bench.ApplyFloor JDBC_URL FILE}.
 *
 * <p>With {@code --as-written} it runs the file as psql without {@code -1} does, each statement in
 * turn in auto-commit mode, so the file's own {@code BEGIN} and {@code COMMIT} make its transactions:
 * given the output of {@code deploy --dry-run}, a JVM that speaks schemacode's protocol (a transaction
 * per migration with its lock, settings and history row) and does nothing else, both floors at once.
 */
public final class ApplyFloor {
  private ApplyFloor() {}

  public static void main(String[] args) throws Exception {
    String sql = Files.readString(Path.of(args[1]));
    boolean asWritten = args.length > 2 && args[2].equals("--as-written");
    try (Connection connection = DriverManager.getConnection(args[0]); Statement statement = connection.createStatement()) {
      connection.setAutoCommit(asWritten);
      for (String part : sql.split(";\n")) {
        if (!part.lines().allMatch(line -> line.isBlank() || line.startsWith("--"))) {
          statement.execute(part);
        }
      }
      if (!asWritten) {
        connection.commit();
      }
    }
  }
}

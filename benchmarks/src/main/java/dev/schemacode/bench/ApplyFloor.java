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
 */
public final class ApplyFloor {
  private ApplyFloor() {}

  public static void main(String[] args) throws Exception {
    String sql = Files.readString(Path.of(args[1]));
    try (Connection connection = DriverManager.getConnection(args[0]); Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      for (String part : sql.split(";\n")) {
        if (!part.isBlank()) {
          statement.execute(part);
        }
      }
      connection.commit();
    }
  }
}

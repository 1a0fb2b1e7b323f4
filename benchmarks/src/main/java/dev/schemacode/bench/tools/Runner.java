package dev.schemacode.bench.tools;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * One tool's start-up call. Each implementation is its own class, loaded by name, so that a child
 * JVM needs only that tool's jars on its class path (a JVM opens class-path jars on demand, and a
 * longer class path would tax every tool a little).
 */
public interface Runner {
  /** The class-path folder of the migrations in the migrations jar, as applications ship them. */
  String FOLDER = "db/migration";
  /** Liquibase's changelog in that folder: one change set per file ({@code sqlFile}). */
  String CHANGELOG = FOLDER + "/changelog.xml";
  /** The index class the schemacode processor would generate for the jar's migrations. */
  String INDEX_CLASS = "dev.schemacode.bench.generated.SchemacodeMigrations";
  /** The digest of the fully applied history, which schemacode's check asks the database for (in the jar). */
  String CHECK_DIGEST = "dev/schemacode/bench/generated/check-digest.txt";

  void migrate(Target target) throws Exception;

  /**
   * Where a tool finds its database and its migrations: a URL (a new connection per call) or a
   * pool; the class loader that sees the migrations jar; the same files as a plain directory.
   */
  record Target(String url, DataSource pool, ClassLoader loader, Path directory) {
    public Connection connect() throws SQLException {
      return pool != null ? pool.getConnection() : DriverManager.getConnection(url);
    }
  }
}

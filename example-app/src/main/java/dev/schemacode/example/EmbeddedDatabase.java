package dev.schemacode.example;

import dev.schemacode.runtime.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A PostgreSQL started from a Maven artifact, for running the example with no set-up. Its data
 * directory survives restarts, so a second start finds the migrations already applied.
 */
final class EmbeddedDatabase implements AutoCloseable {
  private final EmbeddedPostgres postgres;
  private final Path dataDirectory;

  private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
    this.postgres = postgres;
    this.dataDirectory = dataDirectory;
  }

  static EmbeddedDatabase start(Path dataDirectory) {
    try {
      Files.createDirectories(dataDirectory);
      EmbeddedPostgres postgres = EmbeddedPostgres.builder()
          .setDataDirectory(dataDirectory)
          .setCleanDataDirectory(false)
          .start();
      return new EmbeddedDatabase(postgres, dataDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start embedded PostgreSQL in " + dataDirectory + ": " + e.getMessage(), e);
    }
  }

  DatabaseUrl url() {
    return DatabaseUrl.parse("postgresql://postgres@localhost:" + postgres.getPort() + "/postgres");
  }

  int port() {
    return postgres.getPort();
  }

  Path dataDirectory() {
    return dataDirectory;
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}

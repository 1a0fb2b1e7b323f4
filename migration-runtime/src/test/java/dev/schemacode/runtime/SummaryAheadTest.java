package dev.schemacode.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemacode.model.Checksums;
import dev.schemacode.model.MigrationIndex;
import dev.schemacode.runtime.internal.StartupSummary;
import dev.schemacode.runtime.internal.SummaryAhead;
import dev.schemacode.testing.TestDatabase;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A source without a kept summary is listed while the connection opens, not before it (issue 14: in
 * a new JVM each costs about as much as the other); a kept summary starts nothing; and what goes wrong
 * is reported as when the two ran one after the other.
 */
class SummaryAheadTest {
  @RegisterExtension static final TestDatabase database = new TestDatabase();

  @TempDir Path migrations;

  @BeforeEach
  void oneMigration() throws Exception {
    Queries.emptySchema(database);
    Files.writeString(migrations.resolve("V0001__t.sql"), "CREATE TABLE t (id int);\n");
  }

  /**
   * The listing waits until the connection has been asked for, and the connection is asked for only
   * after the listing when the two run in turn: the check passes only if they overlap.
   */
  @Test
  void theListingIsMadeWhileTheConnectionOpens() {
    CountDownLatch connectionAskedFor = new CountDownLatch(1);
    ListingAfter waitingForTheConnection = new ListingAfter(MigrationSource.directory(migrations), connectionAskedFor,
        "the connection was not asked for while the listing was made");
    DataSource signalling = new Signalling(database.dataSource(), connectionAskedFor);
    Migrator migrator = Migrator.builder().dataSource(signalling).migrations(waitingForTheConnection).build();
    assertEquals(1, migrator.migrate().applied().size());
    assertEquals(1, waitingForTheConnection.listings.get());
  }

  /** A generated index's summary is there at once: nothing listed, no thread. */
  @Test
  void aKeptSummaryIsThereAtOnce() {
    MigrationIndex index = MigrationIndex.of("fixtures/ledgered", MigrationIndex.entry("not a migration", "abc"))
        .withSummary("0123456789abcdef0123456789abcdef", "0007");
    int threadsBefore = summaryThreads();
    StartupSummary summary = SummaryAhead.start(MigrationSource.index(index)).get();
    assertEquals("0123456789abcdef0123456789abcdef", summary.digest());
    assertEquals(threadsBefore, summaryThreads());
  }

  /** A misnamed file is reported before an unreachable database, as when the listing came first. */
  @Test
  void aBadDirectoryIsReportedBeforeAnUnreachableDatabase() throws Exception {
    Files.writeString(migrations.resolve("V0002-bad.sql"), "SELECT 1;\n");
    Migrator migrator = Migrator.builder().url(DatabaseUrl.parse("postgresql://127.0.0.1:1/none?connectTimeout=2"))
        .migrations(MigrationSource.directory(migrations)).build();
    ConfigurationException bad = assertThrows(ConfigurationException.class, migrator::migrate);
    assertTrue(bad.getMessage().contains("V0002-bad.sql"), bad.getMessage());
    assertEquals(1, bad.getSuppressed().length, "the connection's failure goes with it");
  }

  /** A caller interrupted while it waits gets the summary all the same, and its interrupt stays set. */
  @Test
  void anInterruptedCallerGetsTheSummaryAndKeepsItsInterrupt() {
    CountDownLatch release = new CountDownLatch(1);
    MigrationSource slow = new ListingAfter(MigrationSource.directory(migrations), release,
        "the listing was made before its caller went on");
    SummaryAhead ahead = SummaryAhead.start(slow);
    Thread caller = Thread.currentThread();
    new Thread(() -> {
      caller.interrupt();
      release.countDown();
    }).start();
    try {
      assertEquals("0001", ahead.get().currentVersion().orElseThrow());
      assertTrue(Thread.interrupted(), "the interrupt is left for the caller");
    } finally {
      Thread.interrupted();
    }
  }

  private static int summaryThreads() {
    return (int) Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("schemacode-startup-summary")).count();
  }

  /**
   * A source that is not one of schemacode's own (it keeps no summary) and lists only after {@code
   * signal}, failing with {@code notSignalled} when it does not come within 30 s.
   */
  private static final class ListingAfter implements MigrationSource {
    private final MigrationSource source;
    private final CountDownLatch signal;
    private final String notSignalled;
    final AtomicInteger listings = new AtomicInteger();

    ListingAfter(MigrationSource source, CountDownLatch signal, String notSignalled) {
      this.source = source;
      this.signal = signal;
      this.notSignalled = notSignalled;
    }

    @Override
    public List<ResolvedMigration> listing() {
      listings.incrementAndGet();
      try {
        if (!signal.await(30, TimeUnit.SECONDS)) {
          throw new AssertionError(notSignalled);
        }
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
      return source.listing();
    }

    @Override
    public List<ResolvedMigration> resolve() {
      return source.resolve();
    }

    @Override
    public String description() {
      return source.description();
    }
  }

  /** A data source that says when a connection is first asked for. */
  private record Signalling(DataSource delegate, CountDownLatch askedFor) implements DataSource {
    @Override
    public Connection getConnection() throws SQLException {
      askedFor.countDown();
      return delegate.getConnection();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      askedFor.countDown();
      return delegate.getConnection(user, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
      return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
      delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
      delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
      return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() {
      return Logger.getLogger("signalling");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      return delegate.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
      return delegate.isWrapperFor(type);
    }
  }
}

package dev.schemacode.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.schemacode.processor.MigrationGenerationTest.CUSTOMER;
import static dev.schemacode.processor.MigrationGenerationTest.PAYMENT;
import static dev.schemacode.processor.ProcessorHarness.compile;
import static dev.schemacode.processor.ProcessorHarness.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.schemacode.model.Ledger;
import dev.schemacode.model.LedgerCodec;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two builds of the same sources at once must record one migration, not one each. */
class ConcurrentBuildsTest {
  @TempDir Path migrations;

  private static Compilation compileWith(Path migrations, Runnable afterLedgerRead, String... extraOptions) {
    List<String> options = new java.util.ArrayList<>(List.of("-Aschemacode.migrations=" + migrations, "-Aschemacode.jooq=false"));
    options.addAll(List.of(extraOptions));
    return javac().withProcessors(new SchemaProcessor(element -> { }, afterLedgerRead)).withOptions(options)
        .compile(CUSTOMER, PAYMENT);
  }

  @Test
  void twoConcurrentCompilationsOfTheSameChangeWriteOneMigration() throws Exception {
    assertThat(compile(migrations, CUSTOMER)).succeeded();
    // Each build, having read the ledger, waits for the other to have read it too (for a while): without
    // the lock both then write a migration for the same change; with it the second cannot read before
    // the first has written, so its wait runs out and it finds the change recorded.
    CyclicBarrier bothRead = new CyclicBarrier(2);
    Runnable afterRead = () -> {
      try {
        bothRead.await(5, TimeUnit.SECONDS);
      } catch (TimeoutException | BrokenBarrierException e) {
        // the other build is waiting for the lock, as it should
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Callable<Compilation> build = () -> compileWith(migrations, afterRead);
      Future<Compilation> first = pool.submit(build);
      Future<Compilation> second = pool.submit(build);
      assertThat(first.get()).succeeded();
      assertThat(second.get()).succeeded();
    } finally {
      pool.shutdownNow();
    }
    Ledger ledger = LedgerCodec.read(snapshot(migrations).get(Ledger.FILE_NAME), "ledger");
    assertEquals(List.of("V0001__init.sql", "V0002__create_payments.sql"),
        ledger.migrations().stream().map(e -> e.file().fileName()).toList());
    assertEquals(List.of("U0001__init.sql", "U0002__create_payments.sql", "V0001__init.sql", "V0002__create_payments.sql",
        Ledger.FILE_NAME), List.copyOf(snapshot(migrations).keySet()));
  }

  @Test
  void aBuildWaitsForAnotherInThisJvmAndGivesUpWithAMessageNamingTheLock() throws Exception {
    assertThat(compile(migrations, CUSTOMER)).succeeded();
    Path lockFile = GenerationLock.fileFor(migrations);
    Optional<GenerationLock> held = GenerationLock.acquire(migrations, Duration.ZERO, file -> { });
    assertTrue(held.isPresent());
    try (GenerationLock lock = held.get()) {
      Compilation compilation = compileWith(migrations, () -> { }, "-Aschemacode.generationWait=1");
      assertThat(compilation).failed();
      assertThat(compilation).hadNoteContaining("[schemacode:Waiting] another build is generating migrations in "
          + migrations + " (it holds the lock " + lockFile + "); waiting up to 1 s");
      assertThat(compilation).hadErrorContaining("[schemacode:Locked] another build has been generating migrations in "
          + migrations + " for 1 s and still holds the lock " + lockFile + "; nothing was written");
      assertEquals(List.of("U0001__init.sql", "V0001__init.sql", Ledger.FILE_NAME), List.copyOf(snapshot(migrations).keySet()));
    }
    assertThat(compileWith(migrations, () -> { })).succeeded();
    assertTrue(snapshot(migrations).containsKey("V0002__create_payments.sql"));
  }

  @Test
  void anotherProcessHoldingTheLockMakesTheBuildWaitAndItsEndReleasesIt() throws Exception {
    assertThat(compile(migrations, CUSTOMER)).succeeded();
    Path lockFile = GenerationLock.fileFor(migrations);
    Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), lockFile.toString())
        .redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("locked", out.readLine());
      Compilation compilation = compileWith(migrations, () -> { }, "-Aschemacode.generationWait=1");
      assertThat(compilation).hadErrorContaining("[schemacode:Locked]");
      assertTrue(!snapshot(migrations).containsKey("V0002__create_payments.sql"));
    } finally {
      holder.destroyForcibly().waitFor(); // a killed process holds no lock: nothing to clean up
    }
    assertThat(compileWith(migrations, () -> { }, "-Aschemacode.generationWait=5")).succeeded();
    assertTrue(snapshot(migrations).containsKey("V0002__create_payments.sql"));
  }

  @Test
  void withoutAPlaceForTheLockFileTheBuildSaysSoAndGeneratesAsBefore() throws Exception {
    assertThat(compile(migrations, CUSTOMER)).succeeded();
    Path notADirectory = Files.writeString(migrations.resolveSibling(migrations.getFileName() + "-tmp-file"), "");
    String tmp = System.getProperty("java.io.tmpdir");
    System.setProperty("java.io.tmpdir", notADirectory.toString());
    try {
      Compilation compilation = compileWith(migrations, () -> { });
      assertThat(compilation).succeeded();
      assertThat(compilation).hadNoteContaining("[schemacode:LockUnavailable] cannot open the lock file " + notADirectory);
      assertTrue(snapshot(migrations).containsKey("V0002__create_payments.sql"));
    } finally {
      System.setProperty("java.io.tmpdir", tmp);
      Files.delete(notADirectory);
    }
  }

  @Test
  void theLockFileIsOutsideTheDirectoryAndTheSameForEverySpellingOfIt() throws Exception {
    Files.createDirectories(migrations.resolve("sub"));
    assertEquals(GenerationLock.fileFor(migrations), GenerationLock.fileFor(migrations.resolve("sub/..")));
    assertTrue(!GenerationLock.fileFor(migrations).startsWith(migrations));
  }

  /** Holds the lock file named by its argument until killed: another build, in another process. */
  static final class LockHolder {
    public static void main(String[] args) throws Exception {
      Path file = Path.of(args[0]);
      Files.createDirectories(file.getParent());
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        System.out.println("locked");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
      }
    }
  }
}

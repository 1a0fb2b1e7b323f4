package dev.schemacode.processor;

import dev.schemacode.model.Checksums;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Makes generation exclusive per migrations directory: two builds of the same sources at once (an
 * IDE's and Maven's, a parallel reactor) would otherwise both read the same ledger and both write a
 * migration for the same change. The holder reads the ledger, writes and releases; the other waits
 * and then reads what the first recorded.
 *
 * <p>An OS file lock ({@link FileChannel#tryLock()}) on a file outside the source tree: in the
 * temporary directory (a folder per user), named by a hash of the directory's real path, so that nothing appears in
 * the user's checkout or jar. The operating system releases it when its process ends, however that
 * happens, so a file left behind is harmless. Two compilations in one JVM cannot both hold a file
 * lock: the second sees {@link OverlappingFileLockException}, which counts as held too.
 */
final class GenerationLock implements AutoCloseable {
  /** How long a build waits for another by default ({@code -Aschemacode.generationWait=<seconds>}). */
  static final Duration DEFAULT_WAIT = Duration.ofSeconds(120);
  private static final long POLL_MILLIS = 50;

  /** Holds nothing: for a compilation that writes nothing. */
  static final GenerationLock NONE = new GenerationLock(null, null);

  private final FileChannel channel;
  private final FileLock lock;

  private GenerationLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock file for a migrations directory: the same for every build on this machine that uses it. */
  static Path fileFor(Path directory) {
    Path absolute = directory.toAbsolutePath().normalize();
    try {
      absolute = absolute.toRealPath(); // one file for every spelling of the path (links, "..")
    } catch (IOException e) {
      // not created yet: every build spells a directory that does not exist yet the same way
    }
    String hash = Checksums.sha256(absolute.toString()).substring(0, 24);
    // per user: a directory another user created would not let this one create files in it
    String user = System.getProperty("user.name", "").replaceAll("[^A-Za-z0-9_.-]", "_");
    return Path.of(System.getProperty("java.io.tmpdir"), "schemacode-locks-" + user, hash + ".lock");
  }

  /**
   * Takes the lock, waiting up to {@code wait} for another build to finish; {@code waiting} hears
   * once that this build waits. Empty when the wait ran out.
   */
  static Optional<GenerationLock> acquire(Path directory, Duration wait, Consumer<Path> waiting) throws IOException {
    Path file = fileFor(directory);
    Files.createDirectories(file.getParent());
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    long deadline = System.nanoTime() + wait.toNanos();
    boolean told = false;
    try {
      while (true) {
        FileLock lock;
        try {
          lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
          lock = null; // another compilation in this JVM holds it
        }
        if (lock != null) {
          GenerationLock held = new GenerationLock(channel, lock);
          channel = null;
          return Optional.of(held);
        }
        if (System.nanoTime() - deadline >= 0) {
          return Optional.empty();
        }
        if (!told) {
          waiting.accept(file);
          told = true;
        }
        try {
          Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return Optional.empty();
        }
      }
    } finally {
      if (channel != null) {
        channel.close();
      }
    }
  }

  @Override
  public void close() {
    if (lock == null) {
      return;
    }
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // closing the channel releases the lock; if even that fails, the process's end does
    }
  }
}

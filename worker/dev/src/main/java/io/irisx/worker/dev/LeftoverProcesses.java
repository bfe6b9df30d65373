package io.irisx.worker.dev;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Servers that a previous run of the stack in the same home left running when its JVM was killed
 * ({@code kill -9}, a crash): PostgreSQL, Redis and the temporal CLI dev server are processes of
 * their own, so they outlive the JVM and keep their ports and files. Their pid files say which
 * processes they are; each one still running is stopped before the new run starts its own.
 *
 * <p>A pid alone could by now belong to another program: a process counts only when its executable
 * is the expected one and it started before its pid file was written.
 */
final class LeftoverProcesses {
  private static final Logger log = LoggerFactory.getLogger(LeftoverProcesses.class);
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  /** PostgreSQL's own pid file in its data directory: the postmaster's pid on the first line. */
  static final String POSTGRES_PID_FILE = "postgres/postmaster.pid";

  static final String REDIS_PID_FILE = "pids/redis.pid";
  static final String TEMPORAL_PID_FILE = "pids/temporal.pid";

  private LeftoverProcesses() {}

  /** Stops what the previous run in {@code home} left running; call it holding the home's claim. */
  static void stopAll(Path home) {
    find(home.resolve(POSTGRES_PID_FILE), "postgres")
        .ifPresent(process -> stop(process, "PostgreSQL", home, stopPostgres()));
    find(home.resolve(REDIS_PID_FILE), "redis-server")
        .ifPresent(process -> stop(process, "Redis", home, ProcessHandle::destroy));
    find(home.resolve(TEMPORAL_PID_FILE), "temporal")
        .ifPresent(
            process -> stop(process, "the temporal CLI dev server", home, ProcessHandle::destroy));
  }

  /** Records a server's pid where {@link #stopAll} looks for it. */
  static void record(Path home, String pidFile, long pid) {
    Path file = home.resolve(pidFile);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, pid + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static void forget(Path home, String pidFile) {
    try {
      Files.deleteIfExists(home.resolve(pidFile));
    } catch (IOException e) {
      log.warn("could not delete {}", home.resolve(pidFile), e);
    }
  }

  /** The live process a pid file names, if it is the expected program. */
  static Optional<ProcessHandle> find(Path pidFile, String executable) {
    if (!Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    long pid;
    Instant written;
    try {
      List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
      if (lines.isEmpty()) {
        return Optional.empty();
      }
      pid = Long.parseLong(lines.getFirst().trim());
      written = Files.getLastModifiedTime(pidFile).toInstant();
    } catch (IOException | NumberFormatException unreadable) {
      return Optional.empty();
    }
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(process -> process.pid() != ProcessHandle.current().pid())
        .filter(process -> runs(process, executable))
        .filter(
            process ->
                process
                    .info()
                    .startInstant()
                    .map(started -> !started.isAfter(written.plusSeconds(5)))
                    .orElse(true));
  }

  private static boolean runs(ProcessHandle process, String executable) {
    return process
        .info()
        .command()
        .map(command -> Path.of(command).getFileName().toString().startsWith(executable))
        .orElse(false);
  }

  private interface Stopper {
    void stop(ProcessHandle process) throws Exception;
  }

  /**
   * PostgreSQL's fast shutdown (SIGINT: open transactions rolled back, no shared memory left
   * behind), which a plain SIGTERM is not: that waits for every session to end. pg_ctl would do the
   * same, but refuses to run as root.
   */
  private static Stopper stopPostgres() {
    return process -> {
      Process signal =
          new ProcessBuilder("kill", "-INT", Long.toString(process.pid()))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!signal.waitFor(10, TimeUnit.SECONDS) || signal.exitValue() != 0) {
        process.destroy();
      }
    };
  }

  private static void stop(ProcessHandle process, String what, Path home, Stopper stopper) {
    log.info(
        "stopping {} (process {}) that a previous run in {} left running",
        what,
        process.pid(),
        home);
    CompletableFuture<ProcessHandle> exited = process.onExit();
    try {
      stopper.stop(process);
      exited.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException stillThere) {
      process.destroyForcibly();
      exited.orTimeout(5, TimeUnit.SECONDS).join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted stopping " + what, e);
    } catch (Exception e) {
      throw new IllegalStateException(
          "could not stop " + what + " (process " + process.pid() + "): " + e.getMessage(), e);
    }
  }
}

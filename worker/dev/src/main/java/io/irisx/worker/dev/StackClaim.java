package io.irisx.worker.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a running dev stack holds so that a second one cannot start over it: its home, and each of
 * its fixed ports, as file locks. The operating system frees them however the JVM ends (a {@code
 * kill -9} included), so a claim is never left stale. Each lock file says who holds it, so a second
 * stack's refusal names the running one.
 */
final class StackClaim implements AutoCloseable {
  static final String HOME_LOCK = "stack.lock";

  private final List<Held> held;

  private StackClaim(List<Held> held) {
    this.held = held;
  }

  private record Held(FileChannel channel, FileLock lock) {}

  /** Where the port locks of this user's stacks are: one file per port, shared by all homes. */
  static Path defaultRegistry() {
    return Path.of(
        System.getProperty("java.io.tmpdir"), "irisx-dev-" + System.getProperty("user.name"));
  }

  /**
   * Claims {@code home} and each fixed port in {@code ports}, or throws, naming the stack that has
   * them.
   */
  static StackClaim take(Path home, DevPorts ports, Path registry) {
    List<Held> held = new ArrayList<>();
    String holder = "pid=" + ProcessHandle.current().pid() + "\nhome=" + home + "\n";
    try {
      Files.createDirectories(home);
      Files.createDirectories(registry);
      Path homeLock = home.resolve(HOME_LOCK);
      if (!claim(homeLock, holder, held)) {
        throw new IllegalStateException(
            "the home "
                + home
                + " is taken "
                + holderOf(homeLock)
                + ", or give this one another --home DIR");
      }
      for (Map.Entry<Integer, String> port : ports.fixed().entrySet()) {
        Path portLock = registry.resolve("port-" + port.getKey() + ".lock");
        if (!claim(portLock, holder, held)) {
          throw new IllegalStateException(
              "port "
                  + port.getKey()
                  + " ("
                  + port.getValue()
                  + ") is taken "
                  + holderOf(portLock)
                  + ", or give this one other ports with --ports BASE");
        }
      }
      return new StackClaim(held);
    } catch (IOException | RuntimeException e) {
      release(held);
      if (e instanceof IOException io) {
        throw new UncheckedIOException("could not claim " + home, io);
      }
      throw (RuntimeException) e;
    }
  }

  private static boolean claim(Path file, String holder, List<Held> held) throws IOException {
    FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException heldInThisJvm) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      return false;
    }
    held.add(new Held(channel, lock));
    channel.truncate(0);
    channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)));
    channel.force(true);
    return true;
  }

  /** Who holds a lock file, from what it wrote there, and how to stop it. */
  private static String holderOf(Path lockFile) {
    String pid = "?";
    String home = "?";
    try {
      for (String line : Files.readAllLines(lockFile, StandardCharsets.UTF_8)) {
        if (line.startsWith("pid=")) {
          pid = line.substring(4);
        } else if (line.startsWith("home=")) {
          home = line.substring(5);
        }
      }
    } catch (IOException unreadable) {
      return "by another IRISX dev stack: stop it first";
    }
    return "by the IRISX dev stack of process "
        + pid
        + " (home "
        + home
        + ", see "
        + DevStack.manifestFile(Path.of(home))
        + "): stop it first (Ctrl-C in its terminal, or kill "
        + pid
        + ")";
  }

  @Override
  public void close() {
    release(held);
  }

  private static void release(List<Held> held) {
    for (Held each : held) {
      try {
        each.lock().release();
        each.channel().close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    held.clear();
  }
}

package io.irisx.worker.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * CPU time of local processes, read from Linux's /proc: a process's own (all its threads), or a
 * whole process tree's, the children that already exited included (the kernel adds a reaped child's
 * time to its parent's cutime and cstime), which is what a PostgreSQL server costs: its backends
 * come and go. Times are in clock ticks; {@link #TICKS_PER_SECOND} is Linux's USER_HZ.
 */
final class ProcessCpu {
  static final double TICKS_PER_SECOND = 100.0;

  private static final Path PROC = Path.of("/proc");
  private static final String LISTEN = "0A";

  private ProcessCpu() {}

  /** Whether this machine has a /proc to read (Linux). */
  static boolean available() {
    return Files.isReadable(PROC.resolve("self/stat"));
  }

  /** The process's own user and system time; empty when it is gone. */
  static OptionalLong ownTicks(long pid) {
    long[] stat = stat(pid);
    return stat == null ? OptionalLong.empty() : OptionalLong.of(stat[1] + stat[2]);
  }

  /**
   * The process's time and that of every descendant, live or reaped; empty when the process is
   * gone.
   */
  static OptionalLong treeTicks(long pid) {
    long[] root = stat(pid);
    if (root == null) {
      return OptionalLong.empty();
    }
    Map<Long, List<Long>> children = childrenByParent();
    long total = 0;
    Deque<Long> pending = new ArrayDeque<>(List.of(pid));
    while (!pending.isEmpty()) {
      long next = pending.pop();
      long[] stat = stat(next);
      if (stat != null) {
        total += stat[1] + stat[2] + stat[3] + stat[4];
      }
      pending.addAll(children.getOrDefault(next, List.of()));
    }
    return OptionalLong.of(total);
  }

  /** The process listening on this TCP port on any local address; empty when none (or not here). */
  static OptionalLong listening(int port) {
    List<String> inodes = new ArrayList<>();
    for (String table : List.of("net/tcp", "net/tcp6")) {
      inodes.addAll(listeningInodes(PROC.resolve(table), port));
    }
    if (inodes.isEmpty()) {
      return OptionalLong.empty();
    }
    List<String> sockets = inodes.stream().map(inode -> "socket:[" + inode + "]").toList();
    try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, "[0-9]*")) {
      for (Path process : processes) {
        if (holdsAny(process.resolve("fd"), sockets)) {
          return OptionalLong.of(Long.parseLong(process.getFileName().toString()));
        }
      }
    } catch (IOException e) {
      return OptionalLong.empty();
    }
    return OptionalLong.empty();
  }

  private static boolean holdsAny(Path fdDirectory, List<String> sockets) {
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(fdDirectory)) {
      for (Path fd : fds) {
        try {
          if (sockets.contains(Files.readSymbolicLink(fd).toString())) {
            return true;
          }
        } catch (IOException closedMeanwhile) {
          // The descriptor closed between the listing and the read.
        }
      }
    } catch (IOException | SecurityException notOurs) {
      // A process gone, or one we may not look into.
    }
    return false;
  }

  private static List<String> listeningInodes(Path table, int port) {
    List<String> inodes = new ArrayList<>();
    String hexPort = String.format(Locale.ROOT, ":%04X", port);
    try {
      for (String line : Files.readAllLines(table)) {
        String[] fields = line.trim().split("\\s+");
        if (fields.length > 9 && fields[1].endsWith(hexPort) && fields[3].equals(LISTEN)) {
          inodes.add(fields[9]);
        }
      }
    } catch (IOException e) {
      // No such table (no IPv6, or not Linux).
    }
    return inodes;
  }

  private static Map<Long, List<Long>> childrenByParent() {
    Map<Long, List<Long>> children = new HashMap<>();
    try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, "[0-9]*")) {
      for (Path process : processes) {
        long pid = Long.parseLong(process.getFileName().toString());
        long[] stat = stat(pid);
        if (stat != null) {
          children.computeIfAbsent(stat[0], parent -> new ArrayList<>()).add(pid);
        }
      }
    } catch (IOException e) {
      // No /proc: nothing below the root then.
    }
    return children;
  }

  /** ppid, utime, stime, cutime, cstime; null when the process is gone. */
  private static long[] stat(long pid) {
    String text;
    try {
      text = Files.readString(PROC.resolve(pid + "/stat"));
    } catch (IOException e) {
      return null;
    }
    // The command name may hold spaces and parentheses: the fields start after the last ')'.
    String[] fields = text.substring(text.lastIndexOf(')') + 2).trim().split(" ");
    return new long[] {
      Long.parseLong(fields[1]),
      Long.parseLong(fields[11]),
      Long.parseLong(fields[12]),
      Long.parseLong(fields[13]),
      Long.parseLong(fields[14])
    };
  }
}

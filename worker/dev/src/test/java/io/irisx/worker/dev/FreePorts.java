package io.irisx.worker.dev;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/** A block of consecutive free ports on 127.0.0.1, for a stack started with {@code --ports}. */
final class FreePorts {
  private FreePorts() {}

  static int base() {
    for (int attempt = 0; attempt < 200; attempt++) {
      int base = ThreadLocalRandom.current().nextInt(20_000, 60_000);
      if (allFree(base, DevPorts.COUNT)) {
        return base;
      }
    }
    throw new IllegalStateException("no " + DevPorts.COUNT + " consecutive free ports");
  }

  /** A free block that does not overlap the one from {@code other} on. */
  static int baseAwayFrom(int other) {
    for (int attempt = 0; attempt < 200; attempt++) {
      int base = base();
      if (Math.abs(base - other) >= DevPorts.COUNT) {
        return base;
      }
    }
    throw new IllegalStateException("no free block away from " + other);
  }

  private static boolean allFree(int base, int count) {
    for (int port = base; port < base + count; port++) {
      try (ServerSocket socket =
          new ServerSocket(port, 1, InetAddress.getByName(LocalPorts.HOST))) {
        socket.setReuseAddress(true);
      } catch (IOException taken) {
        return false;
      }
    }
    return true;
  }
}

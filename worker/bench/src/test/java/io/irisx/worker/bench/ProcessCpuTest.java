package io.irisx.worker.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

/** The /proc readings the bench charges to its calls, on this very JVM. */
class ProcessCpuTest {
  private static final long SELF = ProcessHandle.current().pid();

  @Test
  void findsTheProcessListeningOnAPort() throws Exception {
    assumeTrue(ProcessCpu.available(), "no /proc on this machine");
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThat(ProcessCpu.listening(socket.getLocalPort())).hasValue(SELF);
    }
  }

  @Test
  void nobodyListensOnAClosedPort() throws Exception {
    assumeTrue(ProcessCpu.available(), "no /proc on this machine");
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    assertThat(ProcessCpu.listening(port)).isEmpty();
  }

  @Test
  void workDoneShowsInTheProcessAndItsTree() throws Exception {
    assumeTrue(ProcessCpu.available(), "no /proc on this machine");
    long before = ProcessCpu.ownTicks(SELF).orElseThrow();
    burnAtLeastTwoTicks(before);
    long after = ProcessCpu.ownTicks(SELF).orElseThrow();
    assertThat(after).isGreaterThanOrEqualTo(before + 2);
    assertThat(ProcessCpu.treeTicks(SELF).orElseThrow()).isGreaterThanOrEqualTo(after);
  }

  @Test
  void aProcessThatIsGoneHasNoTime() {
    assumeTrue(ProcessCpu.available(), "no /proc on this machine");
    assertThat(ProcessCpu.ownTicks(Long.MAX_VALUE)).isEmpty();
    assertThat(ProcessCpu.treeTicks(Long.MAX_VALUE)).isEmpty();
  }

  /** Hashes until the kernel has charged two more ticks (20 ms of CPU) to this process. */
  private static void burnAtLeastTwoTicks(long from) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    byte[] block = new byte[1 << 16];
    while (ProcessCpu.ownTicks(SELF).orElseThrow() < from + 2) {
      for (int i = 0; i < 50; i++) {
        sha.update(block);
        sha.digest();
      }
    }
  }
}

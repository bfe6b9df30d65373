package io.irisx.worker.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-process Temporal server is on 127.0.0.1 only, like everything else in the dev stack. */
class LocalTemporalTest {

  @Test
  void theInProcessServerCannotBeReachedFromAnotherAddressOfThisMachine(@TempDir Path home)
      throws Exception {
    Optional<InetAddress> lan = nonLoopbackAddress();
    assumeTrue(lan.isPresent(), "this machine has no address but loopback to try");
    int port = LocalPorts.resolve(0);

    try (LocalTemporal temporal =
        LocalTemporal.start(TemporalMode.IN_PROCESS, port, 0, home, home.resolve("tools"))) {
      assertThat(temporal.target()).isEqualTo("127.0.0.1:" + port);
      connect(InetAddress.getLoopbackAddress(), port);
      assertThatThrownBy(() -> connect(lan.get(), port))
          .as("a connection to %s:%d", lan.get().getHostAddress(), port)
          .isInstanceOf(IOException.class);
    }
  }

  private static void connect(InetAddress address, int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 2_000);
    }
  }

  /** An IPv4 address of an interface that is up and not loopback (eth0's, say). */
  private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
    return NetworkInterface.networkInterfaces()
        .filter(LocalTemporalTest::upAndNotLoopback)
        .flatMap(NetworkInterface::inetAddresses)
        .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
        .findFirst();
  }

  private static boolean upAndNotLoopback(NetworkInterface network) {
    try {
      return network.isUp() && !network.isLoopback();
    } catch (SocketException e) {
      return false;
    }
  }
}

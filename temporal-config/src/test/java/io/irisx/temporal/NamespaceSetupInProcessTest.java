package io.irisx.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.testserver.TestServer;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/**
 * Start-up setup against the in-process test server: every attribute registered once, then nothing.
 */
class NamespaceSetupInProcessTest {

  @Test
  void registersEveryAttributeOnceAndIsIdempotent() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    TestServer.PortBoundTestServer server = TestServer.createPortBoundServer(port, false);
    try (TemporalConnection temporal =
        TemporalConnection.open(new TemporalSettings("127.0.0.1:" + port, "default"))) {
      NamespaceSetup.Outcome first = temporal.ensureNamespace();
      assertThat(first.attributesAdded())
          .containsOnlyKeys(SearchAttributeCatalogue.registrations().keySet());

      NamespaceSetup.Outcome second = temporal.ensureNamespace();
      assertThat(second.attributesAdded()).isEmpty();
      assertThat(second.namespaceCreated()).isFalse();
    } finally {
      server.close();
    }
  }
}

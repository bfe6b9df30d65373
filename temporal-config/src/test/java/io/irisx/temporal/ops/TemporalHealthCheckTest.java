package io.irisx.temporal.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.health.HealthCheck;
import io.irisx.temporal.TemporalConnection;
import io.irisx.temporal.TemporalSettings;
import io.temporal.testserver.TestServer;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** The {@code temporal} health check follows the frontend: healthy while it serves, not after. */
class TemporalHealthCheckTest {

  @Test
  void healthyWhileTheFrontendServesUnhealthyOnceItIsGone() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    TestServer.PortBoundTestServer server = TestServer.createPortBoundServer(port, false);
    try (TemporalConnection temporal =
        TemporalConnection.open(new TemporalSettings("127.0.0.1:" + port, "default"))) {
      TemporalHealthCheck check = new TemporalHealthCheck(temporal.service());
      assertThat(check.execute().isHealthy()).isTrue();

      server.close();
      HealthCheck.Result down = check.execute();
      assertThat(down.isHealthy()).isFalse();
    } finally {
      server.close();
    }
  }
}

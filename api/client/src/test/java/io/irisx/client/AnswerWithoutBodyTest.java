package io.irisx.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An answer that lacks the body its operation always has (a proxy that drops it, a server that is
 * not the API) is an {@link IrisxException} naming the request, never a null call or an NPE; a
 * DELETE's empty 204 stays a success. Over real HTTP from a server on a free port.
 */
class AnswerWithoutBodyTest {
  private HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private IrisxClient irisx;

  @BeforeEach
  void startServer() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
          int status = exchange.getRequestMethod().equals("DELETE") ? 204 : 200;
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
    irisx =
        IrisxClient.builder()
            .baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
            .apiKey("irisx_test")
            .maxRetries(0)
            .build();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void aCallReadWithoutBodyIsAnError() {
    assertThatThrownBy(() -> irisx.calls().get("c1"))
        .isInstanceOf(IrisxException.class)
        .hasMessage("the API's answer to GET /v1/calls/c1 (200) has no body");
  }

  @Test
  void aListPageWithoutBodyIsAnError() {
    assertThatThrownBy(() -> irisx.calls().list())
        .isInstanceOf(IrisxException.class)
        .hasMessage("the API's answer to GET /v1/calls (200) has no body");
  }

  @Test
  void aDeleteAnsweredWithoutBodyIsDone() {
    irisx.webhooks().delete("w1");

    assertThat(requests).containsExactly("DELETE /v1/webhooks/w1");
  }
}

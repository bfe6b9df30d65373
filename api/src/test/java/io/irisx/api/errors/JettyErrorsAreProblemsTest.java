package io.irisx.api.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.irisx.api.ApiTestStack;
import io.irisx.api.IrisxApiConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What Jetty refuses before Jersey routes a request is answered like every other error of the API:
 * an RFC 9457 problem document (never Jetty's HTML page or an empty body), whatever the method, and
 * a 405 names the allowed methods in {@code Allow}. Sent over a raw socket, as a fuzzer sends them.
 */
class JettyErrorsAreProblemsTest {
  @RegisterExtension
  @Order(1)
  static final ApiTestStack STACK = new ApiTestStack();

  @RegisterExtension
  @Order(2)
  static final DropwizardAppExtension<IrisxApiConfiguration> APP = STACK.app();

  private static final ObjectMapper JSON = new ObjectMapper();

  record RawReply(int status, Map<String, String> headers, String body) {
    JsonNode json() throws IOException {
      return JSON.readTree(body);
    }
  }

  @Test
  void aSuspiciousPathCharacterIsAProblemForEveryMethod() throws IOException {
    for (String method : new String[] {"GET", "DELETE", "PUT", "PATCH", "POST"}) {
      RawReply reply = send(method, "/v1/contacts/%15%C3%A5");
      assertThat(reply.status()).as(method).isEqualTo(400);
      assertThat(reply.headers().get("content-type"))
          .as(method)
          .isEqualTo("application/problem+json");
      JsonNode problem = reply.json();
      assertThat(problem.path("status").asInt()).isEqualTo(400);
      assertThat(problem.path("type").asText()).isEqualTo("about:blank");
      assertThat(problem.path("detail").asText()).startsWith("The request is malformed");
    }
  }

  @Test
  void anAmbiguousPathSeparatorIsAProblem() throws IOException {
    RawReply reply = send("DELETE", "/v1/webhooks/a%2Fb");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.headers().get("content-type")).isEqualTo("application/problem+json");
    assertThat(reply.json().path("title").asText()).isEqualTo("Bad Request");
  }

  @Test
  void aMethodRefusedBeforeRoutingAnswers405WithAllow() throws IOException {
    RawReply trace = send("TRACE", "/v1/calls/3f1c7d2e-0000-4000-8000-000000000001");
    assertThat(trace.status()).isEqualTo(405);
    assertThat(trace.headers().get("allow")).isEqualTo("GET, HEAD, OPTIONS");
    assertThat(trace.headers().get("content-type")).isEqualTo("application/problem+json");
    assertThat(trace.json().path("status").asInt()).isEqualTo(405);

    RawReply odd = send("BREW", "/v1/calls");
    assertThat(odd.status()).isEqualTo(405);
    assertThat(odd.headers().get("allow")).isEqualTo("GET, HEAD, POST, OPTIONS");
  }

  @Test
  void aMethodJerseyRefusesKeepsJerseysAllow() throws IOException {
    RawReply put = send("PUT", "/v1/calls");
    assertThat(put.status()).isEqualTo(405);
    assertThat(put.headers().get("allow")).contains("GET").contains("POST");
    assertThat(put.headers().get("content-type")).isEqualTo("application/problem+json");
  }

  private static RawReply send(String method, String path) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", APP.getLocalPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          (method
                  + " "
                  + path
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int end = raw.indexOf("\r\n\r\n");
      String[] lines = raw.substring(0, end).split("\r\n");
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.put(
            lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).strip());
      }
      return new RawReply(
          Integer.parseInt(lines[0].split(" ")[1]), headers, raw.substring(end + 4));
    }
  }
}

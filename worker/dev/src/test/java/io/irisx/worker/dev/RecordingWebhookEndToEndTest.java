package io.irisx.worker.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A voicemail call end to end with webhooks: the message is recorded and uploaded, and a webhook
 * endpoint on a local HTTP receiver gets every event of the call, signed (Standard Webhooks
 * headers, HMAC checked with the endpoint's secret), in the call's event order, recording.completed
 * among them with the recording's id, size and checksum. Prints the webhook deliveries (with
 * -Dirisx.exampleDir=DIR also saves them there).
 */
class RecordingWebhookEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One request the receiver got: its headers of interest and its body. */
  private record Received(String id, String timestamp, String signature, byte[] body) {
    JsonNode envelope() throws Exception {
      return JSON.readTree(body);
    }
  }

  @Test
  void aVoicemailsRecordingCompletedArrivesSignedInTheCallsEventOrder(@TempDir Path home)
      throws Exception {
    List<Received> received = new CopyOnWriteArrayList<>();
    HttpServer receiver =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext(
        "/hooks",
        exchange -> {
          try (exchange) {
            var headers = exchange.getRequestHeaders();
            received.add(
                new Received(
                    headers.getFirst("webhook-id"),
                    headers.getFirst("webhook-timestamp"),
                    headers.getFirst("webhook-signature"),
                    exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
          }
        });
    receiver.start();
    try (DevStack stack = DevStack.start(DevOptions.ephemeral(home, TemporalMode.IN_PROCESS))) {
      CallsApi api = new CallsApi(stack.manifest());
      CallsApi.Reply endpoint =
          api.post(
              "/v1/webhooks",
              "{\"url\":\"http://127.0.0.1:"
                  + receiver.getAddress().getPort()
                  + "/hooks\",\"events\":[]}");
      assertThat(endpoint.status()).as(endpoint.body().toString()).isEqualTo(201);
      byte[] secret =
          Base64.getDecoder()
              .decode(endpoint.body().path("secret").asText().substring("whsec_".length()));

      CallsApi.Reply created =
          api.post(
              "/v1/calls",
              """
          {"from":"+15550100","to":"+15550111","flow":"voicemail","params":{"silenceSeconds":2}}""");
      assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
      String callId = created.body().path("id").asText();
      JsonNode call = api.awaitFinal(callId, Duration.ofSeconds(60));
      assertThat(call.path("status").asText()).isEqualTo("completed");
      String recordingId = call.path("metadata").path("recordingId").asText();
      assertThat(recordingId).isNotEmpty();

      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(100))
          .until(
              () -> types(received).containsAll(List.of("call.completed", "recording.completed")));
      JsonNode recording = api.get("/v1/recordings/" + recordingId).body();
      assertThat(recording.path("status").asText()).isEqualTo("available");

      long previous = 0;
      for (Received delivery : received) {
        assertThat(delivery.id()).isNotBlank();
        assertThat(delivery.signature())
            .startsWith("v1,")
            .isEqualTo(
                "v1,"
                    + hmac(
                        secret, delivery.id() + "." + delivery.timestamp() + ".", delivery.body()));
        JsonNode envelope = delivery.envelope();
        assertThat(envelope.path("callId").asText()).isEqualTo(callId);
        assertThat(envelope.path("sequence").asLong())
            .as("the call's events arrive in their order")
            .isGreaterThan(previous);
        previous = envelope.path("sequence").asLong();
      }
      assertThat(types(received))
          .containsSubsequence("call.initiated", "call.answered", "call.completed")
          .containsOnlyOnce("recording.completed", "call.completed")
          .doesNotContain("recording.failed");
      JsonNode completed =
          received.stream()
              .map(RecordingWebhookEndToEndTest::envelope)
              .filter(e -> e.path("type").asText().equals("recording.completed"))
              .findFirst()
              .orElseThrow();
      assertThat(completed.path("data").path("recordingId").asText()).isEqualTo(recordingId);
      assertThat(completed.path("data").path("sizeBytes").asLong())
          .isEqualTo(recording.path("sizeBytes").asLong());
      assertThat(completed.path("data").path("checksumSha256").asText())
          .isEqualTo(recording.path("checksumSha256").asText());

      keepExample(
          "voicemail-webhooks.json",
          JSON.valueToTree(received.stream().map(RecordingWebhookEndToEndTest::envelope).toList()));
    } finally {
      receiver.stop(0);
    }
  }

  private static List<String> types(List<Received> received) {
    return received.stream().map(r -> envelope(r).path("type").asText()).toList();
  }

  private static JsonNode envelope(Received received) {
    try {
      return received.envelope();
    } catch (Exception e) {
      throw new AssertionError("a delivery's body is not JSON", e);
    }
  }

  private static String hmac(byte[] key, String prefix, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    mac.update(prefix.getBytes(StandardCharsets.UTF_8));
    return Base64.getEncoder().encodeToString(mac.doFinal(body));
  }

  private static void keepExample(String name, JsonNode json) throws Exception {
    String pretty = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json);
    System.out.println("--- " + name + "\n" + pretty);
    String dir = System.getProperty("irisx.exampleDir");
    if (dir != null) {
      Files.createDirectories(Path.of(dir));
      Files.writeString(Path.of(dir, name), pretty + "\n");
    }
  }
}

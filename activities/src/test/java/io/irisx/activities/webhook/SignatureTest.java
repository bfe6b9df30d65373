package io.irisx.activities.webhook;

import static io.irisx.activities.webhook.WebhookTestBed.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.irisx.db.webhook.WebhookDao;
import io.irisx.workflows.webhook.WebhookSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requests verify with an independent implementation of Standard Webhooks; tampering does not. */
class SignatureTest {
  private static final WebhookTestBed bed = new WebhookTestBed();
  private final Receiver receiver = new Receiver();
  private UUID tenant;
  private UUID call;
  private WebhookTestBed.Endpoint endpoint;

  @BeforeEach
  void start() {
    bed.startTemporal(WebhookSettings.localReceivers());
    tenant = bed.newTenant();
    call = bed.newCall(tenant);
    endpoint = bed.newEndpoint(tenant, receiver.url("/signed"));
  }

  @AfterEach
  void stop() {
    receiver.close();
    bed.stopTemporal();
  }

  @AfterAll
  static void close() throws Exception {
    bed.close();
  }

  @Test
  void aDeliveredRequestVerifiesAndATamperedOrStaleOneDoesNot() {
    bed.publish(event(tenant, call, 1, "call.completed"));
    bed.awaitStream(call, endpoint.id());
    Receiver.Received request = receiver.received.get(0);
    Instant now = Instant.now();

    assertThat(request.header("webhook-signature")).matches("v1,[A-Za-z0-9+/=]{44}");
    assertThat(request.header("content-type")).isEqualTo("application/json");
    assertThat(StandardWebhooksVerifier.verify(endpoint.secret(), request, now)).isTrue();

    byte[] tampered =
        request
            .bodyText()
            .replace("call.completed", "call.failed")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(
            verify(endpoint.secret(), request, tampered, request.header("webhook-timestamp"), now))
        .isFalse();
    assertThat(
            verify(
                endpoint.secret(),
                request,
                request.body(),
                Long.toString(Long.parseLong(request.header("webhook-timestamp")) + 1),
                now))
        .isFalse();
    assertThat(
            StandardWebhooksVerifier.verify(
                endpoint.secret(), request, now.plus(Duration.ofMinutes(6))))
        .isFalse();
    assertThat(StandardWebhooksVerifier.verify(WebhookSecret.generate().reveal(), request, now))
        .isFalse();
  }

  @Test
  void duringARotationsOverlapBothSecretsSignAndAfterItOnlyTheNewOne() {
    WebhookDao webhooks = bed.jdbi.onDemand(WebhookDao.class);
    String rotated = WebhookSecret.generate().reveal();
    webhooks.rotateSecret(tenant, endpoint.id(), rotated, Instant.now().plus(Duration.ofHours(1)));

    bed.publish(event(tenant, call, 1, "call.answered"));
    bed.awaitStream(call, endpoint.id());
    Receiver.Received during = receiver.received.get(0);

    assertThat(during.header("webhook-signature").split(" ")).hasSize(2);
    assertThat(StandardWebhooksVerifier.verify(rotated, during, Instant.now())).isTrue();
    assertThat(StandardWebhooksVerifier.verify(endpoint.secret(), during, Instant.now())).isTrue();

    webhooks.rotateSecret(
        tenant, endpoint.id(), WebhookSecret.generate().reveal(), Instant.now().minusSeconds(1));
    String latest = webhooks.find(tenant, endpoint.id()).orElseThrow().secret();
    bed.publish(event(tenant, call, 2, "call.completed"));
    bed.awaitStream(call, endpoint.id());
    Receiver.Received after = receiver.received.get(1);

    assertThat(after.header("webhook-signature").split(" ")).hasSize(1);
    assertThat(StandardWebhooksVerifier.verify(latest, after, Instant.now())).isTrue();
    assertThat(StandardWebhooksVerifier.verify(rotated, after, Instant.now())).isFalse();
  }

  private static boolean verify(
      String secret, Receiver.Received request, byte[] body, String timestamp, Instant now) {
    return StandardWebhooksVerifier.verify(
        secret,
        request.header("webhook-id"),
        timestamp,
        request.header("webhook-signature"),
        body,
        now);
  }
}

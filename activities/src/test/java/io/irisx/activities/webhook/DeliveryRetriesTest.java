package io.irisx.activities.webhook;

import static io.irisx.activities.webhook.WebhookTestBed.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.irisx.db.webhook.WebhookAttemptRow;
import io.irisx.db.webhook.WebhookDeliveryRow;
import io.irisx.workflows.webhook.DeliveryStatus;
import io.irisx.workflows.webhook.PublishedEvent;
import io.irisx.workflows.webhook.WebhookSettings;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A receiver that is down, or hangs, still gets the event: once, after recorded attempts. */
class DeliveryRetriesTest {
  private static final WebhookTestBed bed = new WebhookTestBed();
  private final Receiver receiver = new Receiver();

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
  void aReceiverDownForThreeAttemptsGetsTheEventExactlyOnceOnTheFourth() {
    bed.startTemporal(WebhookSettings.localReceivers());
    receiver.downFor(3);
    UUID tenant = bed.newTenant();
    UUID call = bed.newCall(tenant);
    WebhookTestBed.Endpoint endpoint = bed.newEndpoint(tenant, receiver.url("/hooks"));

    PublishedEvent published = bed.publish(event(tenant, call, 1, "call.completed")).get(0);
    String deliveryId = published.deliveryIds().get(0);
    bed.awaitStream(call, endpoint.id());

    assertThat(receiver.received).hasSize(4);
    assertThat(receiver.received)
        .extracting(r -> r.header("webhook-id"))
        .containsOnly(published.eventId());
    assertThat(receiver.received)
        .extracting(Receiver.Received::bodyText)
        .containsOnly(receiver.received.get(0).bodyText());
    assertThat(bed.attempts(deliveryId))
        .extracting(
            WebhookAttemptRow::attemptNumber,
            WebhookAttemptRow::outcome,
            WebhookAttemptRow::responseStatus)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "failed", 503),
            org.assertj.core.groups.Tuple.tuple(2, "failed", 503),
            org.assertj.core.groups.Tuple.tuple(3, "failed", 503),
            org.assertj.core.groups.Tuple.tuple(4, "succeeded", 200));
    assertThat(bed.attempts(deliveryId))
        .allSatisfy(
            a -> {
              assertThat(a.latencyMillis()).isNotNull().isNotNegative();
              assertThat(a.responseBody()).startsWith("answer ");
            });
    WebhookDeliveryRow row = bed.delivery(deliveryId);
    assertThat(row.status()).isEqualTo(WebhookDeliveryRow.SUCCEEDED);
    assertThat(row.attemptCount()).isEqualTo(4);
    assertThat(row.deliveredAt()).isNotNull();
    assertThat(row.callId()).isEqualTo(call);
  }

  @Test
  void aHangingReceiverTimesOutAndTheRetryFollows() {
    bed.startTemporal(WebhookSettings.localReceivers().withTimeouts(1000, 700));
    receiver.answering(
        r ->
            r.index() == 0
                ? Receiver.Reply.hang(Duration.ofSeconds(30))
                : Receiver.Reply.status(204));
    UUID tenant = bed.newTenant();
    UUID call = bed.newCall(tenant);
    WebhookTestBed.Endpoint endpoint = bed.newEndpoint(tenant, receiver.url("/slow"));

    String deliveryId =
        bed.publish(event(tenant, call, 1, "call.answered")).get(0).deliveryIds().get(0);
    bed.awaitStream(call, endpoint.id());

    var attempts = bed.attempts(deliveryId);
    assertThat(attempts).hasSize(2);
    assertThat(attempts.get(0).outcome()).isEqualTo("failed");
    assertThat(attempts.get(0).responseStatus()).isNull();
    assertThat(attempts.get(0).error()).contains("no answer");
    assertThat(attempts.get(0).latencyMillis()).isBetween(700L, 10_000L);
    assertThat(attempts.get(1).responseStatus()).isEqualTo(204);
    assertThat(bed.delivery(deliveryId).status()).isEqualTo(DeliveryStatus.SUCCEEDED.wireName());
  }

  @Test
  void goneDisablesTheEndpointAndItsLaterDeliveriesAreCanceled() {
    bed.startTemporal(WebhookSettings.localReceivers());
    receiver.answering(r -> Receiver.Reply.status(410));
    UUID tenant = bed.newTenant();
    UUID call = bed.newCall(tenant);
    WebhookTestBed.Endpoint endpoint = bed.newEndpoint(tenant, receiver.url("/gone"));

    var published = bed.publish(event(tenant, call, 1, "call.ringing"));
    bed.awaitStream(call, endpoint.id());
    var endpointRow =
        bed.jdbi
            .onDemand(io.irisx.db.webhook.WebhookDao.class)
            .find(tenant, endpoint.id())
            .orElseThrow();

    assertThat(receiver.received).hasSize(1);
    assertThat(bed.delivery(published.get(0).deliveryIds().get(0)).status()).isEqualTo("failed");
    assertThat(bed.attempts(published.get(0).deliveryIds().get(0)))
        .singleElement()
        .extracting(WebhookAttemptRow::outcome)
        .isEqualTo("gone");
    assertThat(endpointRow.enabled()).isFalse();
    assertThat(endpointRow.disabledReason()).contains("410");
    // A disabled endpoint is no longer subscribed: the next event makes no delivery for it.
    assertThat(bed.publish(event(tenant, call, 2, "call.answered")).get(0).deliveryIds()).isEmpty();
  }

  @Test
  void anEventNotTiedToACallIsDeliveredWithoutAStream() {
    bed.startTemporal(WebhookSettings.localReceivers());
    UUID tenant = bed.newTenant();
    bed.newEndpoint(tenant, receiver.url("/hooks"));

    PublishedEvent published = bed.publish(event(tenant, null, 0, "recording.failed")).get(0);
    var result = bed.awaitDelivery(published.deliveryIds().get(0));

    assertThat(result.status()).isEqualTo(DeliveryStatus.SUCCEEDED);
    assertThat(receiver.received)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.bodyText())
                  .doesNotContain("callId")
                  .contains("\"type\":\"recording.failed\"");
              assertThat(r.header("webhook-id")).isEqualTo(published.eventId());
            });
  }
}

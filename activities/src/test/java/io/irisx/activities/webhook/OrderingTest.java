package io.irisx.activities.webhook;

import static io.irisx.activities.webhook.WebhookTestBed.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.irisx.workflows.webhook.PublishedEvent;
import io.irisx.workflows.webhook.WebhookSettings;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A call's events reach an endpoint in sequence order, even while an earlier one is being retried.
 */
class OrderingTest {
  private static final WebhookTestBed bed = new WebhookTestBed();
  private final Receiver receiver = new Receiver();

  @BeforeEach
  void start() {
    bed.startTemporal(WebhookSettings.localReceivers());
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
  void withTheReceiverFailingEvent2Event3WaitsUntilEvent2IsDelivered() {
    UUID tenant = bed.newTenant();
    UUID call = bed.newCall(tenant);
    WebhookTestBed.Endpoint endpoint = bed.newEndpoint(tenant, receiver.url("/ordered"));
    int[] event2Failures = {0};
    receiver.answering(
        request -> {
          if (request.bodyText().contains("\"sequence\":2") && event2Failures[0] < 3) {
            event2Failures[0]++;
            return Receiver.Reply.status(500);
          }
          return Receiver.Reply.status(200);
        });

    List<PublishedEvent> published =
        bed.publish(
            event(tenant, call, 1, "call.ringing"),
            event(tenant, call, 2, "call.answered"),
            event(tenant, call, 3, "call.completed"));
    bed.awaitStream(call, endpoint.id());

    assertThat(receiver.received)
        .extracting(r -> r.header("webhook-id"))
        .containsExactly(
            published.get(0).eventId(),
            published.get(1).eventId(),
            published.get(1).eventId(),
            published.get(1).eventId(),
            published.get(1).eventId(),
            published.get(2).eventId());
    assertThat(bed.attempts(published.get(1).deliveryIds().get(0))).hasSize(4);
    assertThat(bed.attempts(published.get(2).deliveryIds().get(0))).hasSize(1);
  }

  @Test
  void twoEndpointsDoNotWaitForEachOther() {
    UUID tenant = bed.newTenant();
    UUID call = bed.newCall(tenant);
    try (Receiver down = new Receiver().answering(r -> Receiver.Reply.status(503))) {
      WebhookTestBed.Endpoint healthy = bed.newEndpoint(tenant, receiver.url("/up"));
      bed.newEndpoint(tenant, down.url("/down"));

      List<PublishedEvent> published =
          bed.publish(
              event(tenant, call, 1, "call.ringing"), event(tenant, call, 2, "call.answered"));
      bed.awaitStream(call, healthy.id());

      assertThat(receiver.received).hasSize(2);
      // The failing endpoint is still retrying event 1; event 2 waits for it there, and only there.
      assertThat(down.received)
          .isNotEmpty()
          .extracting(r -> r.header("webhook-id"))
          .containsOnly(published.get(0).eventId());
    }
  }

  @Test
  void publishingTheSameEventTwiceDeliversItOnce() {
    UUID tenant = bed.newTenant();
    UUID call = bed.newCall(tenant);
    WebhookTestBed.Endpoint endpoint = bed.newEndpoint(tenant, receiver.url("/once"));

    List<PublishedEvent> published =
        bed.publish(event(tenant, call, 1, "call.ringing"), event(tenant, call, 1, "call.ringing"));
    bed.awaitStream(call, endpoint.id());

    assertThat(published.get(0)).isEqualTo(published.get(1));
    assertThat(receiver.received).hasSize(1);
  }
}

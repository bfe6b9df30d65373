package io.irisx.activities.webhook;

import static io.irisx.activities.webhook.WebhookTestBed.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.irisx.db.webhook.WebhookAttemptRow;
import io.irisx.workflows.webhook.CallWebhooksWorkflow;
import io.irisx.workflows.webhook.WebhookSettings;
import io.temporal.api.enums.v1.EventType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The receiver's answers Standard Webhooks gives a meaning to, over real HTTP: {@code Retry-After}
 * on 429 and 503, a redirect (a failed attempt, never followed), and an address the policy refuses
 * (the delivery ends at once, visibly).
 */
class StandardWebhooksAnswersTest {
  private static final WebhookTestBed bed = new WebhookTestBed();
  private final Receiver receiver = new Receiver();
  private final Receiver elsewhere = new Receiver();

  @AfterEach
  void stop() {
    receiver.close();
    elsewhere.close();
    bed.stopTemporal();
  }

  @AfterAll
  static void close() throws Exception {
    bed.close();
  }

  @Test
  void a429WithRetryAfterSevenSecondsGetsItsNextAttemptNoSooner() {
    bed.startTemporal(WebhookSettings.localReceivers());
    receiver.answering(
        r ->
            r.index() == 0
                ? Receiver.Reply.status(429).withHeader("Retry-After", "7")
                : Receiver.Reply.status(200));
    UUID tenant = bed.newTenant();
    UUID call = bed.newCall(tenant);
    WebhookTestBed.Endpoint endpoint = bed.newEndpoint(tenant, receiver.url("/busy"));

    String deliveryId =
        bed.publish(event(tenant, call, 1, "call.answered")).get(0).deliveryIds().get(0);
    bed.awaitStream(call, endpoint.id());

    assertThat(bed.attempts(deliveryId))
        .extracting(WebhookAttemptRow::responseStatus)
        .containsExactly(429, 200);
    // The wait is the workflow's timer: the schedule said 5 s, the receiver asked for 7.
    List<Duration> timers =
        bed
            .client
            .fetchHistory(
                CallWebhooksWorkflow.workflowId(call.toString(), endpoint.id().toString()))
            .getEvents()
            .stream()
            .filter(e -> e.getEventType() == EventType.EVENT_TYPE_TIMER_STARTED)
            .map(
                e ->
                    Duration.ofSeconds(
                        e.getTimerStartedEventAttributes().getStartToFireTimeout().getSeconds()))
            .toList();
    assertThat(timers).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void aRedirectIsAFailedAttemptAndIsNotFollowed() {
    bed.startTemporal(WebhookSettings.localReceivers());
    receiver.answering(
        r ->
            r.index() == 0
                ? Receiver.Reply.status(307).withHeader("Location", elsewhere.url("/other"))
                : Receiver.Reply.status(204));
    UUID tenant = bed.newTenant();
    UUID call = bed.newCall(tenant);
    WebhookTestBed.Endpoint endpoint = bed.newEndpoint(tenant, receiver.url("/moved"));

    String deliveryId =
        bed.publish(event(tenant, call, 1, "call.ringing")).get(0).deliveryIds().get(0);
    bed.awaitStream(call, endpoint.id());

    assertThat(elsewhere.received).isEmpty();
    assertThat(bed.attempts(deliveryId))
        .extracting(WebhookAttemptRow::outcome, WebhookAttemptRow::responseStatus)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("failed", 307),
            org.assertj.core.groups.Tuple.tuple("succeeded", 204));
  }

  @Test
  void anAddressThePolicyRefusesEndsTheDeliveryFailedAtOnce() {
    // http allowed, nothing private: the receiver on loopback is refused.
    bed.startTemporal(new WebhookSettings(false, List.of(), null, null, null));
    UUID tenant = bed.newTenant();
    UUID call = bed.newCall(tenant);
    WebhookTestBed.Endpoint endpoint = bed.newEndpoint(tenant, receiver.url("/inside"));

    String deliveryId =
        bed.publish(event(tenant, call, 1, "call.completed")).get(0).deliveryIds().get(0);
    bed.awaitStream(call, endpoint.id());

    assertThat(receiver.received).isEmpty();
    assertThat(bed.attempts(deliveryId))
        .singleElement()
        .satisfies(a -> assertThat(a.outcome()).isEqualTo(WebhookAttemptRow.REFUSED));
    assertThat(bed.delivery(deliveryId).status()).isEqualTo("failed");
    assertThat(bed.delivery(deliveryId).error()).contains("loopback");
  }
}

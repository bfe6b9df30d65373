package io.irisx.activities.webhook;

import static io.irisx.activities.webhook.WebhookTestBed.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.irisx.db.webhook.WebhookDao;
import io.irisx.db.webhook.WebhookRow;
import io.irisx.workflows.webhook.DeliveryResult;
import io.irisx.workflows.webhook.DeliveryStatus;
import io.irisx.workflows.webhook.WebhookEventTypes;
import io.irisx.workflows.webhook.WebhookSettings;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An endpoint that answers 410 Gone is disabled, and the tenant is told: the event {@code
 * webhook.endpoint-disabled} goes to its other enabled endpoints subscribed to it, each delivery a
 * workflow of its own, signed like any other; real PostgreSQL, HTTP and Temporal test server.
 */
class GoneEndpointNoticeTest {
  private static final WebhookTestBed bed = new WebhookTestBed();
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Receiver gone = new Receiver().answering(r -> Receiver.Reply.status(410));
  private final Receiver watcher = new Receiver().answering(r -> Receiver.Reply.status(204));
  private final Receiver everything = new Receiver().answering(r -> Receiver.Reply.status(204));
  private final Receiver callsOnly = new Receiver().answering(r -> Receiver.Reply.status(204));
  private final Receiver otherTenant = new Receiver().answering(r -> Receiver.Reply.status(204));

  @AfterEach
  void stop() {
    for (Receiver receiver : List.of(gone, watcher, everything, callsOnly, otherTenant)) {
      receiver.close();
    }
    bed.stopTemporal();
  }

  @AfterAll
  static void close() throws Exception {
    bed.close();
  }

  @Test
  void aGoneEndpointIsDisabledAndTheTenantsSubscribedEndpointsAreToldOnce() throws Exception {
    bed.startTemporal(WebhookSettings.localReceivers());
    UUID tenant = bed.newTenant();
    UUID call = bed.newCall(tenant);
    WebhookTestBed.Endpoint goneEndpoint =
        bed.newEndpoint(tenant, gone.url("/gone"), "call.completed");
    WebhookTestBed.Endpoint watching =
        bed.newEndpoint(tenant, watcher.url("/ops"), WebhookEventTypes.WEBHOOK_ENDPOINT_DISABLED);
    bed.newEndpoint(tenant, everything.url("/all"));
    bed.newEndpoint(tenant, callsOnly.url("/calls"), "call.completed");
    UUID elsewhere = bed.newTenant();
    bed.newEndpoint(elsewhere, otherTenant.url("/theirs"));

    Instant before = Instant.now();
    bed.publish(event(tenant, call, 1, "call.completed"));
    bed.awaitStream(call, goneEndpoint.id());

    WebhookRow disabled =
        bed.jdbi.onDemand(WebhookDao.class).find(tenant, goneEndpoint.id()).orElseThrow();
    assertThat(disabled.enabled()).isFalse();
    assertThat(disabled.disabledReason()).isEqualTo("the endpoint answered 410 Gone");
    assertThat(disabled.disabledAt()).isBetween(before, Instant.now());

    List<String> notices = noticeDeliveries(tenant);
    assertThat(notices).as("one for the watcher, one for the all-events endpoint").hasSize(2);
    for (String deliveryId : notices) {
      // Each its own WebhookDelivery workflow, id webhook-<deliveryId>.
      DeliveryResult result = bed.awaitDelivery(deliveryId);
      assertThat(result.status()).isEqualTo(DeliveryStatus.SUCCEEDED);
      assertThat(bed.delivery(deliveryId).callId()).isNull();
    }

    Receiver.Received notice = watcher.received.getFirst();
    assertThat(watcher.received).hasSize(1);
    assertThat(StandardWebhooksVerifier.verify(watching.secret(), notice, Instant.now())).isTrue();
    JsonNode body = JSON.readTree(notice.body());
    assertThat(body.path("type").asText()).isEqualTo(WebhookEventTypes.WEBHOOK_ENDPOINT_DISABLED);
    assertThat(body.path("tenantId").asText()).isEqualTo(tenant.toString());
    assertThat(body.has("callId")).isFalse();
    assertThat(body.path("data").path("webhookId").asText())
        .isEqualTo(goneEndpoint.id().toString());
    assertThat(body.path("data").path("disabledReason").asText()).contains("410");
    assertThat(body.path("data").path("responseStatus").asInt()).isEqualTo(410);
    assertThat(body.toString()).doesNotContain(gone.url("/gone"));
    assertThat(notice.header("webhook-id")).isEqualTo(body.path("id").asText());

    assertThat(everything.received)
        .extracting(r -> JSON.readTree(r.body()).path("type").asText())
        .containsExactlyInAnyOrder("call.completed", WebhookEventTypes.WEBHOOK_ENDPOINT_DISABLED);
    assertThat(callsOnly.received)
        .extracting(r -> JSON.readTree(r.body()).path("type").asText())
        .containsExactly("call.completed");
    assertThat(otherTenant.received).isEmpty();
  }

  @Test
  void manyDeliveriesAnswered410AtOnceDisableTheEndpointOnceAndTellOnce() {
    bed.startTemporal(WebhookSettings.localReceivers());
    UUID tenant = bed.newTenant();
    WebhookTestBed.Endpoint goneEndpoint = bed.newEndpoint(tenant, gone.url("/gone"));
    bed.newEndpoint(tenant, watcher.url("/ops"), WebhookEventTypes.WEBHOOK_ENDPOINT_DISABLED);
    List<UUID> calls = List.of(bed.newCall(tenant), bed.newCall(tenant), bed.newCall(tenant));
    // The endpoint holds each 410 until all three attempts are in: otherwise the first 410 can
    // disable it before the later events are published, and they never go to it at all.
    CountDownLatch allThreeIn = new CountDownLatch(calls.size());
    gone.answering(
        request -> {
          allThreeIn.countDown();
          try {
            allThreeIn.await(5, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return Receiver.Reply.status(410);
        });

    // Three calls' events, one workflow each: their attempts run side by side.
    bed.publish(
        event(tenant, calls.get(0), 1, "call.ringing"),
        event(tenant, calls.get(1), 1, "call.ringing"),
        event(tenant, calls.get(2), 1, "call.ringing"));
    calls.forEach(call -> bed.awaitStream(call, goneEndpoint.id()));

    List<String> notices = noticeDeliveries(tenant);
    assertThat(notices).hasSize(1);
    assertThat(bed.awaitDelivery(notices.getFirst()).status()).isEqualTo(DeliveryStatus.SUCCEEDED);
    assertThat(watcher.received).hasSize(1);
    assertThat(allThreeIn.getCount()).as("three 410s answered at once").isZero();
  }

  @Test
  void aNoticeNobodyStartedIsStartedByTheSweep() {
    bed.startTemporal(WebhookSettings.localReceivers());
    UUID tenant = bed.newTenant();
    UUID call = bed.newCall(tenant);
    WebhookTestBed.Endpoint goneEndpoint = bed.newEndpoint(tenant, gone.url("/gone"));
    bed.newEndpoint(tenant, watcher.url("/ops"), WebhookEventTypes.WEBHOOK_ENDPOINT_DISABLED);
    bed.publish(event(tenant, call, 1, "call.failed"));
    bed.awaitStream(call, goneEndpoint.id());
    String notice = noticeDeliveries(tenant).getFirst();
    bed.awaitDelivery(notice);
    // As if the worker had died between the commit and the start: the row pending and stale, no
    // workflow running for it (the first one has closed).
    bed.jdbi.useHandle(
        h ->
            h.createUpdate(
                    "UPDATE webhook_deliveries SET status = 'pending', updated_at = now() - interval '1 hour'"
                        + " WHERE id = :id")
                .bind("id", UUID.fromString(notice))
                .execute());

    assertThat(bed.sweep()).isGreaterThanOrEqualTo(1);
    assertThat(bed.awaitDelivery(notice).status()).isEqualTo(DeliveryStatus.SUCCEEDED);
    assertThat(watcher.received).hasSize(2);
    assertThat(watcher.received)
        .extracting(r -> r.header("webhook-id"))
        .as("the same webhook-id both times")
        .containsOnly(watcher.received.getFirst().header("webhook-id"));
  }

  /** The ids of the tenant's webhook.endpoint-disabled deliveries. */
  private static List<String> noticeDeliveries(UUID tenant) {
    return bed.jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT id::text FROM webhook_deliveries WHERE tenant_id = :tenant"
                        + " AND event_type = :type ORDER BY created_at")
                .bind("tenant", tenant)
                .bind("type", WebhookEventTypes.WEBHOOK_ENDPOINT_DISABLED)
                .mapTo(String.class)
                .list());
  }
}

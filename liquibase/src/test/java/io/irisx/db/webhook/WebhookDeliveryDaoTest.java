package io.irisx.db.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.irisx.db.PostgresExtension;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WebhookDeliveryDaoTest {
  @RegisterExtension static final PostgresExtension db = new PostgresExtension();

  private final WebhookDao webhooks = db.dao(WebhookDao.class);
  private final WebhookDeliveryDao deliveries = db.dao(WebhookDeliveryDao.class);

  @Test
  void oneDeliveryPerEventAndEndpointWithThePayloadAsStored() {
    UUID tenant = db.newTenant();
    UUID webhook = endpoint(tenant);
    UUID event = UUID.randomUUID();

    UUID first = delivery(tenant, webhook, event, "call.completed");
    UUID second = delivery(tenant, webhook, event, "call.completed");

    assertThat(deliveries.findByEvent(webhook, event).orElseThrow().id()).isEqualTo(first);
    assertThat(deliveries.findById(second)).isEmpty();
    WebhookDeliveryRow row = deliveries.find(tenant, first).orElseThrow();
    assertThat(row.payload())
        .isEqualTo(deliveries.findById(first).orElseThrow().payload())
        .contains("\"type\"");
    assertThat(row.status()).isEqualTo(WebhookDeliveryRow.PENDING);
    assertThat(row.callId()).as("no such call row: the column stays empty").isNull();
    assertThat(row.sequence()).isEqualTo(3L);
  }

  @Test
  void attemptsAreRecordedOncePerNumberAndSummarised() {
    UUID tenant = db.newTenant();
    UUID id = delivery(tenant, endpoint(tenant), UUID.randomUUID(), "call.completed");
    Instant t0 = PostgresExtension.now();
    WebhookAttemptRow failed =
        new WebhookAttemptRow(
            id,
            tenant,
            1,
            t0,
            "https://1.1.1.1/hooks",
            WebhookAttemptRow.FAILED,
            503,
            12L,
            "busy",
            null);

    assertThat(deliveries.insertAttemptIfAbsent(failed)).isTrue();
    assertThat(deliveries.insertAttemptIfAbsent(failed)).isFalse();
    deliveries.recordOutcome(
        id, WebhookDeliveryRow.PENDING, t0, t0.plusSeconds(5), 503, "HTTP 503");
    deliveries.insertAttemptIfAbsent(
        new WebhookAttemptRow(
            id,
            tenant,
            2,
            t0.plusSeconds(5),
            "https://1.1.1.1/hooks",
            WebhookAttemptRow.SUCCEEDED,
            200,
            8L,
            "ok",
            null));
    deliveries.recordOutcome(id, WebhookDeliveryRow.SUCCEEDED, t0.plusSeconds(5), null, 200, null);

    WebhookDeliveryRow row = deliveries.find(tenant, id).orElseThrow();
    assertThat(row.attemptCount()).isEqualTo(2);
    assertThat(row.status()).isEqualTo(WebhookDeliveryRow.SUCCEEDED);
    assertThat(row.deliveredAt()).isEqualTo(t0.plusSeconds(5));
    assertThat(row.nextAttemptAt()).isNull();
    assertThat(deliveries.listAttempts(tenant, id))
        .extracting(WebhookAttemptRow::attemptNumber)
        .containsExactly(1, 2);
    assertThat(deliveries.listAttempts(db.newTenant(), id)).isEmpty();
    assertThat(deliveries.lastAttemptNumber(id)).isEqualTo(2);
  }

  @Test
  void listingFiltersByEndpointStatusTypeAndTimeAndPages() {
    UUID tenant = db.newTenant();
    UUID a = endpoint(tenant);
    UUID b = endpoint(tenant);
    UUID completedA = delivery(tenant, a, UUID.randomUUID(), "call.completed");
    UUID answeredA = delivery(tenant, a, UUID.randomUUID(), "call.answered");
    UUID completedB = delivery(tenant, b, UUID.randomUUID(), "call.completed");
    deliveries.recordOutcome(
        completedB, WebhookDeliveryRow.FAILED, PostgresExtension.now(), null, 500, "HTTP 500");
    DeliveryFilter all = DeliveryFilter.of(tenant);

    assertThat(deliveries.list(all, 10)).hasSize(3);
    assertThat(deliveries.list(all.withWebhook(a), 10))
        .extracting(WebhookDeliveryRow::id)
        .containsExactlyInAnyOrder(completedA, answeredA);
    assertThat(deliveries.list(all.withStatus("failed"), 10))
        .extracting(WebhookDeliveryRow::id)
        .containsExactly(completedB);
    assertThat(deliveries.list(all.withEventType("call.answered"), 10))
        .extracting(WebhookDeliveryRow::id)
        .containsExactly(answeredA);
    assertThat(deliveries.list(all.between(Instant.now().plusSeconds(60), null), 10)).isEmpty();
    assertThat(
            deliveries.list(
                all.between(Instant.now().minusSeconds(60), Instant.now().plusSeconds(60)), 10))
        .hasSize(3);
    assertThat(deliveries.list(DeliveryFilter.of(db.newTenant()), 10)).isEmpty();

    var firstPage = deliveries.list(all, 2);
    var last = firstPage.get(1);
    var secondPage = deliveries.list(all.after(last.createdAt(), last.id()), 2);
    assertThat(secondPage).hasSize(1);
    assertThat(firstPage).extracting(WebhookDeliveryRow::id).doesNotContain(secondPage.get(0).id());
  }

  private UUID endpoint(UUID tenant) {
    UUID id = UUID.randomUUID();
    webhooks.insert(id, tenant, "https://1.1.1.1/hooks", null, new String[0], "whsec_x");
    return id;
  }

  private UUID delivery(UUID tenant, UUID webhook, UUID event, String type) {
    UUID id = UUID.randomUUID();
    deliveries.insertIfAbsent(
        id,
        tenant,
        webhook,
        event,
        type,
        UUID.randomUUID(),
        3L,
        PostgresExtension.now(),
        "{\"id\":\"" + event + "\",\"type\":\"" + type + "\",\"data\":{}}",
        "webhook-" + id);
    return id;
  }
}

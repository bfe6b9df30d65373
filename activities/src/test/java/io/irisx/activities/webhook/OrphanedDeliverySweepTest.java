package io.irisx.activities.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.irisx.db.webhook.WebhookAttemptRow;
import io.irisx.db.webhook.WebhookDeliveryDao;
import io.irisx.workflows.webhook.WebhookSettings;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A pending row with nobody behind it (its hand-off to Temporal lost, its workflow terminated by
 * hand) is found by the sweep and delivered; a row waiting behind an earlier event of its call is
 * left to its turn.
 */
class OrphanedDeliverySweepTest {
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
    endpoint = bed.newEndpoint(tenant, receiver.url("/hooks"));
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
  void aRowWhoseWorkflowNeverStartedIsDeliveredByTheSweep() {
    UUID delivery = orphan(1);

    assertThat(bed.sweep()).isEqualTo(1);
    bed.awaitStream(call, endpoint.id());

    assertThat(receiver.received).hasSize(1);
    assertThat(bed.delivery(delivery.toString()).status()).isEqualTo("succeeded");
  }

  @Test
  void aRestartedDeliveryNumbersItsAttemptsAfterTheRecordedOnes() {
    UUID delivery = orphan(1);
    WebhookDeliveryDao deliveries = bed.jdbi.onDemand(WebhookDeliveryDao.class);
    for (int n = 1; n <= 2; n++) {
      deliveries.insertAttemptIfAbsent(
          new WebhookAttemptRow(
              delivery, tenant, n, Instant.now(), "http://x", "failed", 503, 5L, null, "HTTP 503"));
    }

    bed.sweep();
    bed.awaitStream(call, endpoint.id());

    assertThat(bed.attempts(delivery.toString()))
        .extracting(WebhookAttemptRow::attemptNumber, WebhookAttemptRow::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "failed"),
            org.assertj.core.groups.Tuple.tuple(2, "failed"),
            org.assertj.core.groups.Tuple.tuple(3, "succeeded"));
  }

  @Test
  void aRowBehindAnEarlierPendingEventOfItsCallWaitsItsTurn() {
    UUID first = orphan(1);
    UUID second = orphan(2);

    assertThat(bed.sweep()).isEqualTo(1);
    bed.awaitStream(call, endpoint.id());
    assertThat(bed.delivery(first.toString()).status()).isEqualTo("succeeded");
    assertThat(bed.delivery(second.toString()).status()).isEqualTo("pending");

    assertThat(bed.sweep()).isEqualTo(1);
    bed.awaitStream(call, endpoint.id());
    assertThat(bed.delivery(second.toString()).status()).isEqualTo("succeeded");
    assertThat(bed.sweep()).isZero();
  }

  /** A pending row as the publisher writes it, with no workflow started for it. */
  private UUID orphan(long sequence) {
    UUID id = UUID.randomUUID();
    UUID eventId = UUID.randomUUID();
    String payload =
        "{\"id\":\""
            + eventId
            + "\",\"type\":\"call.answered\",\"occurredAt\":\"2026-12-02T12:00:00.000Z\","
            + "\"tenantId\":\""
            + tenant
            + "\",\"callId\":\""
            + call
            + "\",\"sequence\":"
            + sequence
            + ",\"data\":{}}";
    bed.jdbi
        .onDemand(WebhookDeliveryDao.class)
        .insertIfAbsent(
            id,
            tenant,
            endpoint.id(),
            eventId,
            "call.answered",
            call,
            sequence,
            Instant.now(),
            payload,
            "webhooks-" + call + "-" + endpoint.id());
    return id;
  }
}

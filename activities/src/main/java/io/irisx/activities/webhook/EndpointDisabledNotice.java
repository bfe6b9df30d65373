package io.irisx.activities.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.irisx.db.webhook.WebhookDao;
import io.irisx.db.webhook.WebhookDeliveryDao;
import io.irisx.db.webhook.WebhookRow;
import io.irisx.workflows.webhook.DeliveryRequest;
import io.irisx.workflows.webhook.WebhookEnvelope;
import io.irisx.workflows.webhook.WebhookEventTypes;
import io.temporal.client.WorkflowClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a tenant that IRISX disabled one of its endpoints (it answered 410 Gone): the event {@value
 * WebhookEventTypes#WEBHOOK_ENDPOINT_DISABLED}, delivered to the tenant's other enabled endpoints
 * subscribed to it, each by a {@code WebhookDelivery} workflow of its own (the event is not about a
 * call). Its deliveries are stored in the very transaction that disables the endpoint, so the
 * notice exists exactly when the endpoint was disabled; a worker that dies before it started their
 * workflows leaves pending rows, which the sweep restarts.
 */
final class EndpointDisabledNotice {
  private static final Logger log = LoggerFactory.getLogger(EndpointDisabledNotice.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DeliveryWorkflowStarter workflows;

  EndpointDisabledNotice(WorkflowClient temporal) {
    this.workflows = new DeliveryWorkflowStarter(temporal);
  }

  /**
   * The notice's deliveries, stored with {@code handle} (inside the transaction that disabled the
   * endpoint). Named after the attempt that was answered 410, so the same answer never makes two.
   *
   * @return the deliveries' ids, to {@link #start} once the transaction is committed
   */
  List<UUID> store(
      Handle handle,
      WebhookRow endpoint,
      String reason,
      Instant disabledAt,
      UUID goneDeliveryId,
      int attemptNumber) {
    UUID eventId =
        UUID.nameUUIDFromBytes(
            ("irisx-endpoint-disabled:" + goneDeliveryId + ":" + attemptNumber)
                .getBytes(StandardCharsets.UTF_8));
    String payload = payload(eventId, endpoint, reason, disabledAt, goneDeliveryId);
    WebhookDeliveryDao deliveries = handle.attach(WebhookDeliveryDao.class);
    List<UUID> stored = new ArrayList<>();
    for (WebhookRow other :
        handle
            .attach(WebhookDao.class)
            .listSubscribed(endpoint.tenantId(), WebhookEventTypes.WEBHOOK_ENDPOINT_DISABLED)) {
      if (other.id().equals(endpoint.id())) {
        continue; // the endpoint that is gone is not told
      }
      UUID deliveryId = WebhookPublishingImpl.deliveryId(eventId, other.id());
      deliveries.insertIfAbsent(
          deliveryId,
          endpoint.tenantId(),
          other.id(),
          eventId,
          WebhookEventTypes.WEBHOOK_ENDPOINT_DISABLED,
          null,
          null,
          disabledAt,
          payload,
          DeliveryRequest.workflowId(deliveryId.toString()));
      stored.add(deliveryId);
    }
    return stored;
  }

  /**
   * Starts the stored deliveries' workflows; idempotent. Temporal out of reach does not fail the
   * attempt that was answered 410 (it is recorded): the rows wait, pending, for the sweep.
   */
  void start(List<UUID> deliveryIds, UUID disabledEndpointId) {
    for (UUID deliveryId : deliveryIds) {
      try {
        workflows.start(
            deliveryId.toString(),
            WebhookEventTypes.WEBHOOK_ENDPOINT_DISABLED + " (endpoint " + disabledEndpointId + ")");
      } catch (RuntimeException unreachable) {
        log.warn(
            "the {} delivery {} was not started now ({}); the sweep will start it",
            WebhookEventTypes.WEBHOOK_ENDPOINT_DISABLED,
            deliveryId,
            unreachable.toString());
      }
    }
  }

  /**
   * The endpoint's id, not its URL: the notice may go to a third party's receiver, and URLs
   * sometimes carry tokens.
   */
  private static String payload(
      UUID eventId, WebhookRow endpoint, String reason, Instant at, UUID goneDeliveryId) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("webhookId", endpoint.id().toString());
    data.put("status", WebhookRow.DISABLED);
    data.put("disabledReason", reason);
    data.put("disabledAt", WebhookPublishingImpl.UTC_MILLIS.format(at));
    data.put("deliveryId", goneDeliveryId.toString());
    data.put("responseStatus", 410);
    try {
      return JSON.writeValueAsString(
          new WebhookEnvelope(
              eventId.toString(),
              WebhookEventTypes.WEBHOOK_ENDPOINT_DISABLED,
              WebhookPublishingImpl.UTC_MILLIS.format(at),
              endpoint.tenantId().toString(),
              null,
              null,
              data));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a notice of strings and numbers is JSON", e);
    }
  }
}

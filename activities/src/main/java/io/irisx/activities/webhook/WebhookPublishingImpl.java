package io.irisx.activities.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.irisx.db.webhook.WebhookDao;
import io.irisx.db.webhook.WebhookDeliveryDao;
import io.irisx.db.webhook.WebhookRow;
import io.irisx.workflows.webhook.CallEventRecord;
import io.irisx.workflows.webhook.DeliveryRequest;
import io.irisx.workflows.webhook.PublishedEvent;
import io.irisx.workflows.webhook.QueuedDelivery;
import io.irisx.workflows.webhook.WebhookEnvelope;
import io.irisx.workflows.webhook.WebhookEventTypes;
import io.irisx.workflows.webhook.WebhookPublishing;
import io.irisx.workflows.webhook.WebhookSettings;
import io.irisx.workflows.webhook.WebhookUrlPolicy;
import io.irisx.workflows.webhook.WebhookUrlRefusedException;
import io.temporal.activity.Activity;
import io.temporal.client.WorkflowClient;
import io.temporal.failure.ApplicationFailure;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a call event into deliveries: one row per endpoint it goes to, then the delivery's
 * workflow, through the (call, endpoint) stream when the event belongs to a call. Every id derives
 * from the event, so a retry finds the rows it made and a repeated signal is ignored by the stream.
 */
public final class WebhookPublishingImpl implements WebhookPublishing {
  static final String INVALID_EVENT = "InvalidWebhookEvent";
  private static final Logger log = LoggerFactory.getLogger(WebhookPublishingImpl.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The API's timestamp form: ISO-8601 UTC with milliseconds. */
  static final java.time.format.DateTimeFormatter UTC_MILLIS =
      java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
          .withZone(java.time.ZoneOffset.UTC);

  private final Jdbi jdbi;
  private final WorkflowClient temporal;
  private final WebhookUrlPolicy policy;
  private final WebhookSettings settings;
  private final CallDeliveryHandOff callDeliveries;

  public WebhookPublishingImpl(
      Jdbi jdbi, WorkflowClient temporal, WebhookUrlPolicy policy, WebhookSettings settings) {
    this(jdbi, temporal, policy, settings, new CallWebhooksStarter(temporal));
  }

  /**
   * @param callDeliveries where a call's deliveries go (the bench compares shapes through it)
   */
  public WebhookPublishingImpl(
      Jdbi jdbi,
      WorkflowClient temporal,
      WebhookUrlPolicy policy,
      WebhookSettings settings,
      CallDeliveryHandOff callDeliveries) {
    this.jdbi = jdbi;
    this.temporal = temporal;
    this.policy = policy;
    this.settings = settings;
    this.callDeliveries = callDeliveries;
  }

  /**
   * @param pending false when an earlier publish of the event already saw it to its end
   */
  private record Planned(UUID deliveryId, UUID endpointId, UUID tenantId, boolean pending) {}

  @Override
  public PublishedEvent publish(CallEventRecord event) {
    UUID tenantId = uuid(event.tenantId(), "tenantId");
    UUID callId = event.callId() == null ? null : uuid(event.callId(), "callId");
    validate(event);
    UUID eventId = eventId(callId, event.sequence());
    String payload = envelope(eventId, event);

    List<Planned> planned =
        jdbi.inTransaction(
            handle -> {
              WebhookDao endpoints = handle.attach(WebhookDao.class);
              WebhookDeliveryDao deliveries = handle.attach(WebhookDeliveryDao.class);
              List<WebhookRow> targets =
                  new ArrayList<>(endpoints.listSubscribed(tenantId, event.type()));
              if (callId != null && event.webhookUrl() != null && !event.webhookUrl().isBlank()) {
                callEndpoint(endpoints, tenantId, event.webhookUrl()).ifPresent(targets::add);
              }
              List<Planned> made = new ArrayList<>();
              for (WebhookRow endpoint : targets) {
                UUID deliveryId = deliveryId(eventId, endpoint.id());
                deliveries.insertIfAbsent(
                    deliveryId,
                    tenantId,
                    endpoint.id(),
                    eventId,
                    event.type(),
                    callId,
                    callId == null ? null : event.sequence(),
                    event.occurredAt(),
                    payload,
                    DeliveryRequest.workflowId(deliveryId.toString()));
                // An earlier publish of the same event may have made it under the same id.
                var row = deliveries.findByEvent(endpoint.id(), eventId).orElseThrow();
                made.add(new Planned(row.id(), endpoint.id(), tenantId, !row.isFinal()));
              }
              return made;
            });

    for (Planned delivery : planned) {
      if (!delivery.pending()) {
        continue;
      }
      if (callId == null) {
        start(delivery, event.type());
      } else {
        enqueue(callId, event.sequence(), delivery);
      }
    }
    return new PublishedEvent(
        eventId.toString(), planned.stream().map(p -> p.deliveryId().toString()).toList());
  }

  /**
   * The endpoint for a call's own URL, made on first use; empty when the URL is refused or
   * disabled.
   */
  private Optional<WebhookRow> callEndpoint(WebhookDao endpoints, UUID tenantId, String url) {
    Optional<WebhookRow> existing = endpoints.findCallEndpoint(tenantId, url);
    if (existing.isEmpty()) {
      try {
        policy.check(url);
      } catch (WebhookUrlRefusedException refused) {
        log.warn("tenant {}: a call's webhookUrl is refused: {}", tenantId, refused.getMessage());
        return Optional.empty();
      }
      endpoints.insertCallEndpointIfAbsent(
          UUID.randomUUID(), tenantId, url, WebhookSecret.generate().reveal());
      existing = endpoints.findCallEndpoint(tenantId, url);
    }
    return existing.filter(WebhookRow::enabled);
  }

  private void enqueue(UUID callId, long sequence, Planned delivery) {
    callDeliveries.hand(
        tenantOf(delivery),
        callId.toString(),
        delivery.endpointId().toString(),
        new QueuedDelivery(delivery.deliveryId().toString(), sequence));
  }

  private static String tenantOf(Planned delivery) {
    return delivery.tenantId().toString();
  }

  private void start(Planned delivery, String eventType) {
    new DeliveryWorkflowStarter(temporal)
        .start(
            delivery.deliveryId().toString(), eventType + " to endpoint " + delivery.endpointId());
  }

  private void validate(CallEventRecord event) {
    if (!WebhookEventTypes.isKnown(event.type())) {
      throw invalid("unknown event type " + event.type());
    }
    if (event.sequence() < 0) {
      throw invalid("sequence must not be negative");
    }
    if (event.occurredAt() == null) {
      throw invalid("occurredAt is missing");
    }
  }

  private String envelope(UUID eventId, CallEventRecord event) {
    WebhookEnvelope envelope =
        new WebhookEnvelope(
            eventId.toString(),
            event.type(),
            UTC_MILLIS.format(event.occurredAt()),
            event.tenantId(),
            event.callId(),
            event.callId() == null ? null : event.sequence(),
            event.data());
    String json;
    try {
      json = JSON.writeValueAsString(envelope);
    } catch (JsonProcessingException e) {
      throw invalid("the event's data is not JSON: " + e.getOriginalMessage());
    }
    int size = json.getBytes(StandardCharsets.UTF_8).length;
    if (size > settings.maxPayloadBytes()) {
      throw invalid(
          "the envelope is " + size + " bytes, over the cap of " + settings.maxPayloadBytes());
    }
    return json;
  }

  /**
   * A call's event is named by (call, sequence); any other event by the activity that publishes it,
   * which stays the same across its retries.
   */
  static UUID eventId(UUID callId, long sequence) {
    String name =
        callId != null
            ? "irisx-call-event:" + callId + ":" + sequence
            : "irisx-event:"
                + Activity.getExecutionContext().getInfo().getWorkflowId()
                + ":"
                + Activity.getExecutionContext().getInfo().getActivityId();
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
  }

  static UUID deliveryId(UUID eventId, UUID endpointId) {
    return UUID.nameUUIDFromBytes(
        ("irisx-delivery:" + eventId + ":" + endpointId).getBytes(StandardCharsets.UTF_8));
  }

  private static UUID uuid(String value, String field) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw invalid(field + " is not a UUID: " + value);
    }
  }

  private static ApplicationFailure invalid(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, INVALID_EVENT);
  }
}

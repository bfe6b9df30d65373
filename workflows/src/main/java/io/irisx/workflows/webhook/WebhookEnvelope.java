package io.irisx.workflows.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * The JSON body of every webhook request, whatever the event:
 *
 * <pre>{@code
 * {"id": "…", "type": "call.completed", "occurredAt": "2026-01-01T12:00:00Z",
 *  "tenantId": "…", "callId": "…", "sequence": 7, "data": {…}}
 * }</pre>
 *
 * {@code id} is also the {@code webhook-id} header: the same for every attempt and redelivery, so
 * receivers can drop duplicates. {@code callId} and {@code sequence} are absent for events not tied
 * to a call.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "type", "occurredAt", "tenantId", "callId", "sequence", "data"})
public record WebhookEnvelope(
    String id,
    String type,
    String occurredAt,
    String tenantId,
    String callId,
    Long sequence,
    Map<String, Object> data) {}

package io.irisx.workflows.webhook;

import java.time.Instant;
import java.util.Map;

/**
 * One event of a call, as the call workflow hands it to {@link WebhookPublishing#publish}.
 *
 * @param tenantId the call's tenant (UUID string)
 * @param callId the call (UUID string); null for an event not tied to a call, which then has no
 *     ordering and no {@code webhookUrl}
 * @param sequence the event's number within its call, increasing (gaps allowed); endpoints get a
 *     call's events in this order. Together with {@code callId} it identifies the event: publishing
 *     the same (call, sequence) twice delivers it once.
 * @param type one of {@link WebhookEventTypes}, e.g. {@code call.completed}
 * @param occurredAt when it happened ({@code Workflow.currentTimeMillis()} in a workflow)
 * @param data the event's details, any JSON-able map (the CDR for {@code call.completed})
 * @param webhookUrl optional: the call's own URL, which also receives every event of the call
 */
public record CallEventRecord(
    String tenantId,
    String callId,
    long sequence,
    String type,
    Instant occurredAt,
    Map<String, Object> data,
    String webhookUrl) {

  public CallEventRecord {
    data = data == null ? Map.of() : Map.copyOf(data);
  }
}

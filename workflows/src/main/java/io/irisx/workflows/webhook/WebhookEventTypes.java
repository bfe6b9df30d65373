package io.irisx.workflows.webhook;

import java.util.Set;

/** The event types endpoints may subscribe to. */
public final class WebhookEventTypes {
  public static final String CALL_INITIATED = "call.initiated";
  public static final String CALL_RINGING = "call.ringing";
  public static final String CALL_ANSWERED = "call.answered";
  public static final String CALL_COMPLETED = "call.completed";
  public static final String CALL_FAILED = "call.failed";
  public static final String GATHER_COMPLETED = "gather.completed";
  public static final String RECORDING_COMPLETED = "recording.completed";
  public static final String RECORDING_FAILED = "recording.failed";

  /** Not about a call: IRISX disabled one of the tenant's endpoints (it answered 410 Gone). */
  public static final String WEBHOOK_ENDPOINT_DISABLED = "webhook.endpoint-disabled";

  public static final Set<String> ALL =
      Set.of(
          CALL_INITIATED,
          CALL_RINGING,
          CALL_ANSWERED,
          CALL_COMPLETED,
          CALL_FAILED,
          GATHER_COMPLETED,
          RECORDING_COMPLETED,
          RECORDING_FAILED,
          WEBHOOK_ENDPOINT_DISABLED);

  private WebhookEventTypes() {}

  public static boolean isKnown(String type) {
    return type != null && ALL.contains(type);
  }
}

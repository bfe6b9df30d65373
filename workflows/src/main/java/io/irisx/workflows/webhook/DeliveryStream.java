package io.irisx.workflows.webhook;

import java.util.List;

/**
 * Starts (or continues) the ordering workflow of one call's events to one endpoint.
 *
 * @param waiting deliveries carried over from the previous run, in order
 * @param recentlyStarted delivery ids already run, so a repeated signal does not run one twice
 */
public record DeliveryStream(
    String callId, String endpointId, List<QueuedDelivery> waiting, List<String> recentlyStarted) {

  public DeliveryStream {
    waiting = waiting == null ? List.of() : List.copyOf(waiting);
    recentlyStarted = recentlyStarted == null ? List.of() : List.copyOf(recentlyStarted);
  }

  public static DeliveryStream of(String callId, String endpointId) {
    return new DeliveryStream(callId, endpointId, List.of(), List.of());
  }

  public static String workflowId(String callId, String endpointId) {
    return "webhook-stream-" + callId + "-" + endpointId;
  }
}

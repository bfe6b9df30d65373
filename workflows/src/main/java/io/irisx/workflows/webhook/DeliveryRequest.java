package io.irisx.workflows.webhook;

/**
 * Starts a delivery workflow.
 *
 * @param deliveryId the delivery's row in {@code webhook_deliveries}
 * @param redelivery true when asked for through the API: a delivery that already ended is sent
 *     again, with the same {@code webhook-id}; false means a delivery that already ended is left
 *     alone (a repeated start is a no-op)
 */
public record DeliveryRequest(String deliveryId, boolean redelivery) {
  public static String workflowId(String deliveryId) {
    return "webhook-" + deliveryId;
  }
}

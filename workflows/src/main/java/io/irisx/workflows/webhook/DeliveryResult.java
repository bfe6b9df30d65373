package io.irisx.workflows.webhook;

/**
 * How a delivery workflow ended; its result in the Temporal UI.
 *
 * @param attempts the attempts this run made
 */
public record DeliveryResult(
    String deliveryId,
    DeliveryStatus status,
    int attempts,
    Integer lastResponseStatus,
    String error) {}

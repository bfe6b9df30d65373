package io.irisx.workflows.webhook;

/**
 * What a delivery workflow learns before its first attempt.
 *
 * @param firstAttemptNumber the number its first attempt gets (attempts are numbered across runs,
 *     so a redelivery continues after the earlier attempts)
 * @param status {@code PENDING} when there is something to send; a final status when the delivery
 *     already ended and this run is not a redelivery
 * @param tenantId the delivery's tenant, for its search attributes (null in histories recorded
 *     before they existed)
 * @param webhookEndpointId the endpoint it goes to
 * @param eventType the event it carries, e.g. {@code call.completed}
 */
public record DeliveryStart(
    int firstAttemptNumber,
    DeliveryStatus status,
    String tenantId,
    String webhookEndpointId,
    String eventType) {

  public DeliveryStart(int firstAttemptNumber, DeliveryStatus status) {
    this(firstAttemptNumber, status, null, null, null);
  }
}

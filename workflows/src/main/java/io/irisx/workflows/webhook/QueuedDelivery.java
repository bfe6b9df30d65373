package io.irisx.workflows.webhook;

import java.util.Comparator;

/** A delivery waiting its turn in its (call, endpoint) stream: lower sequence first. */
public record QueuedDelivery(String deliveryId, long sequence) {
  static final Comparator<QueuedDelivery> IN_ORDER =
      Comparator.comparingLong(QueuedDelivery::sequence).thenComparing(QueuedDelivery::deliveryId);
}

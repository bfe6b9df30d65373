package io.irisx.workflows.webhook;

import java.util.Comparator;

/**
 * A delivery waiting its turn among its call's events to one endpoint: lower sequence first.
 *
 * @param firstAttemptNumber the number its first attempt gets: 1 for a new delivery, after the
 *     recorded ones for a delivery the sweep restarts (0 in histories recorded before it existed,
 *     which means 1)
 */
public record QueuedDelivery(String deliveryId, long sequence, int firstAttemptNumber) {
  static final Comparator<QueuedDelivery> IN_ORDER =
      Comparator.comparingLong(QueuedDelivery::sequence).thenComparing(QueuedDelivery::deliveryId);

  public QueuedDelivery(String deliveryId, long sequence) {
    this(deliveryId, sequence, 1);
  }

  public QueuedDelivery {
    firstAttemptNumber = Math.max(1, firstAttemptNumber);
  }
}

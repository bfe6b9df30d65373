package io.irisx.workflows.webhook;

import java.util.List;

/**
 * What publishing an event did: its id (the envelope's {@code id}, also the {@code webhook-id}
 * header) and one delivery per endpoint it goes to (possibly none).
 */
public record PublishedEvent(String eventId, List<String> deliveryIds) {
  public PublishedEvent {
    deliveryIds = deliveryIds == null ? List.of() : List.copyOf(deliveryIds);
  }
}

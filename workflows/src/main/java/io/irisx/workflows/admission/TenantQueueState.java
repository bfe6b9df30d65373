package io.irisx.workflows.admission;

import java.util.List;

/** A tenant queue's input, and what it carries over when it continues as new. */
public record TenantQueueState(String tenantId, List<QueuedCall> waiting) {
  public TenantQueueState {
    waiting = waiting == null ? List.of() : List.copyOf(waiting);
  }
}

package io.irisx.worker.bench;

import io.irisx.activities.webhook.CallDeliveryHandOff;
import io.temporal.client.WorkflowClient;
import java.util.Arrays;

/**
 * The delivery shape a webhook bench publishes into. {@code call-webhooks} is what production does;
 * {@code stream} is the shape before it (a {@code WebhookStream} per call and endpoint, fed by
 * signal-with-start, running one {@code WebhookDelivery} child per event), which the worker still
 * runs so that streams begun before the change drain: the bench measures both on the same code.
 */
enum WebhookShape {
  CALL_WEBHOOKS("call-webhooks"),
  STREAM("stream");

  private final String flag;

  WebhookShape(String flag) {
    this.flag = flag;
  }

  String flag() {
    return flag;
  }

  /** Null for production's own hand-off, which the publisher makes itself. */
  CallDeliveryHandOff handOff(WorkflowClient temporal) {
    return this == STREAM ? new WebhookStreamHandOff(temporal) : null;
  }

  static WebhookShape ofFlag(String flag) {
    return Arrays.stream(values())
        .filter(shape -> shape.flag.equals(flag))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no webhook shape " + flag));
  }
}

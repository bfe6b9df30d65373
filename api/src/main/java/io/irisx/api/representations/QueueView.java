package io.irisx.api.representations;

import io.irisx.workflows.admission.QueuePosition;

/** Where a queued call waits for a slot under its tenant's limits: 1 is next. */
public record QueueView(int position, String since) {
  public static QueueView of(QueuePosition position) {
    return new QueueView(position.position(), CallView.time(position.since()));
  }
}

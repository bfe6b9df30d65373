package io.irisx.activities.webhook;

import io.irisx.db.webhook.OrphanedDelivery;
import io.irisx.db.webhook.WebhookDeliveryDao;
import io.irisx.workflows.webhook.QueuedDelivery;
import io.irisx.workflows.webhook.WebhookSweepActivities;
import io.temporal.client.WorkflowClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds pending deliveries nobody has attempted when due, and hands each back: a call's event to
 * its {@code CallWebhooks} workflow (its attempts numbered after the recorded ones), any other to
 * its own delivery workflow.
 */
public final class WebhookSweepActivitiesImpl implements WebhookSweepActivities {
  private static final Logger log = LoggerFactory.getLogger(WebhookSweepActivitiesImpl.class);

  /**
   * How long a due delivery may go unattempted before it counts as orphaned: well over a worker's
   * restart, so a live workflow is rarely handed what it already holds (it would ignore it).
   */
  public static final Duration GRACE = Duration.ofMinutes(2);

  private final Jdbi jdbi;
  private final WorkflowClient temporal;
  private final Clock clock;
  private final Duration grace;

  public WebhookSweepActivitiesImpl(
      Jdbi jdbi, WorkflowClient temporal, Clock clock, Duration grace) {
    this.jdbi = jdbi;
    this.temporal = temporal;
    this.clock = clock;
    this.grace = grace;
  }

  @Override
  public int restartOrphans(int limit) {
    List<OrphanedDelivery> orphans =
        jdbi.onDemand(WebhookDeliveryDao.class).findOrphans(clock.instant().minus(grace), limit);
    CallWebhooksStarter calls = new CallWebhooksStarter(temporal);
    for (OrphanedDelivery orphan : orphans) {
      if (orphan.callId() != null && orphan.sequence() != null) {
        calls.hand(
            orphan.tenantId().toString(),
            orphan.callId(),
            orphan.webhookId().toString(),
            new QueuedDelivery(
                orphan.id().toString(), orphan.sequence(), orphan.lastAttemptNumber() + 1));
      } else {
        startAlone(orphan);
      }
    }
    if (!orphans.isEmpty()) {
      log.warn("restarted {} webhook deliveries nobody was working on", orphans.size());
    }
    return orphans.size();
  }

  private void startAlone(OrphanedDelivery orphan) {
    String id = orphan.id().toString();
    new DeliveryWorkflowStarter(temporal).start(id, "delivery " + id + ", restarted by the sweep");
  }
}

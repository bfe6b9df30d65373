package io.irisx.workflows.webhook;

import io.irisx.temporal.ActivityCatalogue;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

@ActivityInterface
public interface WebhookSweepActivities {

  /**
   * Hands up to {@code limit} orphaned deliveries back to their workflows (idempotent: a workflow
   * that holds one ignores it); returns how many.
   */
  @ActivityMethod(name = ActivityCatalogue.RESTART_ORPHANED_DELIVERIES)
  int restartOrphans(int limit);
}

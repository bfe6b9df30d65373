package io.irisx.activities.webhook;

import io.irisx.activities.metrics.ActivityMeters;
import io.irisx.temporal.ActivityCatalogue;
import io.irisx.temporal.TaskQueues;
import io.irisx.workflows.webhook.CallWebhooksWorkflowImpl;
import io.irisx.workflows.webhook.WebhookDeliveryWorkflowImpl;
import io.irisx.workflows.webhook.WebhookSettings;
import io.irisx.workflows.webhook.WebhookStreamWorkflowImpl;
import io.irisx.workflows.webhook.WebhookSweepWorkflowImpl;
import io.irisx.workflows.webhook.WebhookUrlPolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * Puts the webhook workflows and activities on a worker's queues. The {@code irisx-webhooks} worker
 * runs the delivery and stream workflows and {@link WebhookDeliveryActivitiesImpl} (which starts
 * the delivery workflows of the notice a 410 makes); the {@code irisx-calls} worker runs {@link
 * WebhookPublishingImpl} (activity {@value ActivityCatalogue#PUBLISH_WEBHOOK_EVENT}, which call
 * workflows schedule) and, for the deliveries begun there before {@link TaskQueues#WEBHOOKS}
 * existed, the workflows too.
 */
public final class WebhookWorkerRegistration {
  private WebhookWorkerRegistration() {}

  public static void register(
      Worker calls, Worker webhooks, Jdbi jdbi, WorkflowClient temporal, WebhookSettings settings) {
    register(calls, webhooks, jdbi, temporal, settings, ActivityMeters.none());
  }

  /** As above, counting deliveries' outcomes on {@code meters}. */
  public static void register(
      Worker calls,
      Worker webhooks,
      Jdbi jdbi,
      WorkflowClient temporal,
      WebhookSettings settings,
      ActivityMeters meters) {
    WebhookUrlPolicy policy = new WebhookUrlPolicy(settings);
    WebhookDeliveryActivitiesImpl deliveries =
        new WebhookDeliveryActivitiesImpl(
            jdbi, new WebhookSender(policy, settings), Clock.systemUTC(), temporal, meters);
    for (Worker worker : new Worker[] {webhooks, calls}) {
      worker.registerWorkflowImplementationTypes(
          ActivityCatalogue.workflowImplementationOptions(),
          CallWebhooksWorkflowImpl.class,
          WebhookDeliveryWorkflowImpl.class,
          // No longer started; kept until the runs begun before CallWebhooks drain.
          WebhookStreamWorkflowImpl.class);
      worker.registerActivitiesImplementations(deliveries);
    }
    calls.registerActivitiesImplementations(
        new WebhookPublishingImpl(jdbi, temporal, policy, settings));
    webhooks.registerWorkflowImplementationTypes(
        ActivityCatalogue.workflowImplementationOptions(), WebhookSweepWorkflowImpl.class);
    webhooks.registerActivitiesImplementations(
        new WebhookSweepActivitiesImpl(
            jdbi, temporal, Clock.systemUTC(), WebhookSweepActivitiesImpl.GRACE));
  }
}

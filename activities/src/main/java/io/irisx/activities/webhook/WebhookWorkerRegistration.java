package io.irisx.activities.webhook;

import io.irisx.activities.metrics.ActivityMeters;
import io.irisx.temporal.ActivityCatalogue;
import io.irisx.workflows.webhook.WebhookDeliveryWorkflowImpl;
import io.irisx.workflows.webhook.WebhookSettings;
import io.irisx.workflows.webhook.WebhookStreamWorkflowImpl;
import io.irisx.workflows.webhook.WebhookUrlPolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * Puts the webhook workflows and activities on a worker (the {@code irisx-calls} one): the
 * delivery and stream workflows, {@link WebhookDeliveryActivitiesImpl} and
 * {@link WebhookPublishingImpl} (activity {@value ActivityCatalogue#PUBLISH_WEBHOOK_EVENT}).
 */
public final class WebhookWorkerRegistration {
  private WebhookWorkerRegistration() {}

  public static void register(Worker calls, Jdbi jdbi, WorkflowClient temporal, WebhookSettings settings) {
    register(calls, jdbi, temporal, settings, ActivityMeters.none());
  }

  /** As above, counting deliveries' outcomes on {@code meters}. */
  public static void register(
      Worker calls, Jdbi jdbi, WorkflowClient temporal, WebhookSettings settings, ActivityMeters meters) {
    WebhookUrlPolicy policy = new WebhookUrlPolicy(settings);
    calls.registerWorkflowImplementationTypes(
        ActivityCatalogue.workflowImplementationOptions(),
        WebhookDeliveryWorkflowImpl.class,
        WebhookStreamWorkflowImpl.class);
    calls.registerActivitiesImplementations(
        new WebhookDeliveryActivitiesImpl(jdbi, new WebhookSender(policy, settings), Clock.systemUTC(), meters),
        new WebhookPublishingImpl(jdbi, temporal, policy, settings));
  }
}

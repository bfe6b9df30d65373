package io.irisx.api.webhooks;

import io.dropwizard.jersey.setup.JerseyEnvironment;
import io.irisx.db.webhook.WebhookDao;
import io.irisx.db.webhook.WebhookDeliveryDao;
import io.irisx.workflows.webhook.WebhookSettings;
import io.irisx.workflows.webhook.WebhookUrlPolicy;
import io.temporal.client.WorkflowClient;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/** Registers {@code /v1/webhooks} and {@code /v1/webhook-deliveries} with their dependencies. */
public final class WebhookResources {
  private WebhookResources() {}

  public static void register(
      JerseyEnvironment jersey,
      Jdbi jdbi,
      WorkflowClient temporal,
      WebhookSettings settings,
      Clock clock) {
    jersey.register(
        new WebhooksResource(
            jdbi.onDemand(WebhookDao.class), new WebhookUrlPolicy(settings), clock));
    jersey.register(
        new WebhookDeliveriesResource(jdbi.onDemand(WebhookDeliveryDao.class), temporal));
  }
}

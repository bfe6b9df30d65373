package io.irisx.activities.webhook;

import io.irisx.db.CallDao;
import io.irisx.db.Jdbis;
import io.irisx.db.Migrations;
import io.irisx.db.TenantDao;
import io.irisx.db.webhook.WebhookAttemptRow;
import io.irisx.db.webhook.WebhookDao;
import io.irisx.db.webhook.WebhookDeliveryDao;
import io.irisx.db.webhook.WebhookDeliveryRow;
import io.irisx.temporal.ActivityCatalogue;
import io.irisx.temporal.TaskQueues;
import io.irisx.workflows.webhook.CallEventRecord;
import io.irisx.workflows.webhook.CallWebhooksWorkflow;
import io.irisx.workflows.webhook.CallWebhooksWorkflowImpl;
import io.irisx.workflows.webhook.DeliveryRequest;
import io.irisx.workflows.webhook.DeliveryResult;
import io.irisx.workflows.webhook.PublishedEvent;
import io.irisx.workflows.webhook.WebhookDeliveryWorkflowImpl;
import io.irisx.workflows.webhook.WebhookSettings;
import io.irisx.workflows.webhook.WebhookStreamWorkflowImpl;
import io.irisx.workflows.webhook.WebhookSweepWorkflow;
import io.irisx.workflows.webhook.WebhookSweepWorkflowImpl;
import io.irisx.workflows.webhook.WebhookUrlPolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Everything a webhook test runs against, all real: PostgreSQL (embedded, migrated), Temporal's
 * test server with time skipping, the worker registered as production registers it, and the
 * activities sending real HTTP. One per test class; {@link #startTemporal} per test.
 */
final class WebhookTestBed implements AutoCloseable {
  record Endpoint(UUID id, String secret) {}

  final EmbeddedPostgres postgres;
  final Jdbi jdbi;
  TestWorkflowEnvironment env;
  WorkflowClient client;
  WebhookSender sender;

  WebhookTestBed() {
    try {
      postgres = EmbeddedPostgres.start();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Migrations.apply(postgres.getPostgresDatabase());
    jdbi = Jdbis.create(postgres.getPostgresDatabase());
  }

  /** Local receivers allowed, the given request timeout; names resolve as {@code resolver} says. */
  void startTemporal(WebhookSettings settings, WebhookUrlPolicy.Resolver resolver) {
    env = TestWorkflowEnvironment.newInstance();
    // The delivery workflow upserts IRISX's search attributes; the namespace must know them.
    io.irisx.temporal.SearchAttributeCatalogue.registrations()
        .forEach(env::registerSearchAttribute);
    client = env.getWorkflowClient();
    WebhookUrlPolicy policy = new WebhookUrlPolicy(settings, resolver);
    sender = new WebhookSender(policy, settings);
    // As the worker registers them: streams and deliveries on their own queue, publishing on the
    // calls one.
    WebhookDeliveryActivitiesImpl deliveries =
        new WebhookDeliveryActivitiesImpl(jdbi, sender, Clock.systemUTC(), client);
    Worker webhooks = env.newWorker(TaskQueues.WEBHOOKS);
    webhooks.registerWorkflowImplementationTypes(
        ActivityCatalogue.workflowImplementationOptions(),
        CallWebhooksWorkflowImpl.class,
        WebhookDeliveryWorkflowImpl.class,
        WebhookStreamWorkflowImpl.class);
    webhooks.registerActivitiesImplementations(deliveries);
    // The test server has no schedules: a test runs the sweep itself, and to it every pending
    // delivery not due in the next minutes is already stale.
    webhooks.registerWorkflowImplementationTypes(
        ActivityCatalogue.workflowImplementationOptions(), WebhookSweepWorkflowImpl.class);
    webhooks.registerActivitiesImplementations(
        new WebhookSweepActivitiesImpl(
            jdbi,
            client,
            Clock.offset(Clock.systemUTC(), java.time.Duration.ofMinutes(10)),
            WebhookSweepActivitiesImpl.GRACE));
    Worker worker = env.newWorker(TaskQueues.CALLS);
    worker.registerWorkflowImplementationTypes(
        ActivityCatalogue.workflowImplementationOptions(),
        CallWebhooksWorkflowImpl.class,
        WebhookDeliveryWorkflowImpl.class,
        WebhookStreamWorkflowImpl.class,
        PublishEventsWorkflow.Impl.class);
    worker.registerActivitiesImplementations(
        deliveries, new WebhookPublishingImpl(jdbi, client, policy, settings));
    env.start();
  }

  void startTemporal(WebhookSettings settings) {
    startTemporal(settings, InetAddress::getAllByName);
  }

  void stopTemporal() {
    if (env != null) {
      env.close();
      sender.close();
      env = null;
    }
  }

  UUID newTenant() {
    UUID id = UUID.randomUUID();
    jdbi.onDemand(TenantDao.class).insert(id, "tenant " + id);
    return id;
  }

  UUID newCall(UUID tenant) {
    UUID id = UUID.randomUUID();
    jdbi.onDemand(CallDao.class)
        .insertQueued(id, tenant, "+15550100", "+15550111", "hello", Instant.now());
    return id;
  }

  Endpoint newEndpoint(UUID tenant, String url, String... events) {
    UUID id = UUID.randomUUID();
    String secret = WebhookSecret.generate().reveal();
    jdbi.onDemand(WebhookDao.class).insert(id, tenant, url, "test receiver", events, secret);
    return new Endpoint(id, secret);
  }

  static CallEventRecord event(UUID tenant, UUID call, long sequence, String type) {
    return new CallEventRecord(
        tenant.toString(),
        call == null ? null : call.toString(),
        sequence,
        type,
        Instant.now().truncatedTo(ChronoUnit.MILLIS),
        Map.of("status", type, "sequence", sequence),
        null);
  }

  /** Publishes the events in order from a workflow, exactly as the call workflow would. */
  List<PublishedEvent> publish(CallEventRecord... events) {
    PublishEventsWorkflow workflow =
        client.newWorkflowStub(
            PublishEventsWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId("publish-" + UUID.randomUUID())
                .setTaskQueue(TaskQueues.CALLS)
                .build());
    return workflow.publish(List.of(events));
  }

  /**
   * Waits (skipping time) until the call's webhooks to the endpoint have nothing left to deliver:
   * the latest run of its workflow ends when nothing waits.
   */
  void awaitStream(UUID call, UUID endpoint) {
    client
        .newUntypedWorkflowStub(
            CallWebhooksWorkflow.workflowId(call.toString(), endpoint.toString()))
        .getResult(Void.class);
  }

  /** Runs the sweep once, as its schedule would; returns how many deliveries it restarted. */
  int sweep() {
    return client
        .newWorkflowStub(
            WebhookSweepWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(WebhookSweepWorkflow.WORKFLOW_ID + "-" + UUID.randomUUID())
                .setTaskQueue(TaskQueues.WEBHOOKS)
                .build())
        .sweep();
  }

  DeliveryResult awaitDelivery(String deliveryId) {
    return client
        .newUntypedWorkflowStub(DeliveryRequest.workflowId(deliveryId))
        .getResult(DeliveryResult.class);
  }

  WebhookDeliveryRow delivery(String deliveryId) {
    return jdbi.onDemand(WebhookDeliveryDao.class)
        .findById(UUID.fromString(deliveryId))
        .orElseThrow();
  }

  List<WebhookAttemptRow> attempts(String deliveryId) {
    WebhookDeliveryRow row = delivery(deliveryId);
    return jdbi.onDemand(WebhookDeliveryDao.class).listAttempts(row.tenantId(), row.id());
  }

  @Override
  public void close() throws Exception {
    stopTemporal();
    postgres.close();
  }
}

package io.irisx.api.webhooks;

import io.dropwizard.auth.Auth;
import io.irisx.api.auth.AuthenticatedTenant;
import io.irisx.api.errors.ProblemException;
import io.irisx.api.errors.ProblemType;
import io.irisx.api.paging.PageCursor;
import io.irisx.api.paging.Pages;
import io.irisx.api.paging.ResourceIds;
import io.irisx.api.representations.Page;
import io.irisx.db.webhook.DeliveryFilter;
import io.irisx.db.webhook.WebhookDeliveryDao;
import io.irisx.db.webhook.WebhookDeliveryRow;
import io.irisx.temporal.TaskQueues;
import io.irisx.workflows.webhook.DeliveryRequest;
import io.irisx.workflows.webhook.WebhookDeliveryWorkflow;
import io.irisx.workflows.webhook.WebhookEventTypes;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /v1/webhook-deliveries}: what happened to each event sent to each endpoint, attempt by
 * attempt, and manual redelivery.
 */
@Path("/v1/webhook-deliveries")
@Produces(MediaType.APPLICATION_JSON)
public final class WebhookDeliveriesResource {
  private static final Logger log = LoggerFactory.getLogger(WebhookDeliveriesResource.class);
  static final Set<String> STATUSES = Set.of("pending", "succeeded", "failed", "canceled");

  private final WebhookDeliveryDao deliveries;
  private final WorkflowClient temporal;

  public WebhookDeliveriesResource(WebhookDeliveryDao deliveries, WorkflowClient temporal) {
    this.deliveries = deliveries;
    this.temporal = temporal;
  }

  /**
   * Newest first; {@code since} (inclusive) and {@code until} (exclusive) bound the creation time.
   */
  @GET
  public Page<DeliveryView> list(
      @Auth AuthenticatedTenant tenant,
      @QueryParam("endpointId") String endpointId,
      @QueryParam("status") String status,
      @QueryParam("eventType") String eventType,
      @QueryParam("callId") String callId,
      @QueryParam("since") String since,
      @QueryParam("until") String until,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    DeliveryFilter filter =
        DeliveryFilter.of(tenant.tenantId())
            .withWebhook(uuidParam("endpointId", endpointId))
            .withStatus(oneOf("status", status, STATUSES))
            .withEventType(oneOf("eventType", eventType, WebhookEventTypes.ALL))
            .withCall(uuidParam("callId", callId))
            .between(instant("since", since), instant("until", until));
    return Pages.page(
        limit,
        cursor,
        (createdAt, id, n) -> deliveries.list(filter.after(createdAt, id), n),
        row -> new PageCursor(row.createdAt(), row.id()),
        DeliveryView::of);
  }

  @GET
  @Path("{id}")
  public DeliveryView get(@Auth AuthenticatedTenant tenant, @PathParam("id") String id) {
    WebhookDeliveryRow row = find(tenant, id);
    return DeliveryView.of(row, deliveries.listAttempts(tenant.tenantId(), row.id()));
  }

  /**
   * Sends the delivery again, whatever its outcome, with the same {@code webhook-id} and body: a
   * new run of workflow {@code webhook-<id>}, on the full retry schedule. 409 while the delivery is
   * pending (a workflow is on it) or a redelivery is under way.
   */
  @POST
  @Path("{id}/retry")
  public Response retry(@Auth AuthenticatedTenant tenant, @PathParam("id") String id) {
    WebhookDeliveryRow row = find(tenant, id);
    String deliveryId = row.id().toString();
    if (!row.isFinal()) {
      // Pending: its call's CallWebhooks workflow (or the sweep) is on it; a second run would race.
      throw new ProblemException(
          ProblemType.DELIVERY_IN_PROGRESS,
          "Delivery " + deliveryId + " is being attempted now; retry once it has ended.");
    }
    WebhookDeliveryWorkflow workflow =
        temporal.newWorkflowStub(
            WebhookDeliveryWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(DeliveryRequest.workflowId(deliveryId))
                .setTaskQueue(TaskQueues.WEBHOOKS)
                .setWorkflowIdConflictPolicy(
                    WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_FAIL)
                .setStaticSummary("redelivery of " + row.eventType() + " requested through the API")
                .build());
    try {
      WorkflowClient.start(workflow::deliver, new DeliveryRequest(deliveryId, true));
    } catch (WorkflowExecutionAlreadyStarted running) {
      throw new ProblemException(
          ProblemType.DELIVERY_IN_PROGRESS,
          "Delivery " + deliveryId + " is being attempted now; retry once it has ended.");
    } catch (RuntimeException unavailable) {
      log.warn("redelivery of {} could not be started", deliveryId, unavailable);
      throw new ProblemException(
              ProblemType.REDELIVERY_UNAVAILABLE,
              "The redelivery could not be started; try again shortly.")
          .causedBy(unavailable);
    }
    return Response.accepted(DeliveryView.of(row)).build();
  }

  private WebhookDeliveryRow find(AuthenticatedTenant tenant, String id) {
    return ResourceIds.parse(id)
        .flatMap(deliveryId -> deliveries.find(tenant.tenantId(), deliveryId))
        .orElseThrow(
            () ->
                new ProblemException(
                    ProblemType.NOT_FOUND, "No webhook delivery " + ResourceIds.shown(id) + "."));
  }

  private static @Nullable UUID uuidParam(String name, @Nullable String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    return ResourceIds.parse(value)
        .orElseThrow(() -> ProblemException.validation(name, "must be a UUID"));
  }

  private static @Nullable String oneOf(String name, @Nullable String value, Set<String> allowed) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (!allowed.contains(value)) {
      throw ProblemException.validation(
          name, "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
    }
    return value;
  }

  private static @Nullable Instant instant(String name, @Nullable String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ProblemException.validation(
          name, "must be an ISO-8601 UTC time such as 2026-01-31T12:00:00Z");
    }
  }
}

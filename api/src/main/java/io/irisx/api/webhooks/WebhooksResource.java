package io.irisx.api.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.auth.Auth;
import io.irisx.api.auth.AuthenticatedTenant;
import io.irisx.api.errors.ProblemException;
import io.irisx.api.errors.ProblemType;
import io.irisx.api.paging.PageCursor;
import io.irisx.api.paging.Pages;
import io.irisx.api.paging.ResourceIds;
import io.irisx.api.representations.Page;
import io.irisx.api.representations.RequestFields;
import io.irisx.db.webhook.WebhookDao;
import io.irisx.db.webhook.WebhookRow;
import io.irisx.workflows.webhook.WebhookEventTypes;
import io.irisx.workflows.webhook.WebhookUrlPolicy;
import io.irisx.workflows.webhook.WebhookUrlRefusedException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /v1/webhooks}: the tenant's webhook endpoints. A URL is checked against the address policy
 * on create and update; the signing secret is returned on create and on rotation only.
 */
@Path("/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
public final class WebhooksResource {
  static final Set<String> FIELDS = Set.of("url", "events", "description");
  static final Set<String> ROTATE_FIELDS = Set.of("overlapSeconds");
  static final int MAX_DESCRIPTION_LENGTH = 500;
  static final long DEFAULT_OVERLAP_SECONDS = Duration.ofHours(24).toSeconds();
  static final long MAX_OVERLAP_SECONDS = Duration.ofDays(7).toSeconds();

  private final WebhookDao webhooks;
  private final WebhookUrlPolicy policy;
  private final Clock clock;

  public WebhooksResource(WebhookDao webhooks, WebhookUrlPolicy policy, Clock clock) {
    this.webhooks = webhooks;
    this.policy = policy;
    this.clock = clock;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(
      @Auth AuthenticatedTenant tenant, JsonNode body, @Context UriInfo uriInfo) {
    RequestFields fields = RequestFields.of(body, FIELDS);
    String url = fields.text("url", true, WebhookUrlPolicy.MAX_URL_LENGTH);
    List<String> events = events(fields);
    String description = fields.text("description", false, MAX_DESCRIPTION_LENGTH);
    fields.check();
    url = RequestFields.present(url);
    checkUrl(url);
    UUID id = UUID.randomUUID();
    webhooks.insert(
        id,
        tenant.tenantId(),
        url,
        description,
        events.toArray(String[]::new),
        WebhookSecrets.generate());
    WebhookRow row = webhooks.find(tenant.tenantId(), id).orElseThrow();
    return Response.created(
            uriInfo.getBaseUriBuilder().path(WebhooksResource.class).path(id.toString()).build())
        .entity(WebhookView.withSecret(row))
        .build();
  }

  @GET
  public Page<WebhookView> list(
      @Auth AuthenticatedTenant tenant,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return Pages.page(
        limit,
        cursor,
        (createdAt, id, n) -> webhooks.listNewestFirst(tenant.tenantId(), createdAt, id, n),
        row -> new PageCursor(row.createdAt(), row.id()),
        WebhookView::of);
  }

  @GET
  @Path("{id}")
  public WebhookView get(@Auth AuthenticatedTenant tenant, @PathParam("id") String id) {
    return WebhookView.of(find(tenant, id));
  }

  /** Changes the fields given; {@code "events": []} subscribes to every type. */
  @PATCH
  @Path("{id}")
  @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
  public WebhookView update(
      @Auth AuthenticatedTenant tenant, @PathParam("id") String id, JsonNode body) {
    WebhookRow row = find(tenant, id);
    RequestFields fields = RequestFields.of(body, FIELDS);
    String url =
        fields.has("url") ? fields.text("url", true, WebhookUrlPolicy.MAX_URL_LENGTH) : null;
    List<String> events = fields.has("events") ? events(fields) : null;
    String description = fields.text("description", false, MAX_DESCRIPTION_LENGTH);
    fields.check();
    if (WebhookRow.SOURCE_CALL.equals(row.source()) && (url != null || events != null)) {
      throw ProblemException.validation(
          url != null ? "url" : "events",
          "cannot change on an endpoint made for a call's webhookUrl");
    }
    if (url != null) {
      checkUrl(url);
    }
    webhooks.update(
        tenant.tenantId(),
        row.id(),
        url,
        description,
        events == null ? null : events.toArray(String[]::new));
    return WebhookView.of(
        webhooks.find(tenant.tenantId(), row.id()).orElseThrow(() -> notFound(id)));
  }

  @POST
  @Path("{id}/disable")
  public WebhookView disable(@Auth AuthenticatedTenant tenant, @PathParam("id") String id) {
    WebhookRow row = find(tenant, id);
    webhooks.setStatus(
        tenant.tenantId(), row.id(), WebhookRow.DISABLED, "disabled through the API");
    return WebhookView.of(
        webhooks.find(tenant.tenantId(), row.id()).orElseThrow(() -> notFound(id)));
  }

  /** Enables the endpoint again (also after a 410 Gone); the URL is checked again first. */
  @POST
  @Path("{id}/enable")
  public WebhookView enable(@Auth AuthenticatedTenant tenant, @PathParam("id") String id) {
    WebhookRow row = find(tenant, id);
    checkUrl(row.url());
    webhooks.setStatus(tenant.tenantId(), row.id(), WebhookRow.ENABLED, null);
    return WebhookView.of(
        webhooks.find(tenant.tenantId(), row.id()).orElseThrow(() -> notFound(id)));
  }

  /** Deletes the endpoint; deliveries still waiting for it end {@code canceled}. */
  @DELETE
  @Path("{id}")
  public Response delete(@Auth AuthenticatedTenant tenant, @PathParam("id") String id) {
    WebhookRow row = find(tenant, id);
    webhooks.delete(tenant.tenantId(), row.id());
    return Response.noContent().build();
  }

  /**
   * A new secret, returned once. The previous one keeps signing too (each request then carries both
   * signatures) for {@code overlapSeconds} (default 24 h, at most 7 days; 0 ends it now).
   */
  @POST
  @Path("{id}/rotate-secret")
  public WebhookView rotateSecret(
      @Auth AuthenticatedTenant tenant, @PathParam("id") String id, JsonNode body) {
    WebhookRow row = find(tenant, id);
    long overlap = DEFAULT_OVERLAP_SECONDS;
    if (body != null && !body.isNull() && !body.isMissingNode()) {
      RequestFields fields = RequestFields.of(body, ROTATE_FIELDS);
      JsonNode value = body.get("overlapSeconds");
      if (value != null && !value.isNull()) {
        if (!value.canConvertToLong()
            || !RequestFields.isWhole(value)
            || value.asLong() < 0
            || value.asLong() > MAX_OVERLAP_SECONDS) {
          fields.error("overlapSeconds", "must be a whole number from 0 to " + MAX_OVERLAP_SECONDS);
        } else {
          overlap = value.asLong();
        }
      }
      fields.check();
    }
    webhooks.rotateSecret(
        tenant.tenantId(),
        row.id(),
        WebhookSecrets.generate(),
        clock.instant().plusSeconds(overlap));
    return WebhookView.withSecret(
        webhooks.find(tenant.tenantId(), row.id()).orElseThrow(() -> notFound(id)));
  }

  private static List<String> events(RequestFields fields) {
    List<String> events = fields.strings("events", WebhookEventTypes.ALL.size(), 100);
    for (int i = 0; i < events.size(); i++) {
      if (!WebhookEventTypes.isKnown(events.get(i))) {
        fields.error(
            "events[" + i + "]",
            "is not an event type; known: "
                + String.join(", ", WebhookEventTypes.ALL.stream().sorted().toList()));
      }
    }
    return events;
  }

  private void checkUrl(String url) {
    try {
      policy.check(url);
    } catch (WebhookUrlRefusedException refused) {
      throw new ProblemException(
          ProblemType.WEBHOOK_URL_REFUSED, "The URL is refused: " + refused.getMessage() + ".");
    }
  }

  private WebhookRow find(AuthenticatedTenant tenant, String id) {
    return ResourceIds.parse(id)
        .flatMap(webhookId -> webhooks.find(tenant.tenantId(), webhookId))
        .orElseThrow(() -> notFound(id));
  }

  private static ProblemException notFound(String id) {
    return new ProblemException(ProblemType.NOT_FOUND, "No webhook " + ResourceIds.shown(id) + ".");
  }
}

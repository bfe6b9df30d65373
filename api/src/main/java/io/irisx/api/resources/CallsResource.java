package io.irisx.api.resources;

import io.dropwizard.auth.Auth;
import io.irisx.api.auth.AuthenticatedTenant;
import io.irisx.api.calls.CallController;
import io.irisx.api.calls.CallStarter;
import io.irisx.api.errors.ProblemException;
import io.irisx.api.errors.ProblemType;
import io.irisx.api.idempotency.IdempotencyFilter;
import io.irisx.api.paging.PageCursor;
import io.irisx.api.paging.Pages;
import io.irisx.api.representations.CallView;
import io.irisx.api.representations.LiveCallView;
import io.irisx.api.representations.Page;
import io.irisx.api.representations.QueueView;
import io.irisx.api.representations.StartCallBody;
import io.irisx.db.CallDao;
import io.irisx.db.CallRow;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /v1/calls}: start a call, fetch one, list them. Every read is scoped to the caller's
 * tenant.
 */
@Path("/v1/calls")
@Produces(MediaType.APPLICATION_JSON)
public final class CallsResource {
  private final CallStarter starter;
  private final CallDao calls;
  private final CallController controller;

  public CallsResource(CallStarter starter, CallDao calls, CallController controller) {
    this.starter = starter;
    this.calls = calls;
    this.controller = controller;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response start(
      @Auth AuthenticatedTenant tenant,
      StartCallBody body,
      @HeaderParam(IdempotencyFilter.HEADER) String idempotencyKey,
      @Context UriInfo uriInfo) {
    CallRow call = starter.start(tenant, body, idempotencyKey);
    return Response.created(
            uriInfo
                .getBaseUriBuilder()
                .path(CallsResource.class)
                .path(call.id().toString())
                .build())
        .entity(CallView.of(call))
        .build();
  }

  @GET
  @Path("{id}")
  public CallView get(@Auth AuthenticatedTenant tenant, @PathParam("id") String id) {
    return parseId(id)
        .flatMap(callId -> calls.find(tenant.tenantId(), callId))
        // While the call is up, its workflow adds what it knows now (e.g. the flow a redirect
        // started).
        .map(
            row ->
                CallView.of(row)
                    .withLive(controller.liveState(row).map(LiveCallView::of).orElse(null))
                    .withQueue(controller.queuePosition(row).map(QueueView::of).orElse(null)))
        .orElseThrow(
            () -> new ProblemException(ProblemType.NOT_FOUND, "No call " + shorten(id) + "."));
  }

  /**
   * Newest first. Optional filters: {@code status}, {@code direction}, {@code from}, {@code to},
   * {@code flow}, {@code createdFrom} (inclusive) and {@code createdTo} (exclusive); a cursor pages
   * within the same filters.
   */
  @GET
  public Page<CallView> list(
      @Auth AuthenticatedTenant tenant,
      @QueryParam("limit") String limitParam,
      @QueryParam("cursor") String cursorParam,
      @QueryParam("status") String status,
      @QueryParam("direction") String direction,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("flow") String flow,
      @QueryParam("createdFrom") String createdFrom,
      @QueryParam("createdTo") String createdTo) {
    io.irisx.db.CallFilter filter =
        io.irisx.api.calls.CallListFilters.parse(
            tenant.tenantId(),
            status,
            direction,
            from,
            to,
            flow,
            "createdFrom",
            createdFrom,
            "createdTo",
            createdTo);
    return Pages.page(
        limitParam,
        cursorParam,
        (createdAt, id, limit) -> calls.listNewestFirst(filter, createdAt, id, limit),
        row -> new PageCursor(row.createdAt(), row.id()),
        CallView::of);
  }

  private static Optional<UUID> parseId(String id) {
    try {
      UUID uuid = UUID.fromString(id);
      // UUID.fromString accepts shortened forms such as "1-2-3-4-5"; only the canonical one is an
      // id.
      return uuid.toString().equalsIgnoreCase(id) ? Optional.of(uuid) : Optional.empty();
    } catch (IllegalArgumentException notAnId) {
      return Optional.empty();
    }
  }

  private static String shorten(String id) {
    return id.length() <= 40 ? id : id.substring(0, 40) + "…";
  }
}

package io.irisx.api.resources;

import io.dropwizard.auth.Auth;
import io.irisx.api.auth.AuthenticatedTenant;
import io.irisx.api.calls.CallCursor;
import io.irisx.api.calls.CallStarter;
import io.irisx.api.errors.ProblemException;
import io.irisx.api.errors.ProblemType;
import io.irisx.api.representations.CallPage;
import io.irisx.api.representations.CallView;
import io.irisx.api.representations.StartCallBody;
import io.irisx.db.CallDao;
import io.irisx.db.CallRow;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@code /v1/calls}: start a call, fetch one, list them. Every read is scoped to the caller's tenant. */
@Path("/v1/calls")
@Produces(MediaType.APPLICATION_JSON)
public final class CallsResource {
  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;

  private final CallStarter starter;
  private final CallDao calls;

  public CallsResource(CallStarter starter, CallDao calls) {
    this.starter = starter;
    this.calls = calls;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response start(
      @Auth AuthenticatedTenant tenant, StartCallBody body, @Context UriInfo uriInfo) {
    CallRow call = starter.start(tenant, body);
    return Response.created(
            uriInfo.getBaseUriBuilder().path(CallsResource.class).path(call.id().toString()).build())
        .entity(CallView.of(call))
        .build();
  }

  @GET
  @Path("{id}")
  public CallView get(@Auth AuthenticatedTenant tenant, @PathParam("id") String id) {
    return parseId(id)
        .flatMap(callId -> calls.find(tenant.tenantId(), callId))
        .map(CallView::of)
        .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No call " + shorten(id) + "."));
  }

  @GET
  public CallPage list(
      @Auth AuthenticatedTenant tenant,
      @QueryParam("limit") String limitParam,
      @QueryParam("cursor") String cursorParam) {
    int limit = parseLimit(limitParam);
    CallCursor cursor =
        cursorParam == null || cursorParam.isEmpty() ? null : CallCursor.decode(cursorParam);
    // One row more than asked for says whether there is a next page.
    List<CallRow> rows =
        calls.listNewestFirst(
            tenant.tenantId(),
            cursor == null ? null : cursor.createdAt(),
            cursor == null ? null : cursor.id(),
            limit + 1);
    boolean more = rows.size() > limit;
    List<CallRow> page = more ? rows.subList(0, limit) : rows;
    String next = more ? CallCursor.after(page.get(page.size() - 1)).encode() : null;
    return new CallPage(page.stream().map(CallView::of).toList(), next);
  }

  private static int parseLimit(String limit) {
    if (limit == null || limit.isEmpty()) {
      return DEFAULT_LIMIT;
    }
    try {
      int value = Integer.parseInt(limit);
      if (value >= 1 && value <= MAX_LIMIT) {
        return value;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    throw ProblemException.validation("limit", "must be a whole number from 1 to " + MAX_LIMIT);
  }

  private static Optional<UUID> parseId(String id) {
    try {
      UUID uuid = UUID.fromString(id);
      // UUID.fromString accepts shortened forms such as "1-2-3-4-5"; only the canonical one is an id.
      return uuid.toString().equalsIgnoreCase(id) ? Optional.of(uuid) : Optional.empty();
    } catch (IllegalArgumentException notAnId) {
      return Optional.empty();
    }
  }

  private static String shorten(String id) {
    return id.length() <= 40 ? id : id.substring(0, 40) + "…";
  }
}

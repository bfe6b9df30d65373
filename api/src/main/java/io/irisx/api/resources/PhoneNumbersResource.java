package io.irisx.api.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.auth.Auth;
import io.irisx.api.auth.AuthenticatedTenant;
import io.irisx.api.errors.ProblemException;
import io.irisx.api.errors.ProblemType;
import io.irisx.api.paging.PageCursor;
import io.irisx.api.paging.Pages;
import io.irisx.api.paging.ResourceIds;
import io.irisx.api.representations.JsonText;
import io.irisx.api.representations.Page;
import io.irisx.api.representations.PhoneNumberView;
import io.irisx.api.representations.RequestFields;
import io.irisx.db.PhoneNumberDao;
import io.irisx.db.PhoneNumberRow;
import io.irisx.workflows.flow.CallFlows;
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
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /v1/phone-numbers}: the tenant's numbers (DIDs) and the flow each number's inbound calls
 * run. A number belongs to at most one tenant at a time; deleting it (soft) stops its routing at
 * once and frees the number.
 */
@Path("/v1/phone-numbers")
@Produces(MediaType.APPLICATION_JSON)
public final class PhoneNumbersResource {
  static final int MAX_FRIENDLY_NAME_LENGTH = 255;
  static final int MAX_FLOW_NAME_LENGTH = 100;
  static final int MAX_PARAMS_BYTES = io.irisx.api.requests.FlowParamsLimit.MAX_PARAMS_BYTES;
  static final String MERGE_PATCH_JSON = "application/merge-patch+json";

  private final Jdbi jdbi;
  private final PhoneNumberDao numbers;
  private final CallFlows flows;
  private final io.irisx.api.requests.FlowParamsValidator params;
  private final Clock clock;

  public PhoneNumbersResource(
      Jdbi jdbi, CallFlows flows, io.irisx.api.requests.FlowParamsValidator params, Clock clock) {
    this.jdbi = jdbi;
    this.numbers = jdbi.onDemand(PhoneNumberDao.class);
    this.flows = flows;
    this.params = params;
    this.clock = clock;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(
      @Auth AuthenticatedTenant tenant, JsonNode body, @Context UriInfo uriInfo) {
    RequestFields fields =
        RequestFields.of(body, Set.of("number", "flow", "params", "friendlyName"));
    String number = fields.e164("number", true);
    String flow = fields.text("flow", true, MAX_FLOW_NAME_LENGTH);
    Map<String, Object> params = fields.object("params", MAX_PARAMS_BYTES);
    String friendlyName = fields.text("friendlyName", false, MAX_FRIENDLY_NAME_LENGTH);
    fields.check();
    flow = RequestFields.present(flow);
    requireKnownFlow(flow);
    requireValidParams(flow, params);

    PhoneNumberRow row =
        numbers
            .insert(
                UUID.randomUUID(),
                tenant.tenantId(),
                RequestFields.present(number),
                friendlyName,
                flow,
                JsonText.write(params),
                clock.instant().truncatedTo(ChronoUnit.MILLIS))
            .orElseThrow(
                () ->
                    new ProblemException(
                        ProblemType.PHONE_NUMBER_TAKEN,
                        "The number "
                            + number
                            + " is already in use; a number belongs to one tenant."));
    return Response.created(
            uriInfo
                .getBaseUriBuilder()
                .path(PhoneNumbersResource.class)
                .path(row.id().toString())
                .build())
        .entity(PhoneNumberView.of(row))
        .build();
  }

  @GET
  public Page<PhoneNumberView> list(
      @Auth AuthenticatedTenant tenant,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return Pages.page(
        limit,
        cursor,
        (createdAt, id, rows) -> numbers.listNewestFirst(tenant.tenantId(), createdAt, id, rows),
        row -> new PageCursor(row.createdAt(), row.id()),
        PhoneNumberView::of);
  }

  @GET
  @Path("{id}")
  public PhoneNumberView get(@Auth AuthenticatedTenant tenant, @PathParam("id") String id) {
    return ResourceIds.parse(id)
        .flatMap(numberId -> numbers.find(tenant.tenantId(), numberId))
        .map(PhoneNumberView::of)
        .orElseThrow(() -> notFound(id));
  }

  /**
   * Changes {@code flow}, {@code params} and {@code friendlyName}: the fields present are replaced
   * (params as a whole; null clears params and friendlyName), the others are kept.
   */
  @PATCH
  @Path("{id}")
  @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH_JSON})
  public PhoneNumberView update(
      @Auth AuthenticatedTenant tenant, @PathParam("id") String id, JsonNode body) {
    UUID numberId = ResourceIds.parse(id).orElseThrow(() -> notFound(id));
    // Another tenant's number is "not found" before anything about the body is said.
    if (numbers.find(tenant.tenantId(), numberId).isEmpty()) {
      throw notFound(id);
    }
    RequestFields fields =
        RequestFields.of(body, Set.of("number", "flow", "params", "friendlyName"));
    if (fields.has("number")) {
      fields.error("number", "cannot be changed; delete the number and add the new one");
    }
    String flow = fields.has("flow") ? fields.text("flow", true, MAX_FLOW_NAME_LENGTH) : null;
    Map<String, Object> params = fields.object("params", MAX_PARAMS_BYTES);
    String friendlyName = fields.text("friendlyName", false, MAX_FRIENDLY_NAME_LENGTH);
    fields.check();
    if (flow != null) {
      requireKnownFlow(flow);
    }
    PhoneNumberRow updated =
        jdbi.inTransaction(
            handle -> {
              PhoneNumberDao dao = handle.attach(PhoneNumberDao.class);
              PhoneNumberRow current =
                  dao.findForUpdate(tenant.tenantId(), numberId).orElseThrow(() -> notFound(id));
              // The number's params and flow as they will be, checked together: a new flow is
              // checked against the params kept, new params against the flow kept.
              if (flow != null || fields.has("params")) {
                requireValidParams(
                    flow != null ? flow : current.flow(),
                    fields.has("params") ? params : JsonText.object(current.flowParamsJson()));
              }
              return dao.update(
                      tenant.tenantId(),
                      numberId,
                      flow != null ? flow : current.flow(),
                      fields.has("params") ? JsonText.write(params) : current.flowParamsJson(),
                      fields.has("friendlyName") ? friendlyName : current.friendlyName())
                  .orElseThrow(() -> notFound(id));
            });
    return PhoneNumberView.of(updated);
  }

  @DELETE
  @Path("{id}")
  public Response delete(@Auth AuthenticatedTenant tenant, @PathParam("id") String id) {
    UUID numberId = ResourceIds.parse(id).orElseThrow(() -> notFound(id));
    if (!numbers.softDelete(tenant.tenantId(), numberId, clock.instant())) {
      throw notFound(id);
    }
    return Response.noContent().build();
  }

  private void requireKnownFlow(String flow) {
    if (!flows.contains(flow)) {
      throw new ProblemException(
          ProblemType.UNKNOWN_FLOW,
          "No flow is registered as '"
              + (flow.length() <= 60 ? flow : flow.substring(0, 60) + "…")
              + "'; known flows: "
              + String.join(", ", flows.names())
              + ".");
    }
  }

  private void requireValidParams(String flow, Map<String, Object> given) {
    var problems = params.problems(flow, given);
    if (!problems.isEmpty()) {
      throw ProblemException.validation(problems);
    }
  }

  private static ProblemException notFound(String id) {
    return new ProblemException(
        ProblemType.NOT_FOUND, "No phone number " + ResourceIds.shown(id) + ".");
  }
}

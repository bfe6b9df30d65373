package io.irisx.api.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.auth.Auth;
import io.irisx.api.auth.ApiKeyIssuer;
import io.irisx.api.auth.ApiKeyScope;
import io.irisx.api.auth.AuthenticatedTenant;
import io.irisx.api.errors.ProblemException;
import io.irisx.api.errors.ProblemType;
import io.irisx.api.idempotency.SecretFields;
import io.irisx.api.paging.PageCursor;
import io.irisx.api.paging.Pages;
import io.irisx.api.paging.ResourceIds;
import io.irisx.api.representations.ApiKeyView;
import io.irisx.api.representations.Page;
import io.irisx.api.representations.RequestFields;
import io.irisx.db.ApiKeyDao;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.time.Clock;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /v1/api-keys}: the tenant's own keys. Listed by prefix (never the key or its hash), made
 * (the key is shown once, in the answer), revoked (it stops working at once: keys are checked
 * against the database on every request, nothing caches them).
 */
@Path("/v1/api-keys")
@Produces(MediaType.APPLICATION_JSON)
public final class ApiKeysResource {
  /** The body that makes a key: a name, and a scope ({@code full} unless told otherwise). */
  record NewKey(String name, ApiKeyScope scope) {
    static NewKey read(JsonNode body) {
      RequestFields fields = RequestFields.of(body, Set.of("name", "scope"));
      String name = fields.text("name", true, ApiKeyIssuer.MAX_NAME_LENGTH);
      String scopeName = fields.text("scope", false, 20);
      ApiKeyScope scope = ApiKeyScope.FULL;
      if (scopeName != null) {
        scope = ApiKeyScope.fromWireName(scopeName).orElse(null);
        if (scope == null) {
          fields.error("scope", "must be one of " + ApiKeyScope.wireNames());
        }
      }
      fields.check();
      return new NewKey(RequestFields.present(name).strip(), RequestFields.present(scope));
    }
  }

  private final ApiKeyDao keys;
  private final ApiKeyIssuer issuer;
  private final Clock clock;

  public ApiKeysResource(ApiKeyDao keys, ApiKeyIssuer issuer, Clock clock) {
    this.keys = keys;
    this.issuer = issuer;
    this.clock = clock;
  }

  @GET
  public Page<ApiKeyView> list(
      @Auth AuthenticatedTenant tenant,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return Pages.page(
        limit,
        cursor,
        (createdAt, id, rows) -> keys.listNewestFirst(tenant.tenantId(), createdAt, id, rows),
        row -> new PageCursor(row.createdAt(), row.id()),
        ApiKeyView::of);
  }

  @GET
  @Path("{id}")
  public ApiKeyView get(@Auth AuthenticatedTenant tenant, @PathParam("id") String id) {
    return ResourceIds.parse(id)
        .flatMap(keyId -> keys.findSummary(tenant.tenantId(), keyId))
        .map(ApiKeyView::of)
        .orElseThrow(() -> notFound(id));
  }

  @POST
  @SecretFields("key")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(
      @Auth AuthenticatedTenant tenant, JsonNode body, @Context UriInfo uriInfo) {
    NewKey request = NewKey.read(body);
    ApiKeyIssuer.IssuedKey issued =
        issuer.issue(keys, tenant.tenantId(), request.name(), request.scope());
    return Response.created(
            uriInfo
                .getBaseUriBuilder()
                .path(ApiKeysResource.class)
                .path(issued.summary().id().toString())
                .build())
        .entity(ApiKeyView.withKey(issued.summary(), issued.key()))
        .build();
  }

  @DELETE
  @Path("{id}")
  public Response revoke(@Auth AuthenticatedTenant tenant, @PathParam("id") String id) {
    UUID keyId = ResourceIds.parse(id).orElseThrow(() -> notFound(id));
    if (!keys.revoke(tenant.tenantId(), keyId, clock.instant())) {
      throw notFound(id);
    }
    return Response.noContent().build();
  }

  private static ProblemException notFound(String id) {
    return new ProblemException(ProblemType.NOT_FOUND, "No API key " + ResourceIds.shown(id) + ".");
  }
}

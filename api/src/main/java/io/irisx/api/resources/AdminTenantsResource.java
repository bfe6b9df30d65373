package io.irisx.api.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.irisx.api.auth.ApiKeyIssuer;
import io.irisx.api.auth.OperatorOnly;
import io.irisx.api.errors.ProblemException;
import io.irisx.api.errors.ProblemType;
import io.irisx.api.idempotency.SecretFields;
import io.irisx.api.paging.ResourceIds;
import io.irisx.api.representations.ApiKeyView;
import io.irisx.api.representations.RequestFields;
import io.irisx.api.representations.TenantView;
import io.irisx.db.ApiKeyDao;
import io.irisx.db.TenantDao;
import io.irisx.db.TenantRow;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** {@code /v1/admin/tenants}: the operator makes tenants and their API keys (operator key only). */
@Path("/v1/admin/tenants")
@Produces(MediaType.APPLICATION_JSON)
@OperatorOnly
public final class AdminTenantsResource {
  static final int MAX_TENANT_NAME_LENGTH = 200;

  /** The bounds the tenants table's check constraint enforces (a hundred years at most). */
  static final int MIN_RETENTION_DAYS = 1;

  static final int MAX_RETENTION_DAYS = 36_500;

  private final Jdbi jdbi;
  private final ApiKeyIssuer issuer;

  public AdminTenantsResource(Jdbi jdbi, ApiKeyIssuer issuer) {
    this.jdbi = jdbi;
    this.issuer = issuer;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(JsonNode body, @Context UriInfo uriInfo) {
    RequestFields fields = RequestFields.of(body, Set.of("name"));
    String name = fields.text("name", true, MAX_TENANT_NAME_LENGTH);
    fields.check();
    UUID id = UUID.randomUUID();
    TenantRow tenant =
        jdbi.inTransaction(
            handle -> {
              TenantDao tenants = handle.attach(TenantDao.class);
              tenants.insert(id, RequestFields.present(name).strip());
              return tenants.find(id).orElseThrow();
            });
    return Response.created(
            uriInfo
                .getBaseUriBuilder()
                .path(AdminTenantsResource.class)
                .path(id.toString())
                .build())
        .entity(TenantView.of(tenant))
        .build();
  }

  @GET
  @Path("{id}")
  public TenantView get(@PathParam("id") String id) {
    return TenantView.of(tenant(id));
  }

  /**
   * Changes a tenant's settings; today only {@code recordingRetentionDays} (null: keep recordings
   * until deleted). The retention schedule's next run deletes by the new period.
   */
  @PATCH
  @Path("{id}")
  @Consumes({MediaType.APPLICATION_JSON, PhoneNumbersResource.MERGE_PATCH_JSON})
  public TenantView update(@PathParam("id") String id, JsonNode body) {
    UUID tenantId = tenant(id).id();
    RequestFields fields = RequestFields.of(body, Set.of("recordingRetentionDays"));
    Integer days = fields.integer("recordingRetentionDays", MIN_RETENTION_DAYS, MAX_RETENTION_DAYS);
    fields.check();
    TenantRow updated =
        jdbi.inTransaction(
                handle -> {
                  TenantDao tenants = handle.attach(TenantDao.class);
                  if (fields.has("recordingRetentionDays")) {
                    tenants.setRecordingRetentionDays(tenantId, days);
                  }
                  return tenants.find(tenantId);
                })
            .orElseThrow(() -> notFound(id));
    return TenantView.of(updated);
  }

  @POST
  @SecretFields("key")
  @Path("{id}/api-keys")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response createApiKey(@PathParam("id") String id, JsonNode body) {
    TenantRow tenant = tenant(id);
    ApiKeysResource.NewKey request = ApiKeysResource.NewKey.read(body);
    ApiKeyIssuer.IssuedKey issued =
        jdbi.withExtension(
            ApiKeyDao.class,
            dao -> issuer.issue(dao, tenant.id(), request.name(), request.scope()));
    return Response.status(Response.Status.CREATED)
        .entity(ApiKeyView.withKey(issued.summary(), issued.key()))
        .build();
  }

  private TenantRow tenant(String id) {
    return ResourceIds.parse(id)
        .flatMap(tenantId -> jdbi.withExtension(TenantDao.class, dao -> dao.find(tenantId)))
        .orElseThrow(() -> notFound(id));
  }

  private static ProblemException notFound(String id) {
    return new ProblemException(ProblemType.NOT_FOUND, "No tenant " + ResourceIds.shown(id) + ".");
  }
}

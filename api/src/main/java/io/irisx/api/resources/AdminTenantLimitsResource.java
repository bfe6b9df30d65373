package io.irisx.api.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.irisx.api.CallLimitSettings;
import io.irisx.api.auth.OperatorOnly;
import io.irisx.api.errors.ProblemException;
import io.irisx.api.errors.ProblemType;
import io.irisx.api.paging.ResourceIds;
import io.irisx.api.representations.RequestFields;
import io.irisx.api.representations.TenantLimitsView;
import io.irisx.db.TenantCallLimits;
import io.irisx.db.TenantDao;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * {@code /v1/admin/tenants/{id}/limits}: the operator reads and sets a tenant's call limits. A
 * field left out or null goes back to the configured default. New calls use them at once; calls
 * already waiting keep the limits they were queued with.
 */
@Path("/v1/admin/tenants/{id}/limits")
@Produces(MediaType.APPLICATION_JSON)
@OperatorOnly
public final class AdminTenantLimitsResource {
  private static final Set<String> FIELDS =
      Set.of("callsPerSecond", "maxConcurrentCalls", "maxQueueWaitSeconds");

  private final Jdbi jdbi;
  private final CallLimitSettings defaults;

  public AdminTenantLimitsResource(Jdbi jdbi, CallLimitSettings defaults) {
    this.jdbi = jdbi;
    this.defaults = defaults;
  }

  @GET
  public TenantLimitsView get(@PathParam("id") String id) {
    UUID tenantId = tenantId(id);
    TenantCallLimits own =
        jdbi.withExtension(TenantDao.class, dao -> dao.findCallLimits(tenantId))
            .orElseThrow(() -> notFound(id));
    return TenantLimitsView.of(tenantId.toString(), own, defaults);
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public TenantLimitsView put(@PathParam("id") String id, JsonNode body) {
    UUID tenantId = tenantId(id);
    RequestFields fields = RequestFields.of(body, FIELDS);
    TenantCallLimits own =
        new TenantCallLimits(
            whole(fields, body, "callsPerSecond", 10_000),
            whole(fields, body, "maxConcurrentCalls", 1_000_000),
            whole(fields, body, "maxQueueWaitSeconds", 86_400));
    fields.check();
    if (jdbi.withExtension(TenantDao.class, dao -> dao.setCallLimits(tenantId, own)) == 0) {
      throw notFound(id);
    }
    return TenantLimitsView.of(tenantId.toString(), own, defaults);
  }

  private static @Nullable Integer whole(
      RequestFields fields, JsonNode body, String field, int max) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.canConvertToInt()
        || !RequestFields.isWhole(value)
        || value.asInt() < 1
        || value.asInt() > max) {
      fields.error(field, "must be a whole number from 1 to " + max + ", or null for the default");
      return null;
    }
    return value.asInt();
  }

  private static UUID tenantId(String id) {
    return ResourceIds.parse(id).orElseThrow(() -> notFound(id));
  }

  private static ProblemException notFound(String id) {
    return new ProblemException(ProblemType.NOT_FOUND, "No tenant " + ResourceIds.shown(id) + ".");
  }
}

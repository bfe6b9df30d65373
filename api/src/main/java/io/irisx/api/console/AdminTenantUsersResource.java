package io.irisx.api.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.irisx.api.auth.ConsoleRole;
import io.irisx.api.auth.OperatorOnly;
import io.irisx.api.errors.ProblemException;
import io.irisx.api.errors.ProblemType;
import io.irisx.api.idempotency.SecretFields;
import io.irisx.api.paging.ResourceIds;
import io.irisx.api.representations.RequestFields;
import io.irisx.db.TenantDao;
import io.irisx.db.console.UserRow;
import jakarta.ws.rs.Consumes;
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

/**
 * {@code POST /v1/admin/tenants/{id}/users}: the operator makes a tenant's first admin (or any
 * admin): invited, with a one-time link in the answer, or active at once when a password is given.
 */
@Path("/v1/admin/tenants/{id}/users")
@Produces(MediaType.APPLICATION_JSON)
@OperatorOnly
public final class AdminTenantUsersResource {
  private final TenantDao tenants;
  private final Accounts accounts;
  private final String publicUrl;

  public AdminTenantUsersResource(TenantDao tenants, Accounts accounts, String publicUrl) {
    this.tenants = tenants;
    this.accounts = accounts;
    this.publicUrl = publicUrl;
  }

  @POST
  @SecretFields("invitationUrl")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@PathParam("id") String id, JsonNode body, @Context UriInfo uriInfo) {
    UUID tenantId =
        ResourceIds.parse(id)
            .filter(tenant -> tenants.find(tenant).isPresent())
            .orElseThrow(
                () ->
                    new ProblemException(
                        ProblemType.NOT_FOUND, "No tenant " + ResourceIds.shown(id) + "."));
    RequestFields fields = RequestFields.of(body, Set.of("email", "name", "password"));
    String email = Accounts.email(fields, "email");
    String name = fields.text("name", false, Accounts.MAX_NAME_LENGTH);
    String password =
        fields.has("password") ? Accounts.newPassword(fields, "password", email) : null;
    fields.check();
    email = RequestFields.present(email);
    String cleanName = name == null || name.isBlank() ? null : name.strip();
    if (password != null) {
      UserRow user = accounts.createActive(tenantId, email, cleanName, ConsoleRole.ADMIN, password);
      return Response.status(Response.Status.CREATED).entity(UserView.of(user)).build();
    }
    Accounts.Invitation invitation =
        accounts.invite(tenantId, email, cleanName, ConsoleRole.ADMIN, null);
    String base =
        publicUrl.isEmpty() ? uriInfo.getBaseUri().toString().replaceAll("/+$", "") : publicUrl;
    return Response.status(Response.Status.CREATED)
        .entity(UserView.withInvitation(invitation.user(), invitation.url(base)))
        .build();
  }
}

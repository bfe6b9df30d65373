package io.irisx.api.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.auth.Auth;
import io.irisx.api.auth.AuthenticatedTenant;
import io.irisx.api.auth.ConsoleRole;
import io.irisx.api.errors.ProblemException;
import io.irisx.api.errors.ProblemType;
import io.irisx.api.idempotency.SecretFields;
import io.irisx.api.paging.PageCursor;
import io.irisx.api.paging.Pages;
import io.irisx.api.paging.ResourceIds;
import io.irisx.api.representations.Page;
import io.irisx.api.representations.RequestFields;
import io.irisx.db.console.SessionDao;
import io.irisx.db.console.UserDao;
import io.irisx.db.console.UserRow;
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
import java.util.Set;
import java.util.UUID;

/**
 * {@code /v1/users}: the tenant's console accounts, managed by its admins (and by its full API
 * keys). Admins invite people (the answer carries the one-time link), change their role, disable
 * them (their sessions end at once), sign them out everywhere, remove them. A tenant keeps at least
 * one active admin.
 */
@Path("/v1/users")
@Produces(MediaType.APPLICATION_JSON)
public final class UsersResource {
  private static final Set<String> STATUSES = Set.of(UserRow.ACTIVE, UserRow.DISABLED);

  private final UserDao users;
  private final SessionDao sessions;
  private final Accounts accounts;
  private final String publicUrl;
  private final Clock clock;

  public UsersResource(
      UserDao users, SessionDao sessions, Accounts accounts, String publicUrl, Clock clock) {
    this.users = users;
    this.sessions = sessions;
    this.accounts = accounts;
    this.publicUrl = publicUrl;
    this.clock = clock;
  }

  @GET
  public Page<UserView> list(
      @Auth AuthenticatedTenant tenant,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return Pages.page(
        limit,
        cursor,
        (createdAt, id, rows) -> users.listNewestFirst(tenant.tenantId(), createdAt, id, rows),
        row -> new PageCursor(row.createdAt(), row.id()),
        UserView::of);
  }

  @POST
  @SecretFields("invitationUrl")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response invite(
      @Auth AuthenticatedTenant tenant, JsonNode body, @Context UriInfo uriInfo) {
    RequestFields fields = RequestFields.of(body, Set.of("email", "name", "role"));
    String email = Accounts.email(fields, "email");
    String name = fields.text("name", false, Accounts.MAX_NAME_LENGTH);
    ConsoleRole role = Accounts.role(fields, "role", true);
    fields.check();
    Accounts.Invitation invitation =
        accounts.invite(
            tenant.tenantId(),
            RequestFields.present(email),
            name == null || name.isBlank() ? null : name.strip(),
            RequestFields.present(role),
            tenant.user() != null ? tenant.user().userId() : null);
    return Response.created(
            uriInfo
                .getBaseUriBuilder()
                .path("v1/users")
                .path(invitation.user().id().toString())
                .build())
        .entity(UserView.withInvitation(invitation.user(), invitation.url(baseUrl(uriInfo))))
        .build();
  }

  @GET
  @Path("{id}")
  public UserView get(@Auth AuthenticatedTenant tenant, @PathParam("id") String id) {
    return UserView.of(user(tenant, id));
  }

  @PATCH
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public UserView update(
      @Auth AuthenticatedTenant tenant, @PathParam("id") String id, JsonNode body) {
    UserRow user = user(tenant, id);
    RequestFields fields = RequestFields.of(body, Set.of("name", "role", "status"));
    String name = fields.text("name", false, Accounts.MAX_NAME_LENGTH);
    ConsoleRole role = Accounts.role(fields, "role", false);
    String status = fields.text("status", false, 20);
    if (status != null && !STATUSES.contains(status)) {
      fields.error("status", "must be active or disabled");
    }
    if (status != null && UserRow.INVITED.equals(user.status())) {
      fields.error("status", "cannot change before the invitation is accepted");
    }
    fields.check();
    boolean losesAdmin =
        ConsoleRole.ADMIN.wireName().equals(user.role())
            && ((role != null && role != ConsoleRole.ADMIN) || UserRow.DISABLED.equals(status));
    if (losesAdmin) {
      keepAnAdmin(user);
    }
    users.update(
        tenant.tenantId(),
        user.id(),
        name == null ? null : name.strip(),
        role == null ? null : role.wireName(),
        status);
    if (UserRow.DISABLED.equals(status)) {
      sessions.revokeAllOf(tenant.tenantId(), user.id(), clock.instant());
    }
    return UserView.of(user(tenant, id));
  }

  @DELETE
  @Path("{id}")
  public Response delete(@Auth AuthenticatedTenant tenant, @PathParam("id") String id) {
    UserRow user = user(tenant, id);
    if (ConsoleRole.ADMIN.wireName().equals(user.role())) {
      keepAnAdmin(user);
    }
    users.delete(tenant.tenantId(), user.id(), clock.instant());
    sessions.revokeAllOf(tenant.tenantId(), user.id(), clock.instant());
    return Response.noContent().build();
  }

  /** A new invitation link for someone who has not accepted yet (the old link stops working). */
  @POST
  @Path("{id}/invitation")
  @SecretFields("invitationUrl")
  public UserView reinvite(
      @Auth AuthenticatedTenant tenant, @PathParam("id") String id, @Context UriInfo uriInfo) {
    Accounts.Invitation invitation = accounts.reinvite(user(tenant, id));
    return UserView.withInvitation(invitation.user(), invitation.url(baseUrl(uriInfo)));
  }

  @GET
  @Path("{id}/sessions")
  public SessionList sessions(@Auth AuthenticatedTenant tenant, @PathParam("id") String id) {
    UserRow user = user(tenant, id);
    return new SessionList(
        sessions.listLive(tenant.tenantId(), user.id(), clock.instant()).stream()
            .map(SessionView::of)
            .toList());
  }

  /** Signs the user out everywhere. */
  @DELETE
  @Path("{id}/sessions")
  public Response revokeSessions(@Auth AuthenticatedTenant tenant, @PathParam("id") String id) {
    UserRow user = user(tenant, id);
    sessions.revokeAllOf(tenant.tenantId(), user.id(), clock.instant());
    return Response.noContent().build();
  }

  private void keepAnAdmin(UserRow user) {
    if (users.countOtherActiveAdmins(user.tenantId(), user.id()) == 0) {
      throw new ProblemException(
          ProblemType.LAST_ADMIN,
          "This is the tenant's last active admin: make another admin first.");
    }
  }

  private String baseUrl(UriInfo uriInfo) {
    return publicUrl.isEmpty() ? uriInfo.getBaseUri().toString().replaceAll("/+$", "") : publicUrl;
  }

  private UserRow user(AuthenticatedTenant tenant, String id) {
    UUID userId = ResourceIds.parse(id).orElseThrow(() -> notFound(id));
    return users.find(tenant.tenantId(), userId).orElseThrow(() -> notFound(id));
  }

  private static ProblemException notFound(String id) {
    return new ProblemException(ProblemType.NOT_FOUND, "No user " + ResourceIds.shown(id) + ".");
  }
}

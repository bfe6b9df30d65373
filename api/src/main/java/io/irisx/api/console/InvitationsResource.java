package io.irisx.api.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.irisx.api.errors.ProblemException;
import io.irisx.api.errors.ProblemType;
import io.irisx.api.idempotency.SecretFields;
import io.irisx.api.representations.RequestFields;
import io.irisx.db.TenantDao;
import io.irisx.db.TenantRow;
import io.irisx.db.console.UserDao;
import io.irisx.db.console.UserRow;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.Set;

/**
 * {@code /v1/invitations/{token}}: an invitation link's token is its own credential (256 random
 * bits, kept only hashed, lapsing after {@code console.invitationDays}). {@code GET} shows what it
 * makes; {@code POST} with a password makes the account active, spends the token and signs the new
 * user in.
 */
@Path("/v1/invitations/{token}")
@Produces(MediaType.APPLICATION_JSON)
public final class InvitationsResource {
  private final UserDao users;
  private final TenantDao tenants;
  private final PasswordHasher hasher;
  private final SessionStarter starter;
  private final Clock clock;

  public InvitationsResource(
      UserDao users,
      TenantDao tenants,
      PasswordHasher hasher,
      SessionStarter starter,
      Clock clock) {
    this.users = users;
    this.tenants = tenants;
    this.hasher = hasher;
    this.starter = starter;
    this.clock = clock;
  }

  @GET
  public InvitationView show(@PathParam("token") String token) {
    UserRow user = invited(token);
    return new InvitationView(
        user.email(),
        user.name(),
        user.role(),
        tenants.find(user.tenantId()).map(TenantRow::name).orElse(null),
        Iso.of(user.inviteExpiresAt()));
  }

  @POST
  @SecretFields("csrfToken")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response accept(
      @PathParam("token") String token,
      JsonNode body,
      @Context ContainerRequestContext request,
      @Context HttpServletRequest servletRequest) {
    if (!SessionCookieAuthFilter.sameOrigin(request)) {
      throw new ProblemException(
          ProblemType.CSRF_REJECTED,
          "Accepting an invitation from another site's page is refused.");
    }
    UserRow user = invited(token);
    RequestFields fields = RequestFields.of(body, Set.of("password", "name"));
    String password = Accounts.newPassword(fields, "password", user.email());
    String name = fields.text("name", false, Accounts.MAX_NAME_LENGTH);
    fields.check();
    if (!users.acceptInvitation(
        user.id(),
        hasher.hash(RequestFields.present(password)),
        name == null || name.isBlank() ? null : name.strip(),
        clock.instant())) {
      throw notFound();
    }
    UserRow active =
        users.find(user.tenantId(), user.id()).orElseThrow(InvitationsResource::notFound);
    return starter.start(active, request, servletRequest.getRemoteAddr());
  }

  private UserRow invited(String token) {
    if (!SessionTokens.looksLikeToken(token)) {
      throw notFound();
    }
    return users
        .findByInvitation(SessionTokens.hash(token), clock.instant())
        .orElseThrow(InvitationsResource::notFound);
  }

  private static ProblemException notFound() {
    return new ProblemException(
        ProblemType.NOT_FOUND,
        "This invitation does not exist, was used already or has lapsed: ask an admin for a new one.");
  }
}

package io.irisx.api.auth;

import java.security.Principal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who a request is from: the tenant whose API key it carries and what that key may do, or the
 * tenant of the console user whose session cookie it carries. {@code apiKeyId} names the credential
 * either way (the key, or the console session), so a rate counts per credential; {@code user} is
 * null for an API key.
 */
public record AuthenticatedTenant(
    UUID tenantId, UUID apiKeyId, ApiKeyScope scope, @Nullable ConsoleUser user)
    implements Principal {

  /** A tenant's API key with this scope. */
  public AuthenticatedTenant(UUID tenantId, UUID apiKeyId, ApiKeyScope scope) {
    this(tenantId, apiKeyId, scope, null);
  }

  /** A tenant's key with the {@code full} scope. */
  public AuthenticatedTenant(UUID tenantId, UUID apiKeyId) {
    this(tenantId, apiKeyId, ApiKeyScope.FULL);
  }

  /** A console user's session: what the user may do is the user's role, checked per request. */
  public static AuthenticatedTenant of(ConsoleUser user, UUID tenantId) {
    return new AuthenticatedTenant(tenantId, user.sessionId(), ApiKeyScope.FULL, user);
  }

  public boolean isConsoleUser() {
    return user != null;
  }

  @Override
  public String getName() {
    return tenantId.toString();
  }
}

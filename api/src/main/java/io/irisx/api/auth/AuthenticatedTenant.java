package io.irisx.api.auth;

import java.security.Principal;
import java.util.UUID;

/** Who a request is from: the tenant whose API key it carries, and what that key may do. */
public record AuthenticatedTenant(UUID tenantId, UUID apiKeyId, ApiKeyScope scope)
    implements Principal {

  /** A tenant's key with the {@code full} scope. */
  public AuthenticatedTenant(UUID tenantId, UUID apiKeyId) {
    this(tenantId, apiKeyId, ApiKeyScope.FULL);
  }

  @Override
  public String getName() {
    return tenantId.toString();
  }
}

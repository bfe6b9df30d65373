package io.irisx.api.auth;

import java.security.Principal;
import java.util.UUID;

/** Who a request is from: the tenant whose API key it carries. */
public record AuthenticatedTenant(UUID tenantId, UUID apiKeyId) implements Principal {
  @Override
  public String getName() {
    return tenantId.toString();
  }
}

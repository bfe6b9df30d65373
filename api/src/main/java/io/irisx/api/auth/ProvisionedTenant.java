package io.irisx.api.auth;

import java.util.UUID;

/** A new tenant and its first API key; the key is shown this once and never stored. */
public record ProvisionedTenant(UUID tenantId, String name, UUID apiKeyId, String apiKey) {
  @Override
  public String toString() {
    // Keeps the key out of logs that print the record.
    return "ProvisionedTenant[tenantId="
        + tenantId
        + ", name="
        + name
        + ", apiKeyId="
        + apiKeyId
        + "]";
  }
}

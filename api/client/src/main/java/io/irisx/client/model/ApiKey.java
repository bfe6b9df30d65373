package io.irisx.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.irisx.client.ApiSchema;
import java.time.Instant;

/** An API key; {@code key} (the secret) is only in the answer that made it. */
@JsonIgnoreProperties(ignoreUnknown = true)
@ApiSchema("ApiKey")
public record ApiKey(
    String id,
    String name,
    String prefix,
    String scope,
    Instant createdAt,
    Instant lastUsedAt,
    String key) {}

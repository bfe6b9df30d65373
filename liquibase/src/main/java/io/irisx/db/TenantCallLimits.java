package io.irisx.db;

import org.jspecify.annotations.Nullable;

/** A tenant's own call limits; a null field takes the API's configured default. */
public record TenantCallLimits(
    @Nullable Integer callsPerSecond,
    @Nullable Integer maxConcurrentCalls,
    @Nullable Integer maxQueueWaitSeconds) {}

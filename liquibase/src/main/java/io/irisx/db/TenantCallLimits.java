package io.irisx.db;

/** A tenant's own call limits; a null field takes the API's configured default. */
public record TenantCallLimits(
    Integer callsPerSecond, Integer maxConcurrentCalls, Integer maxQueueWaitSeconds) {}

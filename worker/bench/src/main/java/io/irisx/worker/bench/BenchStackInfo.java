package io.irisx.worker.bench;

/**
 * What the load generator needs to know about a running bench stack; written to {@code
 * <home>/stack.json} when the stack is ready.
 */
public record BenchStackInfo(
    long pid,
    String apiUrl,
    String apiKey,
    String tenantId,
    String databaseUrl,
    String temporalTarget,
    String temporalServer,
    String backend,
    String probeUrl,
    String workerAdminUrl,
    int promptMillis,
    String baselineTaskQueue) {}

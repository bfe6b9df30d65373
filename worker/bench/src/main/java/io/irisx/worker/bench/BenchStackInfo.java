package io.irisx.worker.bench;

/**
 * What the load generator needs to know about a running bench stack; written to {@code
 * <home>/stack.json} when the stack is ready. {@code eslHost}, {@code eslPort} and {@code
 * eslPassword} are the simulated switch's event socket, which the bench watches for answer to first
 * audio.
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
    String baselineTaskQueue,
    String eslHost,
    int eslPort,
    String eslPassword) {}

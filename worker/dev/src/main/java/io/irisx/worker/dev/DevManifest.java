package io.irisx.worker.dev;

/**
 * What {@code .irisx/dev.json} tells scripts about a running dev stack. The file exists only while
 * the stack is ready: it is written (whole, atomically) once everything has started, deleted when
 * the stack stops, and a stale one (its JVM killed) is deleted by the next start; {@code pid} is
 * the stack's process, for a script that wants to check it. {@code temporalUiUrl} is null when the
 * in-process Temporal server (which has no UI) is used. {@code adminUrl} is the API's Dropwizard
 * admin port (health checks, metrics), {@code workerAdminUrl} the worker's; the worker's is null
 * when the stack runs no worker of its own. {@code operatorKey} opens the operator endpoints
 * ({@code /v1/admin/...}). {@code simulatorControlUrl} is the ESL simulator's HTTP control API
 * (place inbound calls, press digits, hang up, faults); null with a real switch. {@code consoleUrl}
 * is the console, where {@code consoleEmail} and {@code consolePassword} log in as an admin of the
 * dev tenant.
 */
public record DevManifest(
    long pid,
    String apiUrl,
    String adminUrl,
    String workerAdminUrl,
    String apiKey,
    String tenantId,
    String operatorKey,
    String temporalAddress,
    String temporalUiUrl,
    String temporalServer,
    String eslHost,
    int eslPort,
    String eslPassword,
    String simulatorControlUrl,
    String databaseUrl,
    String redisAddress,
    String s3Endpoint,
    String s3Bucket,
    String workerConfig,
    String logFile,
    String consoleUrl,
    String consoleEmail,
    String consolePassword) {}

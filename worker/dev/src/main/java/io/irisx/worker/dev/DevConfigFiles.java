package io.irisx.worker.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the Dropwizard YAML files the dev stack runs the API and the worker with. They are plain
 * files under {@code .irisx/}, so a worker can also be started by hand (or killed and restarted by
 * a test) against the same stack.
 */
final class DevConfigFiles {
  private DevConfigFiles() {}

  record Endpoints(
      String databaseUrl,
      String temporalTarget,
      String redisAddress,
      String eslHost,
      int eslPort,
      String eslPassword,
      String dialTemplate) {}

  /** The embedded S3Proxy the recordings go to; appended to both files (API: presigned URLs). */
  /** The console's links to the Temporal UI (none without one). */
  static String consoleSection(String temporalUiUrl) {
    return "console:\n  temporalUiUrl: " + yamlString(temporalUiUrl) + "\n";
  }

  static String recordingsSection(Path home, String s3Endpoint, boolean forWorker) {
    String s3 =
        "  s3:\n    endpoint: "
            + yamlString(s3Endpoint)
            + "\n    region: us-east-1\n    bucket: "
            + LocalS3.BUCKET
            + "\n    pathStyleAccess: true\n    accessKeyId: "
            + yamlString(LocalS3.ACCESS_KEY)
            + "\n    secretAccessKey: "
            + yamlString(LocalS3.SECRET_KEY);
    if (!forWorker) {
      return "recordings:\n" + s3 + "\n  urlExpirySeconds: 3600\n";
    }
    // S3Proxy refuses server-side-encryption headers (501 NotImplemented).
    return "recordings:\n  directory: "
        + yamlString(home.resolve("recordings").toAbsolutePath().toString())
        + "\n"
        + s3
        + "\n    serverSideEncryption: none\n";
  }

  /** Appends a section to a file written above. */
  static Path append(Path file, String section) {
    try {
      Files.writeString(file, "\n" + section, java.nio.file.StandardOpenOption.APPEND);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path writeApiConfig(
      Path home,
      Endpoints endpoints,
      int port,
      int adminPort,
      DevOptions options,
      String operatorKey) {
    String yaml =
        """
        server:
          applicationConnectors:
            - type: http
              bindHost: 127.0.0.1
              port: %d
          adminConnectors:
            - type: http
              bindHost: 127.0.0.1
              port: %d
          requestLog:
            appenders:
              - type: file
                currentLogFilename: %s
                archive: false
        %s
        calls:
          ringTimeoutSeconds: %d
          watchdogSeconds: %d
        operator:
          key: %s
        rateLimit:
          redisAddress: %s
          # Per API key; ./irisx bench api lifts it (IRISX_API_KEY_RPS) to measure the API itself.
          requestsPerSecond: ${IRISX_API_KEY_RPS:-50}
        # Tenants' default call limits (an operator sets them per tenant: /v1/admin/tenants/{id}/limits).
        callLimits:
          slotLeaseSeconds: %d
        # Local receivers are allowed in development (webhook URLs on this machine).
        webhooks:
          productionMode: false
          allowedNetworks: ["127.0.0.0/8", "::1/128"]
        %s
        """
            .formatted(
                port,
                adminPort,
                home.resolve("logs/api-requests.log").toAbsolutePath(),
                common(endpoints),
                options.ringTimeoutSeconds(),
                options.watchdogSeconds(),
                yamlString(operatorKey),
                endpoints.redisAddress(),
                options.slotLeaseSeconds(),
                logging(home));
    return write(home.resolve("api.yml"), yaml);
  }

  static Path writeWorkerConfig(Path home, Endpoints endpoints, int port, String nodeId) {
    String yaml =
        """
        server:
          type: simple
          applicationContextPath: /
          adminContextPath: /admin
          connector:
            type: http
            bindHost: 127.0.0.1
            port: %d
          requestLog:
            appenders:
              - type: file
                currentLogFilename: %s
                archive: false
        %s
        # The same variables as worker.yml, so a bench can compare tunings.
        workerTuning:
          workflowCacheSize: ${IRISX_WORKFLOW_CACHE_SIZE:-10000}
          maxWorkflowThreads: ${IRISX_MAX_WORKFLOW_THREADS:-10000}
          virtualThreads: ${IRISX_VIRTUAL_THREADS:-true}
          maxConcurrentActivities: ${IRISX_MAX_CONCURRENT_ACTIVITIES:-1000}
          maxConcurrentWorkflowTasks: ${IRISX_MAX_CONCURRENT_WORKFLOW_TASKS:-200}
          workflowTaskPollers: ${IRISX_WORKFLOW_TASK_POLLERS:-16}
          activityTaskPollers: ${IRISX_ACTIVITY_TASK_POLLERS:-8}
        redis:
          address: %s
        node:
          id: %s
          eslHost: %s
          eslPort: %d
          eslPassword: %s
          dialTemplate: %s
          # The simulator's callers are North American: 15557770001 and 5557770001 are +15557770001.
          callerNumbers:
            countryCode: "1"
            nationalPrefix: "1"
            internationalPrefix: "011"
        # Local receivers are allowed in development (webhook URLs on this machine).
        webhooks:
          productionMode: false
          allowedNetworks: ["127.0.0.0/8", "::1/128"]
        %s
        """
            .formatted(
                port,
                home.resolve("logs/worker-requests.log").toAbsolutePath(),
                common(endpoints),
                endpoints.redisAddress(),
                nodeId,
                endpoints.eslHost(),
                endpoints.eslPort(),
                yamlString(endpoints.eslPassword()),
                yamlString(endpoints.dialTemplate()),
                logging(home));
    return write(home.resolve("worker.yml"), yaml);
  }

  private static String common(Endpoints endpoints) {
    return """
        database:
          driverClass: org.postgresql.Driver
          url: %s
          user: %s
          password: ""
          minSize: 2
          maxSize: 16
          checkConnectionOnBorrow: true
          validationInterval: 1s
        temporal:
          target: %s
          namespace: default"""
        .formatted(endpoints.databaseUrl(), LocalPostgres.USER, endpoints.temporalTarget());
  }

  /** A double-quoted YAML scalar, so passwords and templates with YAML syntax stay plain text. */
  static String yamlString(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '$' -> out.append("\\x24");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /** One log file for the whole stack: in one JVM, logback's configuration is shared anyway. */
  static Path logFile(Path home) {
    return home.resolve("logs/irisx.log").toAbsolutePath();
  }

  /** The stack's log as JSON lines. */
  static Path jsonLogFile(Path home) {
    return home.resolve("logs/irisx.json.log").toAbsolutePath();
  }

  private static String logging(Path home) {
    return """
        logging:
          level: INFO
          loggers:
            io.temporal: WARN
            io.grpc: WARN
            org.redisson: WARN
            io.netty: WARN
            # The in-process test server has no worker heartbeats, and the SDK says so at every start.
            io.temporal.internal.worker.HeartbeatManager: ERROR
          appenders:
            - type: console
              threshold: WARN
            - type: file
              currentLogFilename: %s
              archive: false
              logFormat: "%%-5p [%%d{ISO8601,UTC}] %%c: %%m%%replace( [callId=%%X{callId} tenantId=%%X{tenantId}]){' \\\\[callId= tenantId=\\\\]', ''}%%n%%rEx"
            # The same lines as JSON (one object a line, the MDC's callId and tenantId included),
            # as production would ship them to a log store.
            - type: file
              currentLogFilename: %s
              archive: false
              layout:
                type: json"""
        .formatted(logFile(home), jsonLogFile(home));
  }

  private static Path write(Path file, String yaml) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, yaml);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

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

  static Path writeApiConfig(Path home, Endpoints endpoints, int port, int adminPort, DevOptions options) {
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
        %s
        """
            .formatted(
                port,
                adminPort,
                home.resolve("logs/api-requests.log").toAbsolutePath(),
                common(endpoints),
                options.ringTimeoutSeconds(),
                options.watchdogSeconds(),
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
        redis:
          address: %s
        node:
          id: %s
          eslHost: %s
          eslPort: %d
          eslPassword: %s
          dialTemplate: %s
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

  private static String logging(Path home) {
    return """
        logging:
          level: INFO
          loggers:
            io.temporal: WARN
            io.grpc: WARN
            org.redisson: WARN
            io.netty: WARN
          appenders:
            - type: console
              threshold: WARN
            - type: file
              currentLogFilename: %s
              archive: false"""
        .formatted(logFile(home));
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

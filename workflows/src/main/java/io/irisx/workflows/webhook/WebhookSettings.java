package io.irisx.workflows.webhook;

import java.util.List;

/**
 * The {@code webhooks:} section of the API's and the worker's YAML.
 *
 * @param productionMode endpoint URLs must be https (default true)
 * @param allowedNetworks addresses or CIDR blocks (e.g. {@code 127.0.0.1/32}, {@code ::1/128})
 *     permitted although the address policy refuses them otherwise: local receivers in development.
 *     Empty in production.
 * @param connectTimeoutMillis how long an attempt may take to connect (default 5 s)
 * @param requestTimeoutMillis how long an attempt may take from sending to the response's headers
 *     (default 15 s)
 * @param maxPayloadBytes the largest envelope published (default 256 KiB)
 */
public record WebhookSettings(
    Boolean productionMode,
    List<String> allowedNetworks,
    Integer connectTimeoutMillis,
    Integer requestTimeoutMillis,
    Integer maxPayloadBytes) {

  public static final int DEFAULT_CONNECT_TIMEOUT_MILLIS = 5_000;
  public static final int DEFAULT_REQUEST_TIMEOUT_MILLIS = 15_000;
  public static final int DEFAULT_MAX_PAYLOAD_BYTES = 256 * 1024;

  public WebhookSettings {
    productionMode = productionMode == null || productionMode;
    allowedNetworks = allowedNetworks == null ? List.of() : List.copyOf(allowedNetworks);
    connectTimeoutMillis = positiveOr(connectTimeoutMillis, DEFAULT_CONNECT_TIMEOUT_MILLIS);
    requestTimeoutMillis = positiveOr(requestTimeoutMillis, DEFAULT_REQUEST_TIMEOUT_MILLIS);
    maxPayloadBytes = positiveOr(maxPayloadBytes, DEFAULT_MAX_PAYLOAD_BYTES);
    // Fails the configuration early on a malformed block.
    allowedNetworks.forEach(AddressBlock::parse);
  }

  /** Production: https only, nothing private allowed. */
  public static WebhookSettings production() {
    return new WebhookSettings(true, List.of(), null, null, null);
  }

  /** Development and tests: http allowed, and receivers on this machine (127.0.0.0/8, ::1). */
  public static WebhookSettings localReceivers() {
    return new WebhookSettings(false, List.of("127.0.0.0/8", "::1/128"), null, null, null);
  }

  public WebhookSettings withTimeouts(int connectMillis, int requestMillis) {
    return new WebhookSettings(
        productionMode, allowedNetworks, connectMillis, requestMillis, maxPayloadBytes);
  }

  private static int positiveOr(Integer value, int fallback) {
    return value == null || value <= 0 ? fallback : value;
  }
}

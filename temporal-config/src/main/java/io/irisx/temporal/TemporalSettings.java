package io.irisx.temporal;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where Temporal is and how to reach it: a {@code host:port} gRPC target, a namespace, and for a
 * secured cluster or Temporal Cloud either an API key or mutual TLS. The same settings serve the
 * in-process test server, the {@code temporal} CLI dev server and a production cluster.
 *
 * @param retentionDays how long closed workflows stay visible when IRISX creates the namespace
 * @param manageNamespace whether start-up registers the namespace and IRISX's search attributes
 *     (true for a self-hosted cluster or a dev server; false for Temporal Cloud, where both are
 *     managed with {@code tcld} or the Cloud UI and start-up only checks them)
 * @param apiKey a Temporal Cloud API key (implies TLS); null or blank for none
 * @param tls TLS towards the frontend; null means plain text unless an API key is set
 */
public record TemporalSettings(
    String target,
    String namespace,
    Integer retentionDays,
    Boolean manageNamespace,
    @Nullable String apiKey,
    @Nullable TemporalTls tls) {
  public static final String DEFAULT_NAMESPACE = "default";
  public static final int DEFAULT_RETENTION_DAYS = 7;

  public TemporalSettings {
    Objects.requireNonNull(target, "target");
    if (namespace == null || namespace.isBlank()) {
      namespace = DEFAULT_NAMESPACE;
    }
    if (retentionDays == null) {
      retentionDays = DEFAULT_RETENTION_DAYS;
    }
    if (retentionDays < 1) {
      throw new IllegalArgumentException("temporal.retentionDays must be at least 1");
    }
    if (manageNamespace == null) {
      manageNamespace = true;
    }
    if (apiKey != null && apiKey.isBlank()) {
      apiKey = null;
    }
  }

  public TemporalSettings(String target, String namespace) {
    this(target, namespace, DEFAULT_RETENTION_DAYS, true, null, null);
  }

  public Duration retention() {
    return Duration.ofDays(retentionDays);
  }

  /** TLS is on when configured, and always with an API key (Temporal Cloud refuses plain text). */
  public boolean usesTls() {
    return apiKey != null || (tls != null && tls.enabled());
  }

  /** Never the API key itself: settings end up in logs and error messages. */
  @Override
  public String toString() {
    return "TemporalSettings[target="
        + target
        + ", namespace="
        + namespace
        + ", retentionDays="
        + retentionDays
        + ", manageNamespace="
        + manageNamespace
        + ", apiKey="
        + (apiKey == null ? "none" : "***")
        + ", tls="
        + tls
        + "]";
  }
}

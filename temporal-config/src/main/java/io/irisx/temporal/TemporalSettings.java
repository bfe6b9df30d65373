package io.irisx.temporal;

import java.util.Objects;

/**
 * Where Temporal is: a {@code host:port} gRPC target and a namespace. The same settings serve the
 * in-process test server, the {@code temporal} CLI dev server and a production cluster.
 */
public record TemporalSettings(String target, String namespace) {
  public static final String DEFAULT_NAMESPACE = "default";

  public TemporalSettings {
    Objects.requireNonNull(target, "target");
    if (namespace == null || namespace.isBlank()) {
      namespace = DEFAULT_NAMESPACE;
    }
  }
}

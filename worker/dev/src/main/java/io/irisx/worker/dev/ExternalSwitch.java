package io.irisx.worker.dev;

import java.util.Objects;

/**
 * A real FreeSWITCH for the dev stack to use instead of starting the ESL simulator: where its event
 * socket is, its password, and its dial template (e.g. {@code sofia/gateway/carrier/{to}}).
 */
public record ExternalSwitch(String host, int port, String password, String dialTemplate) {
  public static final int DEFAULT_PORT = 8021;
  public static final String DEFAULT_PASSWORD = "ClueCon";
  public static final String DEFAULT_DIAL_TEMPLATE = "sofia/gateway/carrier/{to}";

  public ExternalSwitch {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(dialTemplate, "dialTemplate");
    if (host.isBlank()) {
      throw new IllegalArgumentException("the ESL host is empty");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("the ESL port must be 1..65535, not " + port);
    }
    if (!dialTemplate.contains("{to}")) {
      throw new IllegalArgumentException("the dial template must contain {to}: " + dialTemplate);
    }
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "ExternalSwitch[" + host + ":" + port + ", dialTemplate=" + dialTemplate + "]";
  }
}

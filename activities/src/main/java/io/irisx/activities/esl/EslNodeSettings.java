package io.irisx.activities.esl;

import java.time.Duration;
import java.util.Objects;

/**
 * Where one FreeSWITCH node's event socket is and how calls leave it. {@code dialTemplate} turns an
 * E.164 number into a dial string, e.g. {@code sofia/gateway/carrier/{to}}.
 */
public record EslNodeSettings(
    String nodeId,
    String host,
    int port,
    String password,
    String dialTemplate,
    Duration commandTimeout) {

  public EslNodeSettings {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(dialTemplate, "dialTemplate");
    Objects.requireNonNull(commandTimeout, "commandTimeout");
    if (!dialTemplate.contains("{to}")) {
      throw new IllegalArgumentException("dialTemplate must contain {to}: " + dialTemplate);
    }
  }

  /** Never prints the password: settings end up in logs. */
  @Override
  public String toString() {
    return "EslNodeSettings[nodeId=%s, esl=%s:%d, dialTemplate=%s, commandTimeout=%s]"
        .formatted(nodeId, host, port, dialTemplate, commandTimeout);
  }
}

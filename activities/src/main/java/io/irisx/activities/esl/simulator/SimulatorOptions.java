package io.irisx.activities.esl.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * How the simulated FreeSWITCH listens and how fast its simulated far ends behave.
 *
 * @param ringDelay time from originate until the far end rings (SIP 180, CHANNEL_PROGRESS)
 * @param answerDelay time from originate until an answering far end answers, or a refusing one
 *     refuses
 * @param controlPort port of the HTTP control API on 127.0.0.1: 0 for an ephemeral one, negative
 *     for none
 */
public record SimulatorOptions(
    String host,
    int port,
    String password,
    Duration answerDelay,
    Duration ringDelay,
    Duration defaultPlayback,
    Duration heartbeatInterval,
    int controlPort) {

  /** Options without the control API. */
  public SimulatorOptions(
      String host,
      int port,
      String password,
      Duration answerDelay,
      Duration ringDelay,
      Duration defaultPlayback,
      Duration heartbeatInterval) {
    this(host, port, password, answerDelay, ringDelay, defaultPlayback, heartbeatInterval, -1);
  }

  public SimulatorOptions {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(password, "password");
    requirePositiveOrZero(answerDelay, "answerDelay");
    requirePositiveOrZero(ringDelay, "ringDelay");
    requirePositiveOrZero(defaultPlayback, "defaultPlayback");
    requirePositiveOrZero(heartbeatInterval, "heartbeatInterval");
    if (heartbeatInterval.isZero()) {
      throw new IllegalArgumentException("heartbeatInterval must be positive");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    if (controlPort > 65535) {
      throw new IllegalArgumentException("control port out of range: " + controlPort);
    }
  }

  /**
   * FreeSWITCH's own defaults (127.0.0.1:8021, ClueCon, HEARTBEAT every 20 s) and a quick far end.
   */
  public static SimulatorOptions defaults() {
    return new SimulatorOptions(
        "127.0.0.1",
        8021,
        "ClueCon",
        Duration.ofMillis(100),
        Duration.ofMillis(20),
        Duration.ofSeconds(1),
        Duration.ofSeconds(20));
  }

  public SimulatorOptions withHost(String host) {
    return new SimulatorOptions(
        host,
        port,
        password,
        answerDelay,
        ringDelay,
        defaultPlayback,
        heartbeatInterval,
        controlPort);
  }

  public SimulatorOptions withPort(int port) {
    return new SimulatorOptions(
        host,
        port,
        password,
        answerDelay,
        ringDelay,
        defaultPlayback,
        heartbeatInterval,
        controlPort);
  }

  public SimulatorOptions withPassword(String password) {
    return new SimulatorOptions(
        host,
        port,
        password,
        answerDelay,
        ringDelay,
        defaultPlayback,
        heartbeatInterval,
        controlPort);
  }

  public SimulatorOptions withAnswerDelay(Duration answerDelay) {
    return new SimulatorOptions(
        host,
        port,
        password,
        answerDelay,
        ringDelay,
        defaultPlayback,
        heartbeatInterval,
        controlPort);
  }

  public SimulatorOptions withRingDelay(Duration ringDelay) {
    return new SimulatorOptions(
        host,
        port,
        password,
        answerDelay,
        ringDelay,
        defaultPlayback,
        heartbeatInterval,
        controlPort);
  }

  public SimulatorOptions withDefaultPlayback(Duration defaultPlayback) {
    return new SimulatorOptions(
        host,
        port,
        password,
        answerDelay,
        ringDelay,
        defaultPlayback,
        heartbeatInterval,
        controlPort);
  }

  public SimulatorOptions withHeartbeatInterval(Duration heartbeatInterval) {
    return new SimulatorOptions(
        host,
        port,
        password,
        answerDelay,
        ringDelay,
        defaultPlayback,
        heartbeatInterval,
        controlPort);
  }

  /**
   * Starts the HTTP control API on 127.0.0.1 at this port (0 = ephemeral); negative turns it off.
   */
  public SimulatorOptions withControlPort(int controlPort) {
    return new SimulatorOptions(
        host,
        port,
        password,
        answerDelay,
        ringDelay,
        defaultPlayback,
        heartbeatInterval,
        controlPort);
  }

  private static void requirePositiveOrZero(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative");
    }
  }
}

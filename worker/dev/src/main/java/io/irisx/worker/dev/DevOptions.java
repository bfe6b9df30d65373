package io.irisx.worker.dev;

import java.nio.file.Path;

/**
 * How to run the local stack. A port of 0 means any free port (what tests use); {@code home} holds
 * the data, logs, generated configuration and {@code dev.json}. {@code watchdogSeconds} and {@code
 * ringTimeoutSeconds} go to the API's call defaults; {@code promptMillis} is how long the simulated
 * switch takes to play a sound file. {@code externalSwitch}, when set, is a real FreeSWITCH used
 * instead of the simulator (then the ESL port and {@code promptMillis} are moot). {@code
 * externalTemporalTarget}, when set, is a running Temporal server ({@code host:port}) used instead
 * of starting one (then {@code temporalMode} and the Temporal ports are moot). {@code
 * slotLeaseSeconds} is how long a call slot outlives a call whose workflow is gone.
 */
public record DevOptions(
    Path home,
    TemporalMode temporalMode,
    boolean fresh,
    boolean runWorker,
    DevPorts ports,
    String nodeId,
    int watchdogSeconds,
    int ringTimeoutSeconds,
    int promptMillis,
    ExternalSwitch externalSwitch,
    String externalTemporalTarget,
    int slotLeaseSeconds) {

  /** The defaults of {@code ./irisx dev}: fixed, documented ports and data kept under .irisx/. */
  public static DevOptions defaults(Path home) {
    return new DevOptions(
        home,
        TemporalMode.AUTO,
        false,
        true,
        DevPorts.defaults(),
        "node-1",
        15,
        30,
        2000,
        null,
        null,
        60);
  }

  /** Free ports and a private directory: for tests, several stacks side by side. */
  public static DevOptions ephemeral(Path home, TemporalMode mode) {
    return new DevOptions(
        home, mode, true, true, DevPorts.ephemeral(), "node-1", 2, 3, 1000, null, null, 60);
  }

  public DevOptions withRunWorker(boolean value) {
    return new DevOptions(
        home,
        temporalMode,
        fresh,
        value,
        ports,
        nodeId,
        watchdogSeconds,
        ringTimeoutSeconds,
        promptMillis,
        externalSwitch,
        externalTemporalTarget,
        slotLeaseSeconds);
  }

  public DevOptions withFresh(boolean value) {
    return new DevOptions(
        home,
        temporalMode,
        value,
        runWorker,
        ports,
        nodeId,
        watchdogSeconds,
        ringTimeoutSeconds,
        promptMillis,
        externalSwitch,
        externalTemporalTarget,
        slotLeaseSeconds);
  }

  public DevOptions withTemporalMode(TemporalMode mode) {
    return new DevOptions(
        home,
        mode,
        fresh,
        runWorker,
        ports,
        nodeId,
        watchdogSeconds,
        ringTimeoutSeconds,
        promptMillis,
        externalSwitch,
        externalTemporalTarget,
        slotLeaseSeconds);
  }

  public DevOptions withHome(Path value) {
    return new DevOptions(
        value,
        temporalMode,
        fresh,
        runWorker,
        ports,
        nodeId,
        watchdogSeconds,
        ringTimeoutSeconds,
        promptMillis,
        externalSwitch,
        externalTemporalTarget,
        slotLeaseSeconds);
  }

  /** How long the simulator takes to play a sound file: long enough to act during a call. */
  public DevOptions withPromptMillis(int value) {
    return new DevOptions(
        home,
        temporalMode,
        fresh,
        runWorker,
        ports,
        nodeId,
        watchdogSeconds,
        ringTimeoutSeconds,
        value,
        externalSwitch,
        externalTemporalTarget,
        slotLeaseSeconds);
  }

  /**
   * Points the worker at a real FreeSWITCH and starts no simulator; null goes back to the
   * simulator.
   */
  public DevOptions withExternalSwitch(ExternalSwitch value) {
    return new DevOptions(
        home,
        temporalMode,
        fresh,
        runWorker,
        ports,
        nodeId,
        watchdogSeconds,
        ringTimeoutSeconds,
        promptMillis,
        value,
        externalTemporalTarget,
        slotLeaseSeconds);
  }

  /**
   * Uses the Temporal server already running at {@code host:port}; null starts one as the mode
   * says.
   */
  public DevOptions withExternalTemporal(String target) {
    return new DevOptions(
        home,
        temporalMode,
        fresh,
        runWorker,
        ports,
        nodeId,
        watchdogSeconds,
        ringTimeoutSeconds,
        promptMillis,
        externalSwitch,
        target,
        slotLeaseSeconds);
  }

  /** How long a call's slot lease lasts (the API's {@code callLimits.slotLeaseSeconds}). */
  public DevOptions withSlotLeaseSeconds(int value) {
    return new DevOptions(
        home,
        temporalMode,
        fresh,
        runWorker,
        ports,
        nodeId,
        watchdogSeconds,
        ringTimeoutSeconds,
        promptMillis,
        externalSwitch,
        externalTemporalTarget,
        value);
  }
}

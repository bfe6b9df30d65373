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
    return with(b -> b.runWorker = value);
  }

  public DevOptions withFresh(boolean value) {
    return with(b -> b.fresh = value);
  }

  public DevOptions withTemporalMode(TemporalMode mode) {
    return with(b -> b.temporalMode = mode);
  }

  public DevOptions withHome(Path value) {
    return with(b -> b.home = value);
  }

  /** {@code --ports BASE}, or other fixed ports; {@link DevPorts#ephemeral()} for free ones. */
  public DevOptions withPorts(DevPorts value) {
    return with(b -> b.ports = value);
  }

  /** How long the simulator takes to play a sound file: long enough to act during a call. */
  public DevOptions withPromptMillis(int value) {
    return with(b -> b.promptMillis = value);
  }

  /**
   * Points the worker at a real FreeSWITCH and starts no simulator; null goes back to the
   * simulator.
   */
  public DevOptions withExternalSwitch(ExternalSwitch value) {
    return with(b -> b.externalSwitch = value);
  }

  /**
   * Uses the Temporal server already running at {@code host:port}; null starts one as the mode
   * says.
   */
  public DevOptions withExternalTemporal(String target) {
    return with(b -> b.externalTemporalTarget = target);
  }

  /** How long a call's slot lease lasts (the API's {@code callLimits.slotLeaseSeconds}). */
  public DevOptions withSlotLeaseSeconds(int value) {
    return with(b -> b.slotLeaseSeconds = value);
  }

  private DevOptions with(java.util.function.Consumer<Copy> change) {
    Copy copy = new Copy(this);
    change.accept(copy);
    return copy.build();
  }

  /** A mutable copy, so that each wither names only the field it changes. */
  private static final class Copy {
    private Path home;
    private TemporalMode temporalMode;
    private boolean fresh;
    private boolean runWorker;
    private DevPorts ports;
    private String nodeId;
    private int watchdogSeconds;
    private int ringTimeoutSeconds;
    private int promptMillis;
    private ExternalSwitch externalSwitch;
    private String externalTemporalTarget;
    private int slotLeaseSeconds;

    Copy(DevOptions o) {
      home = o.home;
      temporalMode = o.temporalMode;
      fresh = o.fresh;
      runWorker = o.runWorker;
      ports = o.ports;
      nodeId = o.nodeId;
      watchdogSeconds = o.watchdogSeconds;
      ringTimeoutSeconds = o.ringTimeoutSeconds;
      promptMillis = o.promptMillis;
      externalSwitch = o.externalSwitch;
      externalTemporalTarget = o.externalTemporalTarget;
      slotLeaseSeconds = o.slotLeaseSeconds;
    }

    DevOptions build() {
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
          slotLeaseSeconds);
    }
  }
}

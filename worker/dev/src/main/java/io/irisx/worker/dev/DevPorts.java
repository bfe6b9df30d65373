package io.irisx.worker.dev;

/** Where each piece of the local stack listens on 127.0.0.1; 0 means any free port. */
public record DevPorts(
    int api,
    int apiAdmin,
    int worker,
    int esl,
    int postgres,
    int redis,
    int s3,
    int temporal,
    int temporalUi,
    int simulatorControl) {

  /** The documented ports of {@code ./irisx dev}. */
  static DevPorts defaults() {
    return new DevPorts(8080, 8081, 8091, 8021, 15432, 16379, 19000, 7233, 8233, 8022);
  }

  /** Every port free and chosen at start: for tests, several stacks side by side. */
  static DevPorts ephemeral() {
    return new DevPorts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  }
}

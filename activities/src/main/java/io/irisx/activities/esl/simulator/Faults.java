package io.irisx.activities.esl.simulator;

/** The faults switched on through {@link EslSimulator}, read by every connection. */
final class Faults {
  private volatile boolean stallReplies;
  private volatile boolean refuseAuth;

  boolean stallingReplies() {
    return stallReplies;
  }

  void stallReplies(boolean stalled) {
    stallReplies = stalled;
  }

  boolean refusingAuth() {
    return refuseAuth;
  }

  void refuseAuth(boolean refuse) {
    refuseAuth = refuse;
  }
}

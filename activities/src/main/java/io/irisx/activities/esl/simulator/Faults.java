package io.irisx.activities.esl.simulator;

/** The faults switched on through {@link EslSimulator}, read by every connection. */
final class Faults {
  private volatile boolean stallReplies;
  private volatile boolean refuseAuth;
  private final java.util.concurrent.atomic.AtomicReference<String> dropAfterReplyTo =
      new java.util.concurrent.atomic.AtomicReference<>();

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

  private volatile Runnable dropAllLinks = () -> {};

  /** How every link is dropped (the simulator's own {@code dropConnections}). */
  void dropLinksWith(Runnable dropAll) {
    this.dropAllLinks = dropAll;
  }

  void dropAllLinks() {
    dropAllLinks.run();
  }

  /** The next api command named {@code command} is run and answered, then every link drops. */
  void dropAfterReplyTo(String command) {
    dropAfterReplyTo.set(command);
  }

  /** Whether this command is the one to drop the links after (once). */
  boolean dropsAfter(String command) {
    String armed = dropAfterReplyTo.get();
    return armed != null && armed.equals(command) && dropAfterReplyTo.compareAndSet(armed, null);
  }
}

package io.irisx.activities.esl;

/**
 * What an {@link EslConnection} reports as it works, for metrics: every event it takes from the
 * socket (heartbeats included, duplicates not) and every command's round trip. Called on the
 * socket's and the callers' threads: implementations must be quick and must not throw.
 */
public interface EslObserver {
  EslObserver NONE = new EslObserver() {};

  /** An event arrived, e.g. {@code CHANNEL_ANSWER}. */
  default void eventReceived(String eventName) {}

  /**
   * A command finished: {@code api} or {@code bgapi}, its first word (e.g. {@code originate}), how
   * long the switch took to answer (for {@code bgapi}, to accept the job) and whether it answered
   * at all.
   */
  default void commandCompleted(String kind, String command, long nanos, boolean answered) {}
}

package io.irisx.temporal;

/**
 * Task-queue names. Media activities run on the queue of the FreeSWITCH node that owns the channel.
 */
public final class TaskQueues {
  /** Call workflows, and activities that may run on any worker. */
  public static final String CALLS = "irisx-calls";

  /**
   * Webhook streams and deliveries, on pollers of their own: a burst of deliveries (four or five
   * per call) must not queue in front of a call's next workflow task. Deliveries begun before this
   * queue existed finish on {@link #CALLS}, where workers still run them.
   */
  public static final String WEBHOOKS = "irisx-webhooks";

  private static final String NODE_PREFIX = "irisx-node-";

  private TaskQueues() {}

  public static String node(String nodeId) {
    return NODE_PREFIX + nodeId;
  }
}

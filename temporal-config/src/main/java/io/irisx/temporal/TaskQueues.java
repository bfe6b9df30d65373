package io.irisx.temporal;

/** Task-queue names. Media activities run on the queue of the FreeSWITCH node that owns the channel. */
public final class TaskQueues {
  /** Call and webhook workflows, and activities that may run on any worker. */
  public static final String CALLS = "irisx-calls";

  private static final String NODE_PREFIX = "irisx-node-";

  private TaskQueues() {}

  public static String node(String nodeId) {
    return NODE_PREFIX + nodeId;
  }
}

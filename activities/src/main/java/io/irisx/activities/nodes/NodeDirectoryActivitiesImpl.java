package io.irisx.activities.nodes;

import io.irisx.workflows.call.NodeDirectoryActivities;
import io.temporal.failure.ApplicationFailure;
import java.util.List;

/** Places each call on a live node, round robin over the nodes whose workers are up. */
public final class NodeDirectoryActivitiesImpl implements NodeDirectoryActivities {
  private final NodeRegistry registry;

  public NodeDirectoryActivitiesImpl(NodeRegistry registry) {
    this.registry = registry;
  }

  @Override
  public String pickNode(String callId) {
    List<String> nodes = registry.liveNodes();
    if (nodes.isEmpty()) {
      // Retryable: a node may come up; the activity's schedule-to-close bounds the wait.
      throw ApplicationFailure.newFailure("no FreeSWITCH node is up", "NoNodeAvailable");
    }
    return nodes.get((int) Math.floorMod(registry.nextTurn(), (long) nodes.size()));
  }
}

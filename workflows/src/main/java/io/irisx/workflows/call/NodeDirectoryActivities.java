package io.irisx.workflows.call;

import io.irisx.temporal.ActivityCatalogue;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Which FreeSWITCH nodes are up; runs on the shared queue. */
@ActivityInterface
public interface NodeDirectoryActivities {

  /** A node with a live worker to place the call on; fails (retryably) while none is up. */
  @ActivityMethod(name = ActivityCatalogue.PICK_NODE)
  String pickNode(String callId);
}

package io.irisx.workflows.call;

import io.irisx.temporal.ActivityCatalogue;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Joining a dialled second leg to a call, on the node that holds both channels (the second leg is
 * originated there with {@link CallControlActivities#originate}).
 */
@ActivityInterface
public interface DialActivities {

  /**
   * Bridges {@code otherUuid} to {@code channelUuid} (uuid_bridge, the call's channel as the
   * originator). The call's channel is marked {@code park_after_bridge} first, so when the other
   * party hangs up it returns to park and its flow goes on. Idempotent: legs already bridged to
   * each other are left alone; a leg already gone is no error (its hangup event tells the
   * workflow).
   */
  @ActivityMethod(name = ActivityCatalogue.BRIDGE_LEGS)
  void bridge(String channelUuid, String otherUuid);
}

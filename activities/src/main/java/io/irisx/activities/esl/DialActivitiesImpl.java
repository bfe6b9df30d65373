package io.irisx.activities.esl;

import io.irisx.workflows.call.DialActivities;
import io.temporal.failure.ApplicationFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bridges a dialled leg to its call over the node's event socket. A retry finds the legs already
 * bridged ({@code bridge_to}) and sends nothing; a leg already gone is the workflow's to learn from
 * its hangup event, not an error here.
 */
public final class DialActivitiesImpl implements DialActivities {
  private static final Logger log = LoggerFactory.getLogger(DialActivitiesImpl.class);

  private final EslConnection esl;
  private final EslCommandBuilder commands;

  public DialActivitiesImpl(EslConnection esl, EslCommandBuilder commands) {
    this.esl = esl;
    this.commands = commands;
  }

  @Override
  public void bridge(String channelUuid, String otherUuid) {
    EslCommand bridge;
    try {
      bridge = commands.bridge(channelUuid, otherUuid);
    } catch (UnsafeCommandException e) {
      throw ApplicationFailure.newNonRetryableFailure(
          e.getMessage(), CallControlActivitiesImpl.UNSAFE_COMMAND);
    }
    EslCommand bridgedTo = commands.bridgedTo(channelUuid);
    if (otherUuid.equalsIgnoreCase(
        esl.api(bridgedTo.command(), bridgedTo.args()).firstLine().trim())) {
      log.info("channel {} is already bridged to {}", channelUuid, otherUuid);
      return;
    }
    EslCommand park = commands.parkAfterBridge(channelUuid);
    ApiReply parked = esl.api(park.command(), park.args());
    if (parked.isError()) {
      log.info("channel {} is gone; nothing to bridge ({})", channelUuid, parked.firstLine());
      return;
    }
    ApiReply reply = esl.api(bridge.command(), bridge.args());
    if (reply.isError()) {
      if (exists(channelUuid) && exists(otherUuid)) {
        throw ApplicationFailure.newNonRetryableFailure(
            "switch refused the bridge: " + reply.firstLine(),
            CallControlActivitiesImpl.SWITCH_REFUSED);
      }
      log.info(
          "a leg of {} / {} is gone; not bridged ({})", channelUuid, otherUuid, reply.firstLine());
    }
  }

  private boolean exists(String channelUuid) {
    EslCommand exists = commands.exists(channelUuid);
    return "true".equals(esl.api(exists.command(), exists.args()).firstLine());
  }
}

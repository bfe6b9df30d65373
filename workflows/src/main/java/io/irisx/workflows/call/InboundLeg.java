package io.irisx.workflows.call;

/**
 * The channel an inbound call arrived on: already parked on its node when the workflow starts, so
 * there is nothing to originate.
 *
 * @param parkedAtMicros the switch's {@code Event-Date-Timestamp} of the CHANNEL_PARK
 * @param callerRaw the caller number as the network sent it, before the node normalised it
 */
public record InboundLeg(
    String nodeId,
    String channelUuid,
    String phoneNumberId,
    long parkedAtMicros,
    String callerRaw) {

  /** A leg whose caller number is already in the form the call reports. */
  public InboundLeg(String nodeId, String channelUuid, String phoneNumberId, long parkedAtMicros) {
    this(nodeId, channelUuid, phoneNumberId, parkedAtMicros, null);
  }
}

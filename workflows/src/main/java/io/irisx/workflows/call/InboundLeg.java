package io.irisx.workflows.call;

/**
 * The channel an inbound call arrived on: already parked on its node when the workflow starts, so
 * there is nothing to originate.
 *
 * @param parkedAtMicros the switch's {@code Event-Date-Timestamp} of the CHANNEL_PARK
 */
public record InboundLeg(
    String nodeId, String channelUuid, String phoneNumberId, long parkedAtMicros) {}

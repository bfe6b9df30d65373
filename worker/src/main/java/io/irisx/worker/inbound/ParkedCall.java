package io.irisx.worker.inbound;

/**
 * A call from the network that the node's dialplan parked for IRISX, as its CHANNEL_PARK told it.
 *
 * @param destination the dialled number as the switch saw it ({@code Caller-Destination-Number})
 * @param parkedAtMicros the event's {@code Event-Date-Timestamp}
 */
public record ParkedCall(
    String channelUuid, String caller, String destination, long parkedAtMicros) {}

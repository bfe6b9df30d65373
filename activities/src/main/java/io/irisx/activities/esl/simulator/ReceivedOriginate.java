package io.irisx.activities.esl.simulator;

/**
 * One {@code originate} the simulator received, timestamped on receipt (before any far-end timing),
 * so a benchmark can measure how long a call took from its API request to the switch.
 *
 * @param callId the {@code irisx_call_id} channel variable, or null when the originate had none
 * @param channelUuid the {@code origination_uuid} asked for, or null when none was given
 * @param destination the dialled number
 * @param receivedAtMicros wall-clock time of receipt, microseconds since the epoch
 */
public record ReceivedOriginate(
    String callId, String channelUuid, String destination, long receivedAtMicros) {}

package io.irisx.activities.esl.simulator;

/**
 * A read-only snapshot of one live simulated channel, for test assertions.
 *
 * @param callId the {@code irisx_call_id} channel variable, or null when the originate did not set
 *     it
 * @param state the running state as FreeSWITCH names it, e.g. {@code CS_EXECUTE}
 * @param application the application currently executing ({@code park}, {@code playback}) or null
 */
public record SimulatedChannelView(
    String uuid,
    String callId,
    String destination,
    String state,
    boolean answered,
    String application) {}

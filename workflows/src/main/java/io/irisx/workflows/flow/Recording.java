package io.irisx.workflows.flow;

/**
 * A recording the flow made. Its upload to S3 goes on in the background; the call's workflow waits
 * for it before it completes, and the row ({@code GET /v1/recordings/{recordingId}}) ends {@code
 * available} or {@code failed}.
 *
 * @param recordingId the recording's UUID, as the API knows it
 * @param durationMillis how long the recording is, as the switch reported it
 * @param ending why it stopped
 */
public record Recording(String recordingId, long durationMillis, Ending ending) {
  public enum Ending {
    /** The maximum length was reached. */
    MAX_LENGTH,
    /** The caller was silent for the configured time. */
    SILENCE,
    /** The caller pressed a stop key. */
    KEY,
    /** The caller hung up (the switch closed the file). */
    HANGUP,
    /**
     * The switch stopped it for another reason (e.g. an operator, or the file could not be
     * written).
     */
    STOPPED
  }
}

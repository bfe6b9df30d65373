package io.irisx.workflows.call;

/**
 * One FreeSWITCH event about a call's channel, as the worker's event bridge signals it to the call
 * workflow. Only the fields a workflow decides on are carried; absent values are null.
 *
 * @param type the ESL {@code Event-Name}, e.g. {@code CHANNEL_ANSWER} or {@code BACKGROUND_JOB}
 * @param sequence the switch's {@code Event-Sequence}, used to drop duplicates
 * @param timestampMicros the switch's {@code Event-Date-Timestamp} (epoch microseconds)
 * @param jobResult for {@code BACKGROUND_JOB}: the job's output, e.g. {@code -ERR USER_BUSY}
 */
public record ChannelEvent(
    String type,
    String channelUuid,
    String coreUuid,
    long sequence,
    long timestampMicros,
    String answerState,
    String hangupCause,
    String sipTermStatus,
    String dtmfDigit,
    String playbackPath,
    String jobResult) {

  public static final String BACKGROUND_JOB = "BACKGROUND_JOB";
  public static final String CHANNEL_PROGRESS = "CHANNEL_PROGRESS";
  public static final String CHANNEL_PROGRESS_MEDIA = "CHANNEL_PROGRESS_MEDIA";
  public static final String CHANNEL_ANSWER = "CHANNEL_ANSWER";
  public static final String CHANNEL_HANGUP = "CHANNEL_HANGUP";
  public static final String CHANNEL_HANGUP_COMPLETE = "CHANNEL_HANGUP_COMPLETE";
  public static final String PLAYBACK_STOP = "PLAYBACK_STOP";
  public static final String DTMF = "DTMF";

  public boolean is(String eventType) {
    return eventType.equals(type);
  }
}

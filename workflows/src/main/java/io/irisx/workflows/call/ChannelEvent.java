package io.irisx.workflows.call;

import org.jspecify.annotations.Nullable;

/**
 * One FreeSWITCH event about a call's channel, as the worker's event bridge signals it to the call
 * workflow. Only the fields a workflow decides on are carried; absent values are null.
 *
 * @param type the ESL {@code Event-Name}, e.g. {@code CHANNEL_ANSWER} or {@code BACKGROUND_JOB}
 * @param sequence the switch's {@code Event-Sequence}, used to drop duplicates
 * @param timestampMicros the switch's {@code Event-Date-Timestamp} (epoch microseconds)
 * @param jobResult for {@code BACKGROUND_JOB}: the job's output, e.g. {@code -ERR USER_BUSY}
 * @param hangupDisposition {@code variable_sip_hangup_disposition} on hangup events: which side
 *     ended the SIP dialog ({@code recv_bye}, {@code send_bye}, {@code recv_refuse}, ...)
 * @param recordFilePath for {@code RECORD_STOP}: the file's {@code Record-File-Path}
 * @param recordCompletionCause for {@code RECORD_STOP}: {@code Record-Completion-Cause}, e.g.
 *     {@code success-silence}
 * @param recordMillis for {@code RECORD_STOP}: {@code variable_record_ms}, the audio's length
 */
public record ChannelEvent(
    String type,
    String channelUuid,
    String coreUuid,
    long sequence,
    long timestampMicros,
    @Nullable String answerState,
    @Nullable String hangupCause,
    @Nullable String sipTermStatus,
    @Nullable String dtmfDigit,
    @Nullable String playbackPath,
    @Nullable String jobResult,
    @Nullable String hangupDisposition,
    @Nullable String recordFilePath,
    @Nullable String recordCompletionCause,
    @Nullable Long recordMillis) {

  /** An event without hangup disposition or recording details (histories before they existed). */
  public ChannelEvent(
      String type,
      String channelUuid,
      String coreUuid,
      long sequence,
      long timestampMicros,
      @Nullable String answerState,
      @Nullable String hangupCause,
      @Nullable String sipTermStatus,
      @Nullable String dtmfDigit,
      @Nullable String playbackPath,
      @Nullable String jobResult) {
    this(
        type,
        channelUuid,
        coreUuid,
        sequence,
        timestampMicros,
        answerState,
        hangupCause,
        sipTermStatus,
        dtmfDigit,
        playbackPath,
        jobResult,
        null,
        null,
        null,
        null);
  }

  public static final String BACKGROUND_JOB = "BACKGROUND_JOB";
  public static final String CHANNEL_PROGRESS = "CHANNEL_PROGRESS";
  public static final String CHANNEL_PROGRESS_MEDIA = "CHANNEL_PROGRESS_MEDIA";
  public static final String CHANNEL_ANSWER = "CHANNEL_ANSWER";
  public static final String CHANNEL_HANGUP = "CHANNEL_HANGUP";
  public static final String CHANNEL_HANGUP_COMPLETE = "CHANNEL_HANGUP_COMPLETE";
  public static final String PLAYBACK_STOP = "PLAYBACK_STOP";
  public static final String DTMF = "DTMF";
  public static final String RECORD_STOP = "RECORD_STOP";

  public boolean is(String eventType) {
    return eventType.equals(type);
  }
}

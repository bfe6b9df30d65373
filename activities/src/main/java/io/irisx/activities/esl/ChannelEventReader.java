package io.irisx.activities.esl;

import io.irisx.workflows.call.ChannelEvent;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A switch event as the call workflow reads it: the fields it decides on, nothing else. */
public final class ChannelEventReader {
  private static final Pattern CHANNEL_IN_ORIGINATE =
      Pattern.compile("[{,\\[]origination_uuid=([0-9a-f-]{36})[,}\\]]");

  private ChannelEventReader() {}

  public static ChannelEvent of(SwitchEvent event) {
    boolean job = ChannelEvent.BACKGROUND_JOB.equals(event.name());
    return new ChannelEvent(
        event.name(),
        job ? originatedChannel(event) : event.header("Unique-ID"),
        event.header("Core-UUID"),
        parseLong(event.header("Event-Sequence")),
        parseLong(event.header("Event-Date-Timestamp")),
        event.header("Answer-State"),
        event.header("Hangup-Cause"),
        event.header("variable_sip_term_status"),
        event.header("DTMF-Digit"),
        event.header("Playback-File-Path"),
        job ? event.body() : null,
        event.header("variable_sip_hangup_disposition"),
        event.header("Record-File-Path"),
        event.header("Record-Completion-Cause"),
        ChannelEvent.RECORD_STOP.equals(event.name())
            ? parseOptionalLong(event.header("variable_record_ms"))
            : null);
  }

  /**
   * A job has no channel; its originate's {@code origination_uuid} names the leg it made, so a call
   * with a dial's second leg can tell that leg's failed originate from its own.
   */
  private static String originatedChannel(SwitchEvent event) {
    String args = event.header("Job-Command-Arg");
    Matcher matcher = CHANNEL_IN_ORIGINATE.matcher(args == null ? "" : args);
    return matcher.find() ? matcher.group(1) : event.header("Unique-ID");
  }

  private static Long parseOptionalLong(String value) {
    try {
      return value == null ? null : Long.valueOf(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static long parseLong(String value) {
    try {
      return value == null ? 0 : Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}

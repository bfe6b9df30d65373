package io.irisx.activities.esl;

import io.irisx.workflows.activities.OriginateCommand;
import java.util.regex.Pattern;

/**
 * Builds every command the platform sends to FreeSWITCH, and is the one place untrusted values
 * enter them. ESL commands are single lines whose arguments are split on spaces, and originate
 * variables are split on commas inside braces, so a value with a newline, a space, a comma, a brace
 * or a {@code $} (channel-variable expansion) could smuggle in a second command, a variable or an
 * application. Each value is therefore checked against a strict shape and refused, not escaped.
 */
public final class EslCommandBuilder {
  private static final Pattern UUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
  private static final Pattern HANGUP_CAUSE = Pattern.compile("[A-Z][A-Z0-9_]{2,49}");
  /**
   * Sound files (relative to the sound prefix or absolute) and tone/silence streams. No {@code ::}
   * anywhere: uuid_broadcast would run {@code app::args} as a dialplan application.
   */
  private static final Pattern MEDIA =
      Pattern.compile(
          "(?:tone_stream|silence_stream)://[A-Za-z0-9_.;=%(),+-]{1,512}|[A-Za-z0-9_/][A-Za-z0-9_./=+-]{0,511}");
  private static final Pattern DIAL_TEMPLATE = Pattern.compile("[A-Za-z0-9_./:@+-]*\\{to\\}[A-Za-z0-9_./:@+-]*");
  private static final int MAX_RING_SECONDS = 600;

  private final String dialTemplate;

  public EslCommandBuilder(EslNodeSettings settings) {
    if (!DIAL_TEMPLATE.matcher(settings.dialTemplate()).matches()) {
      throw new UnsafeCommandException("dial template has characters ESL would interpret: " + settings.dialTemplate());
    }
    this.dialTemplate = settings.dialTemplate();
  }

  /**
   * {@code originate {vars}dial &park()}: the channel parks on answer and waits for the workflow.
   * The variables name the call on every event of the channel, which is how events find their
   * workflow, and {@code origination_uuid} lets a retried originate find the channel it made.
   */
  public EslCommand originate(OriginateCommand command) {
    String channelUuid = uuid(command.channelUuid(), "channel uuid");
    String callId = uuid(command.callId(), "call id");
    String from = e164(command.from(), "from");
    String to = e164(command.to(), "to");
    if (command.timeoutSeconds() < 1 || command.timeoutSeconds() > MAX_RING_SECONDS) {
      throw new UnsafeCommandException("ring timeout must be 1.." + MAX_RING_SECONDS + " seconds: " + command.timeoutSeconds());
    }
    String variables =
        String.join(
            ",",
            "origination_uuid=" + channelUuid,
            "irisx_call_id=" + callId,
            "origination_caller_id_number=" + from,
            "origination_caller_id_name=" + from,
            "originate_timeout=" + command.timeoutSeconds(),
            "ignore_early_media=true");
    String dial = dialTemplate.replace("{to}", to);
    return new EslCommand("originate", "{" + variables + "}" + dial + " &park()");
  }

  public EslCommand exists(String channelUuid) {
    return new EslCommand("uuid_exists", uuid(channelUuid, "channel uuid"));
  }

  /** Plays to the channel's own leg; the parked channel returns to park when it ends. */
  public EslCommand broadcast(String channelUuid, String media) {
    return new EslCommand("uuid_broadcast", uuid(channelUuid, "channel uuid") + " " + media(media) + " aleg");
  }

  public EslCommand kill(String channelUuid, String cause) {
    if (cause == null || !HANGUP_CAUSE.matcher(cause).matches()) {
      throw new UnsafeCommandException("not a Q.850 cause name: " + printable(cause));
    }
    return new EslCommand("uuid_kill", uuid(channelUuid, "channel uuid") + " " + cause);
  }

  public EslCommand listChannels() {
    return new EslCommand("show", "channels as json");
  }

  private static String uuid(String value, String what) {
    if (value == null || !UUID.matcher(value).matches()) {
      throw new UnsafeCommandException(what + " is not a UUID: " + printable(value));
    }
    return value;
  }

  private static String e164(String value, String what) {
    if (value == null || !E164.matcher(value).matches()) {
      throw new UnsafeCommandException(what + " is not a strict E.164 number: " + printable(value));
    }
    return value;
  }

  private static String media(String value) {
    if (value == null || !MEDIA.matcher(value).matches() || value.contains("..") || value.contains("::")) {
      throw new UnsafeCommandException("not a playable media reference: " + printable(value));
    }
    return value;
  }

  /** Error messages end up in workflow history and logs: show control characters, not obey them. */
  private static String printable(String value) {
    if (value == null) {
      return "null";
    }
    String shown = value.length() > 80 ? value.substring(0, 80) + "..." : value;
    return "'" + shown.replace("\r", "\\r").replace("\n", "\\n") + "'";
  }
}

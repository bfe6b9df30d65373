package io.irisx.activities.esl;

import io.irisx.workflows.call.OriginateCommand;
import io.irisx.workflows.call.PhoneNumber;
import io.irisx.workflows.webhook.WebhookSettings;
import io.irisx.workflows.webhook.WebhookUrlPolicy;
import io.irisx.workflows.webhook.WebhookUrlRefusedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern HANGUP_CAUSE = Pattern.compile("[A-Z][A-Z0-9_]{2,49}");

  /**
   * Sound files relative to the node's sound root (FreeSWITCH's {@code sound_prefix}; no leading
   * {@code /}, so no file outside it) and tone/silence streams. No {@code ::} anywhere:
   * uuid_broadcast would run {@code app::args} as a dialplan application.
   */
  private static final Pattern MEDIA =
      Pattern.compile(
          "(?:tone_stream|silence_stream)://[A-Za-z0-9_.;=%(),+-]{1,512}|[A-Za-z0-9_][A-Za-z0-9_./=+-]{0,511}");

  /** DTMF to send: digits, A-D, * and #, and w/W for half-second and one-second pauses. */
  private static final Pattern DTMF = Pattern.compile("[0-9A-Da-d*#wW]{1,64}");

  private static final Pattern DIAL_TEMPLATE =
      Pattern.compile("[A-Za-z0-9_./:@+-]*\\{to\\}[A-Za-z0-9_./:@+-]*");
  private static final int MAX_RING_SECONDS = 600;

  /** A day: a longer recording is a mistake, not a call. */
  private static final int MAX_RECORD_SECONDS = 86_400;

  private static final Pattern RECORDING_PATH = Pattern.compile("/[A-Za-z0-9_./-]{1,1000}");

  /** Custom SIP headers: only X- headers, so no standard header (From, Via, ...) can be forged. */
  private static final Pattern SIP_HEADER_NAME = Pattern.compile("X-[A-Za-z0-9-]{1,40}");

  /**
   * Free-text values inside {@code {...}}: printable ASCII without whitespace (splits the command),
   * the variable syntax {@code ,{}[]^=}, leg separators {@code |&}, {@code $} (expansion), quotes,
   * backslashes, parentheses and angle brackets.
   */
  private static final Pattern VARIABLE_TEXT =
      Pattern.compile("[\\x21-\\x7e&&[^,{}\\[\\]^|&$'\"\\\\()<>=]]{1,128}");

  /**
   * Text to speak (io.irisx.workflows.flow.Media): quotes, {@code |}, {@code $}, braces and colons
   * refused.
   */
  private static final Pattern SPEECH = Pattern.compile("say:([\\p{L}\\p{N} .,?!%-]{1,1000})");

  /**
   * An https URL for mod_http_cache: nothing the argument splitter, a variable or an app could act
   * on.
   */
  private static final Pattern HTTP_CACHE =
      Pattern.compile(
          "http_cache://https://[A-Za-z0-9.-]{1,253}(?::[0-9]{1,5})?(?:/[A-Za-z0-9_.~/%=&+-]*)?(?:\\?[A-Za-z0-9_.~/%=&+-]*)?");

  private final String dialTemplate;
  private final DialOptions nodeOptions;
  private final SpeechVoice speech;

  /**
   * The webhook address policy, which every media URL must pass. Without resolving ({@link
   * WebhookUrlPolicy#refuseMediaForm}) when the builder was given none: IP literals and metadata
   * hosts are refused all the same.
   */
  private final WebhookUrlPolicy mediaUrls;

  private final boolean resolveMediaHosts;

  public EslCommandBuilder(EslNodeSettings settings) {
    this(settings, DialOptions.NONE);
  }

  /**
   * With the node's own caller id and SIP headers, checked now so a bad configuration fails at
   * startup.
   */
  public EslCommandBuilder(EslNodeSettings settings, DialOptions nodeOptions) {
    this(settings, nodeOptions, SpeechVoice.FLITE_KAL);
  }

  /** As above, with the node's text-to-speech engine and voice. */
  public EslCommandBuilder(EslNodeSettings settings, DialOptions nodeOptions, SpeechVoice speech) {
    this(settings, nodeOptions, speech, null);
  }

  /**
   * As above; every https media URL must moreover pass {@code mediaUrls} (its host resolved and
   * each address judged) before it reaches the switch, which would fetch it from inside the
   * network.
   */
  public EslCommandBuilder(
      EslNodeSettings settings,
      DialOptions nodeOptions,
      SpeechVoice speech,
      WebhookUrlPolicy mediaUrls) {
    this.resolveMediaHosts = mediaUrls != null;
    this.mediaUrls =
        mediaUrls != null ? mediaUrls : new WebhookUrlPolicy(WebhookSettings.production());
    this.speech = java.util.Objects.requireNonNull(speech, "speech");
    if (!DIAL_TEMPLATE.matcher(settings.dialTemplate()).matches()) {
      throw new UnsafeCommandException(
          "dial template has characters ESL would interpret: " + settings.dialTemplate());
    }
    this.dialTemplate = settings.dialTemplate();
    validate(nodeOptions);
    this.nodeOptions = nodeOptions;
  }

  /**
   * {@code originate {vars}dial &park()}: the channel parks on answer and waits for the workflow.
   * The variables name the call on every event of the channel, which is how events find their
   * workflow, and {@code origination_uuid} lets a retried originate find the channel it made.
   */
  public EslCommand originate(OriginateCommand command) {
    return originate(command, DialOptions.NONE);
  }

  /**
   * As {@link #originate(OriginateCommand)}, with this call's dial options over the node's: a
   * caller-id name or number replaces the default (the call's {@code from}), and each SIP header
   * becomes a {@code sip_h_X-...} variable. Anything that fails validation is refused.
   */
  public EslCommand originate(OriginateCommand command, DialOptions callOptions) {
    DialOptions options = nodeOptions.overriddenBy(callOptions);
    String channelUuid = uuid(command.channelUuid(), "channel uuid");
    String callId = uuid(command.callId(), "call id");
    String from = e164(command.from(), "from");
    String to = e164(command.to(), "to");
    if (command.timeoutSeconds() < 1 || command.timeoutSeconds() > MAX_RING_SECONDS) {
      throw new UnsafeCommandException(
          "ring timeout must be 1.." + MAX_RING_SECONDS + " seconds: " + command.timeoutSeconds());
    }
    List<String> variables = new ArrayList<>();
    variables.add("origination_uuid=" + channelUuid);
    variables.add("irisx_call_id=" + callId);
    variables.add(
        "origination_caller_id_number="
            + (options.callerIdNumber() == null
                ? from
                : e164(options.callerIdNumber(), "caller id number")));
    variables.add(
        "origination_caller_id_name="
            + (options.callerIdName() == null
                ? from
                : text(options.callerIdName(), "caller id name")));
    variables.add("originate_timeout=" + command.timeoutSeconds());
    variables.add("ignore_early_media=true");
    variables.addAll(sipHeaderVariables(options));
    String dial = dialTemplate.replace("{to}", to);
    return new EslCommand("originate", "{" + String.join(",", variables) + "}" + dial + " &park()");
  }

  private static void validate(DialOptions options) {
    sipHeaderVariables(options);
    if (options.callerIdName() != null) {
      text(options.callerIdName(), "caller id name");
    }
    if (options.callerIdNumber() != null) {
      e164(options.callerIdNumber(), "caller id number");
    }
  }

  private static List<String> sipHeaderVariables(DialOptions options) {
    List<String> variables = new ArrayList<>();
    for (Map.Entry<String, String> header : options.sipHeaders().entrySet()) {
      String name = header.getKey();
      if (name == null || !SIP_HEADER_NAME.matcher(name).matches()) {
        throw new UnsafeCommandException(
            "SIP header names must match X-[A-Za-z0-9-]{1,40}: " + printable(name));
      }
      variables.add("sip_h_" + name + "=" + text(header.getValue(), "SIP header " + name));
    }
    return variables;
  }

  private static String text(String value, String what) {
    if (value == null || !VARIABLE_TEXT.matcher(value).matches()) {
      throw new UnsafeCommandException(
          what
              + " must be 1..128 printable characters without spaces or any of ,{}[]^|&$'\"\\()<>=: "
              + printable(value));
    }
    return value;
  }

  /**
   * The channel variable that says a channel's events are owned by the steps waiting on it (see
   * {@link ChannelWaiters}): the event bridge signals its call only what no step waits for.
   */
  public static final String STEPS_VARIABLE = "irisx_steps";

  /** The channel variable naming the last step sent to the channel, for a retried step. */
  public static final String STEP_VARIABLE = "irisx_step";

  private static final java.util.regex.Pattern STEP_ID =
      java.util.regex.Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  /** As {@link #originate(OriginateCommand)}, marking the channel as owned by waiting steps. */
  public EslCommand originateOwningEvents(OriginateCommand command) {
    EslCommand originate = originate(command);
    return new EslCommand(
        originate.command(), "{" + STEPS_VARIABLE + "=1," + originate.args().substring(1));
  }

  /** Marks a channel (an inbound one) as owned by waiting steps. */
  public EslCommand markOwningEvents(String channelUuid) {
    return new EslCommand(
        "uuid_setvar", uuid(channelUuid, "channel uuid") + " " + STEPS_VARIABLE + " 1");
  }

  /** Names the step about to be sent to the channel ({@code irisx_step}). */
  public EslCommand markStep(String channelUuid, String stepId) {
    return new EslCommand(
        "uuid_setvar",
        uuid(channelUuid, "channel uuid") + " " + STEP_VARIABLE + " " + stepId(stepId));
  }

  /** Reads which step was last sent to the channel. */
  public EslCommand lastStep(String channelUuid) {
    return new EslCommand("uuid_getvar", uuid(channelUuid, "channel uuid") + " " + STEP_VARIABLE);
  }

  /**
   * The variable the playback application sets as it ends ({@code FILE PLAYED}, {@code FILE NOT
   * FOUND}, ...): the same text as its CHANNEL_EXECUTE_COMPLETE's Application-Response.
   */
  public static final String RESPONSE_VARIABLE = "current_application_response";

  /** What {@link #RESPONSE_VARIABLE} holds from a prompt's broadcast until the switch ends it. */
  public static final String PROMPT_PENDING = "irisx_prompt_pending";

  /** Sets {@link #RESPONSE_VARIABLE} to {@link #PROMPT_PENDING} before a prompt is broadcast. */
  public EslCommand markPromptPending(String channelUuid) {
    return new EslCommand(
        "uuid_setvar",
        uuid(channelUuid, "channel uuid") + " " + RESPONSE_VARIABLE + " " + PROMPT_PENDING);
  }

  /** Reads {@link #RESPONSE_VARIABLE}: whether, and how, the last prompt ended. */
  public EslCommand promptResponse(String channelUuid) {
    return new EslCommand(
        "uuid_getvar", uuid(channelUuid, "channel uuid") + " " + RESPONSE_VARIABLE);
  }

  /** What uuid_broadcast names in the playback's CHANNEL_EXECUTE (Application-Data). */
  public String playbackData(String media) {
    String playable = playable(media);
    return playable.startsWith("'") && playable.endsWith("'")
        ? playable.substring(1, playable.length() - 1)
        : playable;
  }

  private static String stepId(String stepId) {
    if (stepId == null || !STEP_ID.matcher(stepId).matches()) {
      throw new UnsafeCommandException("not a step id: " + printable(stepId));
    }
    return stepId;
  }

  public EslCommand exists(String channelUuid) {
    return new EslCommand("uuid_exists", uuid(channelUuid, "channel uuid"));
  }

  /** Plays to the channel's own leg; the parked channel returns to park when it ends. */
  public EslCommand broadcast(String channelUuid, String media) {
    return new EslCommand(
        "uuid_broadcast", uuid(channelUuid, "channel uuid") + " " + playable(media) + " aleg");
  }

  /**
   * The switch's form of a media reference. Speech ({@code say:text}) becomes the file {@code
   * tts://engine|voice|text} in single quotes, which uuid_broadcast's argument splitter keeps whole
   * and strips (switch_separate_string); the text has no quote to end them early.
   */
  private String playable(String media) {
    if (media != null && media.startsWith("say:")) {
      java.util.regex.Matcher text = SPEECH.matcher(media);
      if (!text.matches() || text.group(1).isBlank()) {
        throw new UnsafeCommandException("not speakable text: " + printable(media));
      }
      return "'" + speechPath(text.group(1)) + "'";
    }
    if (media != null && media.startsWith("http_cache://")) {
      if (!HTTP_CACHE.matcher(media).matches() || media.contains("..") || media.length() > 2100) {
        throw new UnsafeCommandException("not a safe https media URL: " + printable(media));
      }
      String url = media.substring("http_cache://".length());
      try {
        if (resolveMediaHosts) {
          mediaUrls.checkMedia(url);
        } else {
          mediaUrls.refuseMediaForm(url);
        }
      } catch (WebhookUrlRefusedException refused) {
        throw new UnsafeCommandException(
            "media URL refused (" + refused.getMessage() + "): " + printable(media));
      }
      return media;
    }
    return media(media);
  }

  /** The file the switch plays text as, and names in its playback events. */
  public String speechPath(String text) {
    return "tts://" + speech.engine() + "|" + speech.voice() + "|" + text;
  }

  public EslCommand kill(String channelUuid, String cause) {
    if (cause == null || !HANGUP_CAUSE.matcher(cause).matches()) {
      throw new UnsafeCommandException("not a Q.850 cause name: " + printable(cause));
    }
    return new EslCommand("uuid_kill", uuid(channelUuid, "channel uuid") + " " + cause);
  }

  public EslCommand answer(String channelUuid) {
    return new EslCommand("uuid_answer", uuid(channelUuid, "channel uuid"));
  }

  /**
   * Tags a channel IRISX did not originate (an inbound call) with its call id, so every later event
   * of the channel names its call as an originated channel's events do.
   */
  public EslCommand tagWithCallId(String channelUuid, String callId) {
    return new EslCommand(
        "uuid_setvar",
        uuid(channelUuid, "channel uuid") + " irisx_call_id " + uuid(callId, "call id"));
  }

  /** Stops the prompt playing now and drops those queued behind it. */
  public EslCommand stopMedia(String channelUuid) {
    return new EslCommand("uuid_break", uuid(channelUuid, "channel uuid") + " all");
  }

  public EslCommand sendDigits(String channelUuid, String digits) {
    if (digits == null || !DTMF.matcher(digits).matches()) {
      throw new UnsafeCommandException(
          "DTMF must be 1..64 of 0-9 A-D * # w W: " + printable(digits));
    }
    return new EslCommand("uuid_send_dtmf", uuid(channelUuid, "channel uuid") + " " + digits);
  }

  /**
   * {@code uuid_record <uuid> start <path> [<maxSeconds>]}. The path is absolute, made of {@code
   * [A-Za-z0-9_./-]} only, without {@code ..}: nothing the argument splitter or a variable
   * expansion could act on, and nowhere outside the directory it names.
   */
  public EslCommand recordStart(String channelUuid, String path, int maxSeconds) {
    return recordStart(channelUuid, path, maxSeconds, 0);
  }

  /**
   * As {@link #recordStart(String, String, int)}, ended by the switch after {@code silenceMillis}
   * of silence: {@code uuid_record <uuid> start <path> <maxSeconds>
   * {RECORD_INITIAL_TIMEOUT_MS=n,RECORD_FINAL_TIMEOUT_MS=n}}. mod_commands reads the recording
   * variables only after a limit, so the limit is always written then (0: none).
   */
  public EslCommand recordStart(
      String channelUuid, String path, int maxSeconds, int silenceMillis) {
    if (maxSeconds < 0 || maxSeconds > MAX_RECORD_SECONDS) {
      throw new UnsafeCommandException(
          "recording limit must be 0.." + MAX_RECORD_SECONDS + " seconds: " + maxSeconds);
    }
    if (silenceMillis < 0 || silenceMillis > MAX_RECORD_SECONDS * 1000) {
      throw new UnsafeCommandException(
          "silence end must be 0.." + MAX_RECORD_SECONDS * 1000 + " ms: " + silenceMillis);
    }
    String args = uuid(channelUuid, "channel uuid") + " start " + recordingPath(path);
    if (silenceMillis > 0) {
      return new EslCommand(
          "uuid_record",
          args
              + " "
              + maxSeconds
              + " {RECORD_INITIAL_TIMEOUT_MS="
              + silenceMillis
              + ",RECORD_FINAL_TIMEOUT_MS="
              + silenceMillis
              + "}");
    }
    return new EslCommand("uuid_record", maxSeconds > 0 ? args + " " + maxSeconds : args);
  }

  /** {@code uuid_record <uuid> stop <path>}. */
  public EslCommand recordStop(String channelUuid, String path) {
    return new EslCommand(
        "uuid_record", uuid(channelUuid, "channel uuid") + " stop " + recordingPath(path));
  }

  private static String recordingPath(String path) {
    if (path == null
        || !RECORDING_PATH.matcher(path).matches()
        || path.contains("..")
        || path.contains("//")) {
      throw new UnsafeCommandException("not a safe absolute recording path: " + printable(path));
    }
    return path;
  }

  /**
   * {@code uuid_setvar <uuid> park_after_bridge true}: when the other leg of a bridge hangs up,
   * this channel parks again (switch_ivr_bridge.c) instead of hanging up, and its flow goes on.
   */
  public EslCommand parkAfterBridge(String channelUuid) {
    return new EslCommand(
        "uuid_setvar", uuid(channelUuid, "channel uuid") + " park_after_bridge true");
  }

  /**
   * {@code uuid_getvar <uuid> bridge_to}: the leg this channel is bridged to, or {@code _undef_}.
   */
  public EslCommand bridgedTo(String channelUuid) {
    return new EslCommand("uuid_getvar", uuid(channelUuid, "channel uuid") + " bridge_to");
  }

  /** {@code uuid_bridge <uuid> <other>}: {@code channelUuid} is the bridge's originator. */
  public EslCommand bridge(String channelUuid, String otherUuid) {
    return new EslCommand(
        "uuid_bridge", uuid(channelUuid, "channel uuid") + " " + uuid(otherUuid, "other leg uuid"));
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
    if (!PhoneNumber.isE164(value)) {
      throw new UnsafeCommandException(what + " is not a strict E.164 number: " + printable(value));
    }
    return value;
  }

  private static String media(String value) {
    if (value == null
        || !MEDIA.matcher(value).matches()
        || value.contains("..")
        || value.contains("//") && !value.matches("(?:tone_stream|silence_stream)://[^/]*")
        || value.contains("::")) {
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

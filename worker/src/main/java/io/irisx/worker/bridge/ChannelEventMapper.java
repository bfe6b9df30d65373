package io.irisx.worker.bridge;

import io.irisx.activities.esl.ChannelEventReader;
import io.irisx.activities.esl.EslCommandBuilder;
import io.irisx.activities.esl.SwitchEvent;
import io.irisx.worker.inbound.ParkedCall;
import io.irisx.workflows.call.ChannelEvent;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a switch event into the signal for the call it belongs to. Channel events name their call
 * in the {@code irisx_call_id} channel variable; an originate's BACKGROUND_JOB carries no channel
 * variables, so its call is read from the originate arguments echoed in {@code Job-Command-Arg}.
 * FreeSWITCH sends no variables with DTMF either (switch_channel_event_set_extended_data leaves
 * them out), so each channel's call is remembered from its earlier events until CHANNEL_DESTROY.
 */
final class ChannelEventMapper {
  /** A call event addressed to the workflow of {@code callId}. */
  record CallSignal(String callId, ChannelEvent event) {}

  private static final Set<String> SIGNALLED =
      Set.of(
          ChannelEvent.BACKGROUND_JOB,
          ChannelEvent.CHANNEL_PROGRESS,
          ChannelEvent.CHANNEL_PROGRESS_MEDIA,
          ChannelEvent.CHANNEL_ANSWER,
          ChannelEvent.CHANNEL_HANGUP,
          ChannelEvent.CHANNEL_HANGUP_COMPLETE,
          ChannelEvent.PLAYBACK_STOP,
          ChannelEvent.DTMF,
          ChannelEvent.RECORD_STOP);

  /**
   * What a channel owned by its steps still signals (besides its first progress): its hangup, once,
   * what a recording (which the workflow still follows by signals) needs: its end and the keys that
   * may end it, and the end of a playback no step took: a live play from the API, which the flow
   * waits to be heard out.
   */
  private static final Set<String> OWNED_SIGNALLED =
      Set.of(
          ChannelEvent.CHANNEL_HANGUP_COMPLETE,
          ChannelEvent.RECORD_STOP,
          ChannelEvent.DTMF,
          ChannelEvent.PLAYBACK_STOP);

  private static final Pattern CALL_ID_IN_ORIGINATE =
      Pattern.compile("[{,\\[]irisx_call_id=([0-9a-f-]{36})[,}\\]]");

  /**
   * A call from the network parked by the dialplan and not yet taken by IRISX: an inbound
   * CHANNEL_PARK without {@code irisx_call_id}. Once taken, the channel carries the id, so the
   * parks that follow each prompt are not mistaken for a new call.
   */
  Optional<ParkedCall> parkedInbound(SwitchEvent event) {
    if (!"CHANNEL_PARK".equals(event.name())
        || !"inbound".equals(event.header("Call-Direction"))
        || event.header("variable_irisx_call_id") != null
        || event.header("Unique-ID") == null) {
      return Optional.empty();
    }
    String caller = event.header("Caller-Caller-ID-Number");
    return Optional.of(
        new ParkedCall(
            event.header("Unique-ID"),
            caller == null || caller.isBlank() ? "anonymous" : caller,
            event.header("Caller-Destination-Number"),
            parseLong(event.header("Event-Date-Timestamp"))));
  }

  Optional<CallSignal> map(SwitchEvent event) {
    return map(event, false);
  }

  /**
   * As {@link #map(SwitchEvent)}, for an event a waiting step may have {@code taken}: a channel
   * whose events its steps own (it carries {@code irisx_steps}) signals only what no step waits for
   * and what changes the call: its hangup, once, and a recording's end.
   */
  Optional<CallSignal> map(SwitchEvent event, boolean taken) {
    remember(event);
    if (firstProgressOfOwned(event)) {
      // The dial step takes it too, but the call must say it rings while it rings (status,
      // call.ringing), not when the far end answers or gives up.
      return callIdOf(event).map(callId -> new CallSignal(callId, toChannelEvent(event)));
    }
    if (taken || !SIGNALLED.contains(event.name())) {
      return Optional.empty();
    }
    if (owned(event) && !OWNED_SIGNALLED.contains(event.name())) {
      return Optional.empty();
    }
    return callIdOf(event).map(callId -> new CallSignal(callId, toChannelEvent(event)));
  }

  /** Channel uuid to call id, for the events that do not carry the channel's variables. */
  private final Map<String, String> callOfChannel = new ConcurrentHashMap<>();

  /** Channels whose events their steps own (remembered: DTMF events carry no variables). */
  private final Set<String> ownedChannels = ConcurrentHashMap.newKeySet();

  /** Owned channels whose ringing was signalled: once per channel, whichever progress came. */
  private final Set<String> progressSignalled = ConcurrentHashMap.newKeySet();

  private boolean firstProgressOfOwned(SwitchEvent event) {
    boolean progress =
        ChannelEvent.CHANNEL_PROGRESS.equals(event.name())
            || ChannelEvent.CHANNEL_PROGRESS_MEDIA.equals(event.name());
    return progress && owned(event) && progressSignalled.add(event.header("Unique-ID"));
  }

  private boolean owned(SwitchEvent event) {
    String uuid = event.header("Unique-ID");
    return uuid != null && ownedChannels.contains(uuid);
  }

  private void remember(SwitchEvent event) {
    String uuid = event.header("Unique-ID");
    if (uuid == null) {
      return;
    }
    if ("CHANNEL_DESTROY".equals(event.name())) {
      callOfChannel.remove(uuid);
      ownedChannels.remove(uuid);
      progressSignalled.remove(uuid);
      return;
    }
    if ("1".equals(event.header("variable_" + EslCommandBuilder.STEPS_VARIABLE))) {
      ownedChannels.add(uuid);
    }
    String callId = event.header("variable_irisx_call_id");
    if (callId != null) {
      callOfChannel.put(uuid, callId);
    }
  }

  private Optional<String> callIdOf(SwitchEvent event) {
    if (ChannelEvent.BACKGROUND_JOB.equals(event.name())) {
      if (!"originate".equals(event.header("Job-Command"))) {
        return Optional.empty();
      }
      String args = event.header("Job-Command-Arg");
      Matcher matcher = CALL_ID_IN_ORIGINATE.matcher(args == null ? "" : args);
      return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
    String callId = event.header("variable_irisx_call_id");
    if (callId == null && event.header("Unique-ID") != null) {
      callId = callOfChannel.get(event.header("Unique-ID"));
    }
    return Optional.ofNullable(callId);
  }

  private static ChannelEvent toChannelEvent(SwitchEvent event) {
    return ChannelEventReader.of(event);
  }

  private static long parseLong(String value) {
    try {
      return value == null ? 0 : Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}

package io.irisx.activities.esl.simulator;

import java.util.List;
import java.util.Set;

/**
 * Fires channel events the way switch_channel_event_set_data builds them: optional leading headers,
 * the channel data, the variables (only for the event types FreeSWITCH adds them to), then
 * event-specific trailing headers.
 */
final class ChannelEvents {
  static final CallSite OUTGOING =
      new CallSite("switch_core_session.c", "switch_core_session_outgoing_channel", 768);
  static final CallSite STATE =
      new CallSite("switch_channel.c", "switch_channel_perform_set_running_state", 2191);
  static final CallSite CALLSTATE =
      new CallSite("switch_channel.c", "switch_channel_perform_set_callstate", 333);
  static final CallSite CREATE =
      new CallSite("switch_core_state_machine.c", "switch_core_session_run", 626);
  static final CallSite ORIGINATE =
      new CallSite("switch_core_state_machine.c", "switch_core_session_run", 636);
  static final CallSite PROGRESS =
      new CallSite("switch_channel.c", "switch_channel_perform_mark_ring_ready_value", 3505);
  static final CallSite PROGRESS_MEDIA =
      new CallSite("switch_channel.c", "switch_channel_perform_mark_pre_answered", 3562);
  static final CallSite ANSWER =
      new CallSite("switch_channel.c", "switch_channel_perform_mark_answered", 3846);
  static final CallSite EXECUTE =
      new CallSite("switch_core_session.c", "switch_core_session_exec", 2944);
  static final CallSite EXECUTE_COMPLETE =
      new CallSite("switch_core_session.c", "switch_core_session_exec", 2967);
  static final CallSite DUMP = new CallSite("mod_commands.c", "uuid_dump_function", 6468);
  static final CallSite PARK = new CallSite("switch_ivr.c", "switch_ivr_park", 1002);
  static final CallSite UNPARK = new CallSite("switch_ivr.c", "switch_ivr_park", 1209);
  static final CallSite PLAYBACK_START =
      new CallSite("switch_ivr_play_say.c", "switch_ivr_play_file", 1646);
  static final CallSite PLAYBACK_STOP =
      new CallSite("switch_ivr_play_say.c", "switch_ivr_play_file", 2020);
  static final CallSite HANGUP =
      new CallSite("switch_channel.c", "switch_channel_perform_hangup", 3445);
  static final CallSite HANGUP_COMPLETE =
      new CallSite("switch_core_state_machine.c", "switch_core_session_reporting_state", 943);
  static final CallSite DESTROY =
      new CallSite("switch_core_session.c", "switch_core_session_perform_destroy", 1588);

  /**
   * switch_channel_event_set_extended_data adds variables only to these (without verbose events).
   */
  private static final Set<String> EVENTS_WITH_VARIABLES =
      Set.of(
          "CHANNEL_CREATE",
          "CHANNEL_ORIGINATE",
          "CHANNEL_UUID",
          "CHANNEL_ANSWER",
          "CHANNEL_PARK",
          "CHANNEL_UNPARK",
          "CHANNEL_BRIDGE",
          "CHANNEL_UNBRIDGE",
          "CHANNEL_PROGRESS",
          "CHANNEL_PROGRESS_MEDIA",
          "CHANNEL_HANGUP",
          "CHANNEL_HANGUP_COMPLETE",
          "REQUEST_PARAMS",
          "CHANNEL_DATA",
          "CHANNEL_EXECUTE",
          "CHANNEL_EXECUTE_COMPLETE",
          "CHANNEL_DESTROY",
          "SESSION_HEARTBEAT",
          "API",
          "RECORD_START",
          "RECORD_STOP",
          "PLAYBACK_START",
          "PLAYBACK_STOP",
          "CALL_UPDATE",
          "MEDIA_BUG_START",
          "MEDIA_BUG_STOP",
          "CHANNEL_HOLD",
          "CHANNEL_UNHOLD",
          "TEXT",
          "CUSTOM");

  private final EventBus bus;

  /** The Application headers of CHANNEL_EXECUTE and CHANNEL_EXECUTE_COMPLETE, in their order. */
  static List<EventHeader> application(String app, String data, String uuid, String response) {
    List<EventHeader> headers = new java.util.ArrayList<>(4);
    headers.add(new EventHeader("Application", app));
    if (data != null && !data.isEmpty()) {
      headers.add(new EventHeader("Application-Data", data));
    }
    if (response != null) {
      headers.add(new EventHeader("Application-Response", response));
    }
    headers.add(new EventHeader("Application-UUID", uuid));
    return headers;
  }

  ChannelEvents(EventBus bus) {
    this.bus = bus;
  }

  /** The channel as uuid_dump prints it: a CHANNEL_DATA event that is not sent. */
  String dump(SimulatedChannel channel) {
    EventDraft draft =
        new EventDraft("CHANNEL_DATA", DUMP)
            .addAll(channel.basicData())
            .addAll(channel.variableHeaders());
    return bus.stamp(draft).plainPayload();
  }

  void fire(SimulatedChannel channel, String name, CallSite site) {
    fire(channel, name, site, List.of(), List.of());
  }

  void fire(
      SimulatedChannel channel,
      String name,
      CallSite site,
      List<EventHeader> leading,
      List<EventHeader> trailing) {
    EventDraft draft = new EventDraft(name, site).addAll(leading).addAll(channel.basicData());
    if (EVENTS_WITH_VARIABLES.contains(name)) {
      draft.addAll(channel.variableHeaders());
    }
    bus.publish(draft.addAll(trailing));
  }
}

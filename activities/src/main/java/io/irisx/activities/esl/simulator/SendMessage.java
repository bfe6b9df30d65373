package io.irisx.activities.esl.simulator;

import io.irisx.workflows.call.HangupCause;
import java.util.Locale;

/**
 * The sendmsg verb on an inbound socket: the message is queued to the channel and the reply is
 * immediate; what it does shows up later as CHANNEL_EXECUTE / EXECUTE_COMPLETE or a hangup.
 */
final class SendMessage {
  private final SimulatedSwitch core;

  SendMessage(SimulatedSwitch core) {
    this.core = core;
  }

  /** Returns the Reply-Text. */
  String deliver(String uuidArgument, ClientPacket packet) {
    String uuid = uuidArgument.strip();
    CallLeg leg = core.leg(uuid);
    if (leg == null) {
      return "-ERR invalid session id [" + uuid + "]";
    }
    String command = lower(packet.header("call-command"));
    String applicationUuid = packet.header("Event-UUID");
    switch (command) {
      case "execute" -> {
        String app = lower(packet.header("execute-app-name"));
        String arg = packet.header("execute-app-arg");
        if (arg == null && packet.body() != null) {
          arg = packet.body();
        }
        switch (app) {
          case "playback" -> leg.playback(arg == null ? "" : arg, applicationUuid);
          case "hangup" -> leg.hangup(HangupCause.parse(arg).orElse(HangupCause.NORMAL_CLEARING));
          case "answer", "pre_answer" -> leg.answer();
          default -> leg.executeInstantly(app, arg, applicationUuid);
        }
      }
      case "hangup" ->
          leg.hangup(
              HangupCause.parse(packet.header("hangup-cause")).orElse(HangupCause.NORMAL_CLEARING));
      default -> {
        // unicast, nomedia, xferext and friends are accepted and ignored: they change media paths
        // only.
      }
    }
    return "+OK";
  }

  private static String lower(String value) {
    return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
  }
}

package io.irisx.activities.esl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.irisx.workflows.call.CallControlActivities;
import io.irisx.workflows.call.ChannelSnapshot;
import io.irisx.workflows.call.OriginateCommand;
import io.temporal.failure.ApplicationFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Call control over the node's event socket. Every method is safe to retry: originate first asks
 * whether the channel it would create exists, a hangup of a channel already gone succeeds, playing
 * to a channel already gone does nothing, and playing twice only restarts the prompt. Unsafe input
 * fails the activity for good, before anything is sent; a switch that is unreachable fails it for a
 * retry.
 */
public final class CallControlActivitiesImpl implements CallControlActivities {
  private static final Logger log = LoggerFactory.getLogger(CallControlActivitiesImpl.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String UNSAFE_COMMAND = "UnsafeCommand";
  static final String SWITCH_REFUSED = "SwitchRefused";

  private final EslConnection esl;
  private final EslCommandBuilder commands;

  public CallControlActivitiesImpl(EslConnection esl, EslCommandBuilder commands) {
    this.esl = esl;
    this.commands = commands;
  }

  @Override
  public void originate(OriginateCommand command) {
    EslCommand originate = safely(() -> commands.originate(command));
    if (channelExists(command.channelUuid())) {
      log.info(
          "call {}: channel {} already exists; not dialling again",
          command.callId(),
          command.channelUuid());
      return;
    }
    String jobUuid = esl.bgapi(originate.command(), originate.args());
    log.info(
        "call {}: originate sent on node {} as job {}",
        command.callId(),
        esl.settings().nodeId(),
        jobUuid);
  }

  @Override
  public void answer(String channelUuid) {
    EslCommand answer = safely(() -> commands.answer(channelUuid));
    ApiReply reply = esl.api(answer.command(), answer.args());
    // uuid_answer says "-ERROR" both for a channel that is gone and for one that failed to answer.
    if (reply.isError() && channelExists(channelUuid)) {
      throw ApplicationFailure.newFailure(
          "switch refused answer: " + reply.firstLine(), SWITCH_REFUSED);
    }
  }

  @Override
  public void play(String channelUuid, String media) {
    EslCommand broadcast = safely(() -> commands.broadcast(channelUuid, media));
    ApiReply reply = esl.api(broadcast.command(), broadcast.args());
    if (reply.isError()) {
      if (isNoSuchChannel(reply)) {
        // The call is over; its workflow learns that from the hangup (real, or synthetic after a
        // reconnect) or from its watchdog's inspect, exactly as when the channel ends mid-prompt.
        log.info("channel {} is gone; nothing to play to", channelUuid);
        return;
      }
      throw ApplicationFailure.newNonRetryableFailure(
          "switch refused playback: " + reply.firstLine(), SWITCH_REFUSED);
    }
  }

  @Override
  public void stopPrompt(String channelUuid) {
    EslCommand stop = safely(() -> commands.stopMedia(channelUuid));
    ApiReply reply = esl.api(stop.command(), stop.args());
    if (reply.isError() && !isNoSuchChannel(reply)) {
      throw ApplicationFailure.newFailure(
          "switch refused to stop the prompt: " + reply.firstLine(), SWITCH_REFUSED);
    }
  }

  @Override
  public void sendDigits(String channelUuid, String digits) {
    EslCommand send = safely(() -> commands.sendDigits(channelUuid, digits));
    ApiReply reply = esl.api(send.command(), send.args());
    if (reply.isError()) {
      if (reply.firstLine().contains("Cannot locate session")) {
        log.info("channel {} is gone; no digits to send", channelUuid);
        return;
      }
      throw ApplicationFailure.newNonRetryableFailure(
          "switch refused to send DTMF: " + reply.firstLine(), SWITCH_REFUSED);
    }
  }

  @Override
  public void hangup(String channelUuid, String cause) {
    EslCommand kill = safely(() -> commands.kill(channelUuid, cause));
    ApiReply reply = esl.api(kill.command(), kill.args());
    if (reply.isError() && !isNoSuchChannel(reply)) {
      throw ApplicationFailure.newFailure(
          "switch refused hangup: " + reply.firstLine(), SWITCH_REFUSED);
    }
  }

  @Override
  public ChannelSnapshot inspect(String channelUuid) {
    safely(() -> commands.exists(channelUuid));
    if (!channelExists(channelUuid)) {
      return ChannelSnapshot.gone();
    }
    EslCommand show = commands.listChannels();
    ApiReply reply = esl.api(show.command(), show.args());
    try {
      JsonNode rows = JSON.readTree(reply.body()).path("rows");
      for (JsonNode row : rows) {
        if (channelUuid.equalsIgnoreCase(row.path("uuid").asText())) {
          String callState = row.path("callstate").asText("");
          return new ChannelSnapshot(
              true,
              "ACTIVE".equals(callState) || "HELD".equals(callState),
              emptyToNull(row.path("application").asText(null)),
              emptyToNull(row.path("application_data").asText(null)));
        }
      }
    } catch (java.io.IOException e) {
      throw ApplicationFailure.newFailure(
          "unreadable channel list: " + e.getMessage(), SWITCH_REFUSED);
    }
    // It existed a moment ago and has just gone: the next look will say so.
    return new ChannelSnapshot(true, false, null, null);
  }

  private boolean channelExists(String channelUuid) {
    EslCommand exists = commands.exists(channelUuid);
    return "true".equals(esl.api(exists.command(), exists.args()).firstLine());
  }

  /**
   * uuid_kill says "No such channel!", uuid_broadcast "invalid uuid", for a channel that is gone.
   */
  private static boolean isNoSuchChannel(ApiReply reply) {
    String verdict = reply.firstLine();
    return verdict.contains("No such channel") || verdict.contains("invalid uuid");
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  private static EslCommand safely(java.util.function.Supplier<EslCommand> build) {
    try {
      return build.get();
    } catch (UnsafeCommandException e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), UNSAFE_COMMAND);
    }
  }
}

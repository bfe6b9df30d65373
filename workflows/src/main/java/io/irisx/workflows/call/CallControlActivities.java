package io.irisx.workflows.call;

import io.irisx.temporal.ActivityCatalogue;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Call control on one FreeSWITCH node; runs on that node's task queue. Each method returns as soon
 * as the switch accepted the command: what happens to the channel arrives later as events.
 */
@ActivityInterface
public interface CallControlActivities {

  /** Starts dialling; idempotent: if the channel already exists, nothing is sent again. */
  @ActivityMethod(name = ActivityCatalogue.ORIGINATE)
  void originate(OriginateCommand command);

  /** Answers an inbound channel; answering a channel already answered (or gone) is fine. */
  @ActivityMethod(name = ActivityCatalogue.ANSWER)
  void answer(String channelUuid);

  /** Starts playing a prompt (a file, a tone stream or speech) to the channel. */
  @ActivityMethod(name = ActivityCatalogue.PLAY)
  void play(String channelUuid, String media);

  /**
   * Stops the prompt playing now (and any queued): a caller who starts typing needs no more menu.
   */
  @ActivityMethod(name = ActivityCatalogue.STOP_PROMPT)
  void stopPrompt(String channelUuid);

  /** Sends DTMF digits to the far end ({@code 0-9 A-D * #}, {@code w}/{@code W} to pause). */
  @ActivityMethod(name = ActivityCatalogue.SEND_DIGITS)
  void sendDigits(String channelUuid, String digits);

  /** Hangs the channel up with the given Q.850 cause name; a channel already gone is fine. */
  @ActivityMethod(name = ActivityCatalogue.HANGUP)
  void hangup(String channelUuid, String cause);

  /** Asks the switch about the channel, when its events may have been missed. */
  @ActivityMethod(name = ActivityCatalogue.INSPECT_CHANNEL)
  ChannelSnapshot inspect(String channelUuid);
}

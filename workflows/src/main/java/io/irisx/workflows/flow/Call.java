package io.irisx.workflows.flow;

import java.util.Map;

/**
 * The handle a call flow steers its call with. Every method blocks (durably) until the switch has
 * done it; when the caller hangs up, the method throws {@link CallerHungUpException}.
 */
public interface Call {

  String callId();

  String from();

  String to();

  /** {@code outbound} (IRISX dialled) or {@code inbound} (a caller dialled one of our numbers). */
  String direction();

  /** The JSON parameters the API (or the number, or a redirect) gave this flow. */
  Map<String, Object> params();

  /**
   * Answers an inbound call and waits until the switch has; a no-op once answered (an outbound call
   * reaches its flow answered). A prompt answers an unanswered call by itself.
   */
  void answer();

  /**
   * Plays a prompt to the end: a sound file on the node ({@code ivr/ivr-welcome.wav}), a tone
   * ({@code tone_stream://%(1000,0,440)}) or silence ({@code silence_stream://500}).
   */
  void play(String media);

  /**
   * Plays typed media to the end: a file, a tone, text spoken by the node's TTS engine and voice,
   * or an https audio file. The same as {@code play(media.reference())}.
   */
  default void play(Media media) {
    play(media.reference());
  }

  /**
   * Collects digits as {@code gather} says: plays its prompt (the first digit stops it), waits for
   * the input, asks again while the input is missing or invalid. Never throws for a silent caller:
   * the result says whether there was an answer.
   */
  GatherResult gather(Gather gather);

  /**
   * Records the caller as {@code record} says (beep first if asked) and blocks until the recording
   * stops: maximum length, silence, a stop key, or the caller hanging up (then it returns rather
   * than throwing: a voicemail left before hanging up is the point). The upload to S3 runs in the
   * background; the call does not complete before it has ended, {@code available} or {@code
   * failed}.
   */
  Recording record(Record record);

  /**
   * Calls another party and bridges it to this call; returns when the other party hung up, never
   * answered or could not be reached, with this call still up for the flow to go on. Answers an
   * unanswered call first. Throws {@link CallerHungUpException} when this call's caller hangs up
   * (the switch then hangs up the other party too).
   */
  DialResult dial(Dial dial);

  /** Sends DTMF to the far end: {@code 0-9 A-D * #}, {@code w} waits 0.5 s, {@code W} 1 s. */
  void sendDigits(String digits);

  /** Waits, durably (a Temporal timer): a crash during the pause does not shorten or repeat it. */
  void pause(java.time.Duration duration);

  /**
   * Ends this flow and runs {@code flow} with {@code params} on the same call, as the API's
   * redirect does. Does not return.
   */
  void transfer(String flow, Map<String, Object> params);

  /**
   * Keeps a result of the flow in the call's CDR ({@code metadata} in the API): text, a number or a
   * boolean under a short key. A later value under the same key replaces the earlier one.
   */
  void annotate(String key, Object value);

  /** Hangs up with NORMAL_CLEARING and waits until the switch has; the flow should then return. */
  void hangup();

  /** Hangs up with a Q.850 cause name, e.g. {@code CALL_REJECTED}. */
  void hangup(String cause);
}

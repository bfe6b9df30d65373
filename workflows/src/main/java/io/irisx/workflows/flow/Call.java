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

  /** The JSON parameters the API was given for this call. */
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

  /** Hangs up with NORMAL_CLEARING; the flow ends. */
  void hangup();
}

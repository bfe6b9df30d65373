package io.irisx.workflows.flow;

/** The smallest useful flow: greet the callee, then hang up. */
public final class HelloFlow implements CallFlow {
  public static final String NAME = "hello";
  public static final String PROMPT = "ivr/ivr-welcome.wav";

  @Override
  public void run(Call call) {
    call.answer();
    call.play(PROMPT);
    call.hangup();
  }
}

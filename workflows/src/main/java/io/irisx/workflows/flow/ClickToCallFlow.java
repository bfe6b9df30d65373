package io.irisx.workflows.flow;

import java.time.Duration;
import java.util.Optional;

/**
 * Click-to-call: IRISX calls the agent first (the call's {@code to}); once the agent answers, an
 * optional {@code whisper} prompt plays to the agent and the customer is dialled and bridged to
 * them. The CDR's metadata keeps the outcome as {@code clickToCall}: {@code bridged}, {@code
 * customer-busy}, {@code customer-no-answer}, {@code customer-failed} or {@code agent-hung-up} (the
 * agent hung up first: while the customer rang, or during the conversation, which {@code
 * dial.outcome = bridged} tells apart), with the dial's details under {@code dial.*}.
 *
 * <p>Params: {@code customer} (E.164, required), {@code callerId} (E.164, what the customer sees;
 * default the call's {@code from}), {@code ringSeconds} (how long the customer may ring, 5..120,
 * default 30), {@code whisper} (a prompt for the agent before dialling).
 */
public final class ClickToCallFlow implements CallFlow {
  public static final String NAME = "click-to-call";
  public static final String RESULT = "clickToCall";

  /** What {@code params} may hold; the API refuses anything else. */
  public static final FlowParameters PARAMETERS =
      FlowParameters.of(
          FlowParameter.number("customer", "the number bridged to the agent").asRequired(),
          FlowParameter.number("callerId", "what the customer sees; default the call's from"),
          FlowParameter.integer("ringSeconds", 5, 120, "how long the customer may ring"),
          FlowParameter.media("whisper", "a prompt for the agent before dialling"));

  @Override
  public void run(Call call) {
    call.answer();
    Optional<String> customer = FlowParams.number(call.params(), "customer");
    if (customer.isEmpty()) {
      call.annotate(RESULT, "customer-failed");
      call.hangup("INVALID_NUMBER_FORMAT");
      return;
    }
    call.annotate(RESULT, "agent-hung-up");
    String whisper = FlowParams.text(call, "whisper", null);
    if (whisper != null) {
      call.play(whisper);
    }
    Dial dial =
        Dial.number(customer.get())
            .ringing(Duration.ofSeconds(FlowParams.integer(call, "ringSeconds", 30, 5, 120)))
            .callerId(FlowParams.number(call.params(), "callerId").orElse(call.from()));
    // The agent hanging up (CallerHungUpException) leaves "agent-hung-up"; dial.outcome then says
    // whether the customer had been connected.
    DialResult result = call.dial(dial);
    call.annotate(RESULT, result.bridged() ? "bridged" : "customer-" + result.outcome().wireName());
    call.hangup();
  }
}
